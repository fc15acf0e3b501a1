package org.duban.evidence;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.duban.audit.Journal;
import org.duban.evidence.dto.FileView;
import org.duban.platform.Actor;
import org.duban.platform.ProblemException;
import org.duban.platform.TrackerConfig;

/**
 * Evidence files (佐证材料): attach one to something tracked, list them, read one, publish a photo.
 * The type is decided from the content ({@link EvidenceTypes}), the bytes streamed into a PostgreSQL
 * large object with their SHA-256 ({@link EvidenceSql}); who may do what is the owner's own rule,
 * asked through its {@link EvidenceOwner}. Every write is journaled (entity FILE) on the owner's
 * tracked item; a refusal stores nothing (the checks come before the first byte is written, and a
 * large object made in a transaction that rolls back is gone with it). One class of some 300 lines:
 * every operation on a file goes through the same owner check and journal, which is its seam.
 */
@ApplicationScoped
public class EvidenceStore {

  static final String ENTITY = "FILE";
  static final long MIB = 1024L * 1024L;

  private final EvidenceSql sql;
  private final Map<OwnerKind, EvidenceOwner> owners = new EnumMap<>(OwnerKind.class);
  private final Journal journal;
  private final Clock clock;
  private final int maxMb;
  private final Counter stored;
  private final Counter storedBytes;

  public EvidenceStore(EvidenceSql sql, Instance<EvidenceOwner> owners, Journal journal, Clock clock, TrackerConfig config,
      MeterRegistry registry) {
    this.sql = sql;
    this.stored = Counter.builder("duban.evidence.stored").description("evidence files stored").register(registry);
    this.storedBytes = Counter.builder("duban.evidence.stored.bytes").description("bytes of evidence files stored").baseUnit("bytes").register(registry);
    this.journal = journal;
    this.clock = clock;
    this.maxMb = config.evidence().maxMb();
    for (EvidenceOwner owner : owners) {
      if (this.owners.put(owner.kind(), owner) != null) {
        throw new IllegalStateException("two evidence owners for " + owner.kind());
      }
    }
  }

  /** The largest file taken, in bytes. */
  public long maxBytes() {
    return maxMb * MIB;
  }

  /**
   * Attaches the file at {@code file} (an upload already on disk) to the owner: 404 unless the actor
   * reads the owner, 403/409 unless it may attach to it, 400 empty, 413 over the limit, 415 not a
   * PDF, JPEG, PNG, DOCX or XLSX by its content. {@code name} is only kept as the download's name.
   */
  @Transactional
  public FileView attach(OwnerKind kind, long ownerId, Path file, String name, Actor actor) {
    EvidenceOwner.Ref ref = owner(kind).attach(ownerId, actor);
    long size;
    String type;
    try {
      size = Files.size(file);
      if (size == 0) {
        throw new ProblemException(400, "Bad request", "The file is empty.", null);
      }
      if (size > maxBytes()) {
        throw tooLarge();
      }
      type = EvidenceTypes.detect(file).orElseThrow(EvidenceStore::wrongType);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    EvidenceSql.Stored stored;
    try (InputStream in = Files.newInputStream(file)) {
      stored = sql.store(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String kept = fileName(name, type);
    long id = sql.insert(kind, ownerId, kept, type, stored, actor.username(), clock.instant());
    journal
        .on(actor, ref.measureId(), ENTITY, String.valueOf(id))
        .action("ATTACH", ref.label() + ": " + kept + ", " + type + ", " + stored.size() + " bytes, sha256 " + stored.sha256());
    this.stored.increment();
    storedBytes.increment(stored.size());
    return view(sql.find(id, false).orElseThrow());
  }

  /**
   * The same from a stream (e.g. a page's form or another service): spooled to a temporary file
   * first, at most one byte over the limit, since the type is decided before anything is stored.
   */
  public FileView attach(OwnerKind kind, long ownerId, InputStream stream, String name, Actor actor) {
    Path spool = null;
    try {
      spool = Files.createTempFile("duban-evidence", ".upload");
      try (var spooled = Files.newOutputStream(spool)) {
        long copied = new BufferedInputStream(stream).transferTo(new java.io.FilterOutputStream(spooled) {
          long written;

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            written += len;
            if (written > maxBytes() + 1) {
              throw new TooLarge();
            }
            out.write(b, off, len);
          }
        });
        assert copied >= 0;
      } catch (TooLarge e) {
        owner(kind).attach(ownerId, actor); // 404/403 before 413, as from a file
        throw tooLarge();
      }
      return attach(kind, ownerId, spool, name, actor);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (spool != null) {
        try {
          Files.deleteIfExists(spool);
        } catch (IOException ignored) {
          // a temporary file: the OS cleans up
        }
      }
    }
  }

  /** The owner's files, oldest first: 404 unless the actor reads the owner. */
  @Transactional
  public List<FileView> list(OwnerKind kind, long ownerId, Actor actor) {
    owner(kind).read(ownerId, actor);
    return sql.list(kind, ownerId).stream().map(EvidenceStore::view).toList();
  }

  /** Whether the actor may attach files to the owner (for a page to decide whether to show its form). */
  @Transactional
  public boolean mayAttach(OwnerKind kind, long ownerId, Actor actor) {
    try {
      owner(kind).attach(ownerId, actor);
      return true;
    } catch (ProblemException refused) {
      return false;
    }
  }

  /** One file to read: 404 unless the actor reads what it is attached to. The bytes stream later. */
  @Transactional
  public Download open(long id, Actor actor) {
    EvidenceSql.Row row = sql.find(id, false).orElseThrow(() -> notFound(id));
    readable(row, actor);
    return new Download(view(row), row.mediaType(), row.size(), row.sha256(), row.name(), stream(row.content()));
  }

  /** A published file's public copy (no metadata): 404 unless published. Nobody is asked. */
  @Transactional
  public Download openPublic(long id) {
    EvidenceSql.Row row = sql.find(id, false).filter(EvidenceSql.Row::published).orElseThrow(() -> ProblemException.notFound("There is no public file " + id + "."));
    return new Download(null, row.mediaType(), row.publicSize(), row.publicSha256(), "duban-" + id + EvidenceTypes.extension(row.mediaType()), stream(row.publicContent()));
  }

  /**
   * Publishes a photo (a copy without its metadata is made and served on the public side) or
   * withdraws it: the owner's publisher only (the office); 409 for a PDF, Word or Excel file,
   * whose metadata Duban cannot remove.
   */
  @Transactional
  public FileView publish(long id, boolean published, Actor actor) {
    EvidenceSql.Row row = sql.find(id, true).orElseThrow(() -> notFound(id));
    readable(row, actor);
    EvidenceOwner.Ref ref = owner(row.ownerKind()).publish(row.ownerId(), actor);
    if (published == row.published()) {
      return view(row);
    }
    if (published) {
      if (!EvidenceTypes.publishable(row.mediaType())) {
        throw ProblemException.conflict("Only a JPEG or PNG photo can be made public: the metadata of a PDF, Word or Excel file cannot be removed.");
      }
      EvidenceSql.Stored copy;
      try {
        copy = sql.copy(row.content(), (in, out) -> PublicCopy.strip(row.mediaType(), in, out));
      } catch (UncheckedIOException broken) {
        throw ProblemException.conflict("The photo could not be read to remove its metadata: it cannot be made public.");
      }
      sql.setPublic(id, copy);
    } else {
      sql.setPublic(id, null);
    }
    journal.on(actor, ref.measureId(), ENTITY, String.valueOf(id)).change("PUBLISH", "public", row.published(), published);
    return view(sql.find(id, false).orElseThrow());
  }

  /** Deletes a file (its large objects go with it): whoever may attach to the owner. */
  @Transactional
  public void delete(long id, Actor actor) {
    EvidenceSql.Row row = sql.find(id, true).orElseThrow(() -> notFound(id));
    readable(row, actor);
    EvidenceOwner.Ref ref = owner(row.ownerKind()).attach(row.ownerId(), actor);
    sql.delete(id);
    journal.on(actor, ref.measureId(), ENTITY, String.valueOf(id)).action("DELETE", ref.label() + ": " + row.name() + ", sha256 " + row.sha256());
  }

  /** A file to send: its headers, and the bytes streamed in a transaction of their own when written. */
  public record Download(FileView file, String mediaType, long size, String sha256, String name, StreamingOutput body) {}

  private StreamingOutput stream(long oid) {
    return out -> {
      try {
        QuarkusTransaction.requiringNew().run(() -> {
          try {
            sql.copyOut(oid, out);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    };
  }

  private void readable(EvidenceSql.Row row, Actor actor) {
    try {
      owner(row.ownerKind()).read(row.ownerId(), actor);
    } catch (ProblemException refused) {
      if (refused.status() == 404) {
        throw notFound(row.id());
      }
      throw refused;
    }
  }

  private EvidenceOwner owner(OwnerKind kind) {
    EvidenceOwner owner = owners.get(kind);
    if (owner == null) {
      throw ProblemException.notFound("Files cannot be attached to " + kind.name().toLowerCase() + " items yet.");
    }
    return owner;
  }

  private ProblemException tooLarge() {
    return new ProblemException(413, "Payload too large", "The file is larger than " + maxMb + " MB.", null);
  }

  private static ProblemException wrongType() {
    return new ProblemException(415, "Unsupported media type", "The file is not a PDF, JPEG, PNG, DOCX or XLSX file (judged by its content, not its name).", null);
  }

  private static ProblemException notFound(long id) {
    return ProblemException.notFound("There is no file " + id + ".");
  }

  /** The name as given, without a path, control characters or excess length; a default if none. */
  static String fileName(String given, String mediaType) {
    String name = given == null ? "" : given;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = name.codePoints().filter(c -> !Character.isISOControl(c) && c != '"').collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      name = "file" + EvidenceTypes.extension(mediaType);
    }
    if (name.length() > 200) {
      name = name.substring(0, 200);
    }
    return name;
  }

  static FileView view(EvidenceSql.Row r) {
    return new FileView(
        r.id(), r.ownerKind().name(), r.ownerId(), r.name(), r.mediaType(), r.size(), r.sha256(), r.published(),
        r.uploadedBy(), r.uploadedAt(), "/api/v1/files/" + r.id(), r.published() ? "/api/v1/public/files/" + r.id() : null);
  }

  /** The spool went over the limit. */
  private static final class TooLarge extends IOException {
    TooLarge() {
      super("over the limit");
    }
  }
}
