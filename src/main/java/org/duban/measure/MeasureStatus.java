package org.duban.measure;

/**
 * NOT_STARTED → IN_PROGRESS → CLAIMED_DONE (the lead unit asks to close) → VERIFIED (the office
 * closed it, 销号); CLAIMED_DONE or VERIFIED can be reopened to IN_PROGRESS; SUSPENDED with a reason.
 */
public enum MeasureStatus {
  NOT_STARTED,
  IN_PROGRESS,
  CLAIMED_DONE,
  VERIFIED,
  SUSPENDED
}
