package org.duban.architecture.probe.dashboard;

/** A dashboard class that wrongly uses the public feature: the features rule must catch it. */
public class UsesAnotherFeature {
  public Object other() {
    return new org.duban.architecture.probe.publicapi.Other();
  }
}
