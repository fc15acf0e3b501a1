package org.duban.architecture.probe.web;

/** Stands for a page on the web floor. */
public class SomePage {}
