package org.duban.architecture.probe.platform;

/** A platform class that wrongly uses the web floor: the floors must catch it. */
public class ReachesUp {
  public String text() {
    return org.duban.architecture.probe.web.SomePage.class.getName();
  }
}
