package org.duban.evidence;

import org.duban.platform.Actor;

/**
 * The hook through which the package that owns a kind of thing (a report, a visit, ...) decides who
 * may read, attach to and publish the files attached to one of its things, by its own scope rules:
 * "readable by exactly those who may read what it is attached to". One CDI bean per
 * {@link OwnerKind} (an {@code @ApplicationScoped} class implementing this); {@link EvidenceStore}
 * finds it by {@link #kind()}. A kind without a bean reads as nothing (404): fail closed.
 *
 * <p>Each method throws a {@link org.duban.platform.ProblemException}: 404 when the actor may not
 * read the owner (it does not exist for it), 403 or 409 when it reads it but may not do this.
 */
public interface EvidenceOwner {

  OwnerKind kind();

  /** The owner as the actor may read it; 404 otherwise. */
  Ref read(long ownerId, Actor actor);

  /** The owner if the actor may attach a file to it (or delete one); 404, 403 or 409 otherwise. */
  Ref attach(long ownerId, Actor actor);

  /** The owner if the actor may publish (or withdraw) one of its files; 404 or 403 otherwise. */
  Ref publish(long ownerId, Actor actor);

  /**
   * The owner's identity for the journal: the tracked item it belongs to (the journal's measure, so
   * the entries show in that item's journal; null if none) and a short label ("report 12").
   */
  record Ref(Long measureId, String label) {}
}
