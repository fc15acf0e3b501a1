package org.duban.evidence;

/** What an evidence file is attached to: each kind is answered for by one {@link EvidenceOwner}. */
public enum OwnerKind {
  REPORT,
  CLAIM,
  VISIT,
  INSPECTION,
  RECTIFICATION
}
