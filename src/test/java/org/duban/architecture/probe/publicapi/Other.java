package org.duban.architecture.probe.publicapi;

/** Stands for a class of another feature. */
public class Other {}
