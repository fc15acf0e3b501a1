package org.duban.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.duban.catalogue.CatalogueService.FileKind;
import org.duban.catalogue.CatalogueService.ImportResult;
import org.duban.platform.Actor;
import org.duban.platform.BusinessCalendar;
import org.duban.platform.ProblemException;

/**
 * A catalogue file between the staff page's dry run and the office's confirmation: kept on the
 * server ({@code catalogue_upload}), named by a random id, applied only by its uploader within an
 * hour, and deleted in the same transaction that imports it. The confirmation never carries the file
 * again, so what is applied is exactly what the dry run checked (its SHA-256 is shown on the page).
 * The import itself is {@link CatalogueService#importFile}: all rows or none.
 */
@ApplicationScoped
public class CatalogueStaging {

  static final Duration TTL = Duration.ofHours(1);

  private final EntityManager em;
  private final CatalogueService service;
  private final BusinessCalendar calendar;

  public CatalogueStaging(EntityManager em, CatalogueService service, BusinessCalendar calendar) {
    this.em = em;
    this.service = service;
    this.calendar = calendar;
  }

  /** A staged file: its id (for the confirmation) and its SHA-256 (for the reader to recognise it). */
  public record Staged(UUID id, String sha256) {}

  /** Keeps a file that passed its dry run; sweeps uploads older than an hour. */
  @Transactional
  public Staged stage(byte[] bytes, FileKind kind, Actor actor) {
    Instant now = calendar.now();
    em.createNativeQuery("delete from catalogue_upload where created_at < ?1").setParameter(1, now.minus(TTL)).executeUpdate();
    UUID id = UUID.randomUUID();
    String sha = sha256(bytes);
    em.createNativeQuery("insert into catalogue_upload (id, uploader, created_at, sha256, kind, bytes) values (?1, ?2, ?3, ?4, ?5, ?6)")
        .setParameter(1, id)
        .setParameter(2, actor.username())
        .setParameter(3, now)
        .setParameter(4, sha)
        .setParameter(5, kind.name())
        .setParameter(6, bytes)
        .executeUpdate();
    return new Staged(id, sha);
  }

  /**
   * Imports a staged file for real and deletes it, in one transaction. 404 for an upload that does
   * not exist or is someone else's; 410 for one older than an hour; the import's own 400 (with
   * every bad row) if the measures changed since the dry run so that a row no longer fits.
   */
  @Transactional
  public ImportResult apply(UUID id, Actor actor) {
    @SuppressWarnings("unchecked")
    List<Tuple> rows = em.createNativeQuery(
            "select uploader, created_at >= ?2 as fresh, kind, bytes from catalogue_upload where id = ?1 for update", Tuple.class)
        .setParameter(1, id)
        .setParameter(2, calendar.now().minus(TTL))
        .getResultList();
    if (rows.isEmpty() || !actor.username().equals(rows.get(0).get("uploader", String.class))) {
      throw ProblemException.notFound("There is no such upload of yours: upload the file again.");
    }
    Tuple row = rows.get(0);
    if (!Boolean.TRUE.equals(row.get("fresh", Boolean.class))) {
      throw new ProblemException(410, "Upload expired", "The upload is more than an hour old: upload the file again.", null);
    }
    ImportResult result = service.importFile(
        row.get("bytes", byte[].class), FileKind.valueOf(row.get("kind", String.class)), null, false, actor);
    em.createNativeQuery("delete from catalogue_upload where id = ?1").setParameter(1, id).executeUpdate();
    return result;
  }

  /** Hex SHA-256 of the file. */
  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
