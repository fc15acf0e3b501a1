package org.duban.evidence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.postgresql.PGConnection;
import org.postgresql.largeobject.LargeObject;
import org.postgresql.largeobject.LargeObjectManager;

/**
 * Every statement of the evidence store, and its large objects: the bytes go in and out of
 * PostgreSQL 64 KiB at a time (pgjdbc's large object API on the transaction's own connection), so
 * the heap holds one buffer whatever the file's size. Callers hold a transaction: a large object is
 * only readable and writable inside one, and one created in a transaction that rolls back is gone.
 * One class past 250 lines on purpose: the feature's one home for SQL, the rows and the large
 * objects they point at are kept together (its two stream adapters are small nested classes).
 */
@ApplicationScoped
public class EvidenceSql {

  static final int BUFFER = 64 * 1024;

  private static final String COLUMNS =
      "id, owner_kind, owner_id, name, media_type, size_bytes, sha256, content, public_content, public_size,"
          + " public_sha256, uploaded_by, uploaded_at";

  private final AgroalDataSource dataSource;

  public EvidenceSql(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A large object written, its size and SHA-256 (hex). */
  public record Stored(long oid, long size, String sha256) {}

  /** A row of evidence_file. */
  public record Row(
      long id, OwnerKind ownerKind, long ownerId, String name, String mediaType, long size, String sha256,
      long content, Long publicContent, Long publicSize, String publicSha256, String uploadedBy, Instant uploadedAt) {
    boolean published() {
      return publicContent != null;
    }
  }

  /** Streams {@code in} into a new large object, computing its SHA-256 on the way. */
  Stored store(InputStream in) {
    try (Connection c = dataSource.getConnection()) {
      LargeObjectManager objects = c.unwrap(PGConnection.class).getLargeObjectAPI();
      long oid = objects.createLO(LargeObjectManager.READWRITE);
      LargeObject lo = objects.open(oid, LargeObjectManager.WRITE);
      try (LargeObjectSink sink = new LargeObjectSink(lo)) {
        byte[] buffer = new byte[BUFFER];
        int n;
        while ((n = in.read(buffer)) >= 0) {
          sink.write(buffer, 0, n);
        }
        return new Stored(oid, sink.size, sink.hex());
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not store a large object", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Streams a copy of large object {@code source}, passed through {@code filter}, into a new one. */
  Stored copy(long source, Filter filter) {
    try (Connection c = dataSource.getConnection()) {
      LargeObjectManager objects = c.unwrap(PGConnection.class).getLargeObjectAPI();
      long oid = objects.createLO(LargeObjectManager.READWRITE);
      LargeObject from = objects.open(source, LargeObjectManager.READ);
      LargeObject to = objects.open(oid, LargeObjectManager.WRITE);
      try (InputStream in = new java.io.BufferedInputStream(new LargeObjectSource(from), BUFFER);
          LargeObjectSink sink = new LargeObjectSink(to);
          OutputStream out = new BufferedOutputStream(sink, BUFFER)) {
        filter.copy(in, out);
        out.flush();
        return new Stored(oid, sink.size, sink.hex());
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not copy a large object", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What {@link #copy} does to the bytes on the way. */
  interface Filter {
    void copy(InputStream in, OutputStream out) throws IOException;
  }

  /** Streams large object {@code oid} to {@code out}. */
  void copyOut(long oid, OutputStream out) throws IOException {
    try (Connection c = dataSource.getConnection()) {
      LargeObjectManager objects = c.unwrap(PGConnection.class).getLargeObjectAPI();
      LargeObject lo = objects.open(oid, LargeObjectManager.READ);
      try {
        byte[] buffer = new byte[BUFFER];
        int n;
        while ((n = lo.read(buffer, 0, buffer.length)) > 0) {
          out.write(buffer, 0, n);
        }
      } finally {
        lo.close();
      }
    } catch (SQLException e) {
      throw new IOException("could not read large object " + oid, e);
    }
  }

  long insert(OwnerKind kind, long ownerId, String name, String mediaType, Stored stored, String by, Instant at) {
    return update(
        "insert into evidence_file (owner_kind, owner_id, name, media_type, size_bytes, sha256, content, uploaded_by, uploaded_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id",
        ps -> {
          ps.setString(1, kind.name());
          ps.setLong(2, ownerId);
          ps.setString(3, name);
          ps.setString(4, mediaType);
          ps.setLong(5, stored.size());
          ps.setString(6, stored.sha256());
          ps.setLong(7, stored.oid());
          ps.setString(8, by);
          ps.setObject(9, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        },
        true);
  }

  Optional<Row> find(long id, boolean forUpdate) {
    List<Row> rows = query("select " + COLUMNS + " from evidence_file where id = ?" + (forUpdate ? " for update" : ""), ps -> ps.setLong(1, id));
    return rows.stream().findFirst();
  }

  List<Row> list(OwnerKind kind, long ownerId) {
    return query(
        "select " + COLUMNS + " from evidence_file where owner_kind = ? and owner_id = ? order by id",
        ps -> {
          ps.setString(1, kind.name());
          ps.setLong(2, ownerId);
        });
  }

  /** Sets (or, with null, withdraws) the public copy; the trigger unlinks a copy replaced. */
  void setPublic(long id, Stored copy) {
    update(
        "update evidence_file set public_content = ?, public_size = ?, public_sha256 = ? where id = ?",
        ps -> {
          ps.setObject(1, copy == null ? null : copy.oid(), java.sql.Types.BIGINT);
          ps.setObject(2, copy == null ? null : copy.size(), java.sql.Types.BIGINT);
          ps.setString(3, copy == null ? null : copy.sha256());
          ps.setLong(4, id);
        },
        false);
  }

  /** Deletes the row; its trigger unlinks the large objects. */
  void delete(long id) {
    update("delete from evidence_file where id = ?", ps -> ps.setLong(1, id), false);
  }

  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private List<Row> query(String sql, Binder binder) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      List<Row> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new Row(
                  rs.getLong("id"),
                  OwnerKind.valueOf(rs.getString("owner_kind")),
                  rs.getLong("owner_id"),
                  rs.getString("name"),
                  rs.getString("media_type"),
                  rs.getLong("size_bytes"),
                  rs.getString("sha256"),
                  rs.getLong("content"),
                  rs.getObject("public_content") == null ? null : rs.getLong("public_content"),
                  rs.getObject("public_size") == null ? null : rs.getLong("public_size"),
                  rs.getString("public_sha256"),
                  rs.getString("uploaded_by"),
                  rs.getObject("uploaded_at", OffsetDateTime.class).toInstant()));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("evidence query failed", e);
    }
  }

  private long update(String sql, Binder binder, boolean returning) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      if (returning) {
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("evidence statement failed", e);
    }
  }

  /** Reads a large object as a stream. */
  private static final class LargeObjectSource extends InputStream {
    private final LargeObject lo;

    LargeObjectSource(LargeObject lo) {
      this.lo = lo;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) <= 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      try {
        int n = lo.read(b, off, len);
        return n <= 0 ? -1 : n;
      } catch (SQLException e) {
        throw new IOException(e);
      }
    }

    @Override
    public void close() throws IOException {
      try {
        lo.close();
      } catch (SQLException e) {
        throw new IOException(e);
      }
    }
  }

  /** Writes a large object, counting and hashing what passes. */
  private static final class LargeObjectSink extends OutputStream {
    private final LargeObject lo;
    private final MessageDigest sha;
    private boolean closed;
    long size;

    LargeObjectSink(LargeObject lo) {
      this.lo = lo;
      try {
        this.sha = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        lo.write(b, off, len);
      } catch (SQLException e) {
        throw new IOException(e);
      }
      sha.update(b, off, len);
      size += len;
    }

    String hex() {
      return HexFormat.of().formatHex(sha.digest());
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      try {
        lo.close();
      } catch (SQLException e) {
        throw new IOException(e);
      }
    }
  }
}
