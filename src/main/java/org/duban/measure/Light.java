package org.duban.measure;

/** The warning light (亮灯) of a measure, computed and never typed in. CLOSED: verified, not lit. */
public enum Light {
  GREEN,
  YELLOW,
  RED,
  CLOSED
}
