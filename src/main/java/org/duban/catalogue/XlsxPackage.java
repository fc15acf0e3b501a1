package org.duban.catalogue;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipFileZipEntrySource;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.XMLHelper;
import org.duban.platform.ProblemException;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * An uploaded .xlsx opened for reading, within fixed caps on what unpacking it may cost, so that no
 * upload (a zip bomb, a part stuffed with junk) can take more memory or time than a legal catalogue.
 *
 * <p>POI's own guard ({@link ZipSecureFile}) stops any part that inflates more than 100-fold (past
 * the first 100 KiB) or past 64 MiB; it needs a file, so the upload goes to a temporary file for
 * the read. POI keeps these limits JVM-wide, so they are set again before every read. On top of
 * them, per read: at most 1,000 parts; the parts POI parses whole into memory when it opens a package
 * (the content types, every relationship part, the core properties) at most 1 MiB each and 4 MiB
 * together; and every part we stream ({@link #guard}) at most 64 MiB, in UTF-8, without comments,
 * DTDs, CDATA or processing instructions (no spreadsheet program writes them; a parser holds each
 * whole), and never more than 1 MiB between two tags.
 *
 * <p>One class past 250 lines because it is one step: the caps on unpacking one upload, checked in
 * the order the bytes are met (the zip's directory, the describing parts, then each streamed part).
 */
final class XlsxPackage implements Closeable {

  static final int MAX_PARTS = 1_000;
  static final double MIN_INFLATE_RATIO = 0.01;
  static final long GRACE_BYTES = 100L * 1024;
  static final long MAX_PART_BYTES = 64L * 1024 * 1024;
  static final long MAX_DESCRIBING_PART_BYTES = 1024L * 1024;
  static final long MAX_DESCRIBING_BYTES = 4L * 1024 * 1024;
  static final int MAX_BYTES_BETWEEN_TAGS = 1024 * 1024;

  static final String RELATIONSHIPS = "application/vnd.openxmlformats-package.relationships+xml";
  static final String CORE_PROPERTIES = "application/vnd.openxmlformats-package.core-properties+xml";

  static ProblemException unreadable() {
    return CatalogueFiles.fileProblem("The file is not a readable XLSX workbook.");
  }

  static ProblemException zipBomb() {
    return CatalogueFiles.fileProblem("The workbook unpacks to far more than its size (a zip bomb?); nothing was imported.");
  }

  static ProblemException tooLarge() {
    return CatalogueFiles.fileProblem(
        "A part of the workbook unpacks to more than an import takes (64 MiB; 1 MiB for the parts that describe the"
            + " workbook); nothing was imported.");
  }

  static ProblemException tooManyParts() {
    return CatalogueFiles.fileProblem("The workbook has more than 1000 parts; nothing was imported.");
  }

  static ProblemException unusualXml() {
    return CatalogueFiles.fileProblem(
        "The workbook holds XML that spreadsheet programs do not write (comments, DTDs, processing instructions,"
            + " an encoding other than UTF-8, or more than 1 MiB between two tags); nothing was imported.");
  }

  private final Path file;
  private OPCPackage opc;
  private ProblemException refusal;

  private XlsxPackage(Path file) {
    this.file = file;
  }

  OPCPackage opc() {
    return opc;
  }

  /** Opens the upload: refused with a problem when it breaks a cap or is no workbook. */
  static XlsxPackage open(byte[] bytes) {
    limitPoi();
    countParts(bytes);
    XlsxPackage xlsx = null;
    ZipSecureFile zip = null;
    try {
      xlsx = new XlsxPackage(Files.createTempFile("duban-import-", ".xlsx"));
      Files.write(xlsx.file, bytes);
      zip = new ZipSecureFile(xlsx.file.toFile());
      xlsx.checkDescribingParts(zip);
      xlsx.opc = OPCPackage.open(new ZipFileZipEntrySource(zip));
      return xlsx;
    } catch (Exception e) {
      closeQuietly(zip);
      if (xlsx != null) {
        xlsx.close();
      }
      if (e instanceof ProblemException p) {
        throw p;
      }
      throw xlsx != null && xlsx.refusal != null ? xlsx.refusal : isPoiZipBomb(e) ? zipBomb() : unreadable();
    }
  }

  /** POI's limits are static (JVM-wide): set them before each read, so that nothing else's choice applies here. */
  private static void limitPoi() {
    ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
    ZipSecureFile.setGraceEntrySize(GRACE_BYTES);
    ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
    ZipSecureFile.setMaxFileCount(MAX_PARTS);
    // only POI's text extractors read this; our reader keeps the same number itself (XlsxSheetReader)
    ZipSecureFile.setMaxTextSize(XlsxSheetReader.MAX_TEXT_CHARS);
  }

  /**
   * Counts the central directory's records in the bytes themselves, before a zip library builds an
   * object for each of them (a 10 MiB upload could list some 200,000).
   */
  private static void countParts(byte[] b) {
    for (int end = b.length - 22; end >= Math.max(0, b.length - 22 - 65_535); end--) {
      if (u32(b, end) == 0x06054b50L) {
        long at = u32(b, end + 16);
        int parts = 0;
        while (at >= 0 && at + 46 <= end && u32(b, (int) at) == 0x02014b50L) {
          if (++parts > MAX_PARTS) {
            throw tooManyParts();
          }
          at += 46 + u16(b, (int) at + 28) + u16(b, (int) at + 30) + u16(b, (int) at + 32);
        }
        return;
      }
    }
    throw unreadable();
  }

  private static long u32(byte[] b, int at) {
    return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24;
  }

  private static int u16(byte[] b, int at) {
    return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
  }

  /** The parts POI parses whole when it opens the package: each at most 1 MiB unpacked, all at most 4 MiB. */
  private void checkDescribingParts(ZipSecureFile zip) throws Exception {
    List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
    ZipArchiveEntry typesEntry =
        entries.stream().filter(e -> "[Content_Types].xml".equalsIgnoreCase(e.getName())).findFirst().orElseThrow(XlsxPackage::unreadable);
    byte[] types = unpack(zip, typesEntry);
    ContentTypes contentTypes = new ContentTypes();
    XMLReader reader = XMLHelper.newXMLReader();
    reader.setContentHandler(contentTypes);
    try (InputStream in = guard(new ByteArrayInputStream(types))) {
      reader.parse(new InputSource(in));
    }
    long total = types.length;
    for (ZipArchiveEntry e : entries) {
      if (!e.isDirectory() && contentTypes.describing(e.getName())) {
        total += unpack(zip, e).length;
        if (total > MAX_DESCRIBING_BYTES) {
          throw tooLarge();
        }
      }
    }
  }

  /** A describing part, unpacked: at most 1 MiB. */
  private static byte[] unpack(ZipSecureFile zip, ZipArchiveEntry entry) {
    try (InputStream in = zip.getInputStream(entry)) {
      byte[] bytes = in.readNBytes((int) MAX_DESCRIBING_PART_BYTES + 1);
      if (bytes.length > MAX_DESCRIBING_PART_BYTES) {
        throw tooLarge();
      }
      return bytes;
    } catch (IOException e) {
      throw isPoiZipBomb(e) ? zipBomb() : unreadable();
    }
  }

  /** Which parts a package's content types call relationships or core properties (or that are named so). */
  private static final class ContentTypes extends DefaultHandler {
    private final Set<String> extensions = new HashSet<>();
    private final Set<String> names = new HashSet<>();

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
      String type = atts.getValue("ContentType");
      if (!RELATIONSHIPS.equalsIgnoreCase(type) && !CORE_PROPERTIES.equalsIgnoreCase(type)) {
        return;
      }
      if ("Default".equals(localName) && atts.getValue("Extension") != null) {
        extensions.add(atts.getValue("Extension").toLowerCase(Locale.ROOT));
      } else if ("Override".equals(localName) && atts.getValue("PartName") != null) {
        names.add(stripSlash(atts.getValue("PartName")).toLowerCase(Locale.ROOT));
      }
    }

    boolean describing(String entryName) {
      String name = stripSlash(entryName).toLowerCase(Locale.ROOT);
      int dot = name.lastIndexOf('.');
      return name.endsWith(".rels") || names.contains(name) || (dot >= 0 && extensions.contains(name.substring(dot + 1)));
    }

    private static String stripSlash(String s) {
      return s.startsWith("/") ? s.substring(1) : s;
    }
  }

  /** The first reason to refuse the file. The XML parser may wrap what a handler or a stream throws, so callers look here. */
  ProblemException refusal() {
    return refusal;
  }

  void refuse(ProblemException why) {
    if (refusal == null) {
      refusal = why;
    }
  }

  /** A part we stream, held to the caps above. */
  InputStream guard(InputStream part) {
    return new Guarded(part);
  }

  private final class Guarded extends FilterInputStream {
    private long bytes;
    private int sinceTag;
    private int tags;
    private boolean afterLt;

    Guarded(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n;
      try {
        n = super.read(b, off, len);
      } catch (IOException e) {
        throw stop(isPoiZipBomb(e) ? zipBomb() : unreadable());
      }
      if (n <= 0) {
        return n;
      }
      bytes += n;
      if (bytes > MAX_PART_BYTES) {
        throw stop(tooLarge());
      }
      for (int i = off; i < off + n; i++) {
        byte c = b[i];
        if (c == 0 || (afterLt && (c == '!' || (c == '?' && tags > 1)))) {
          throw stop(unusualXml()); // a NUL byte: not UTF-8; <! and a later <?: comments, DTDs, CDATA, instructions
        }
        afterLt = c == '<';
        if (afterLt) {
          tags++;
          sinceTag = 0;
        } else if (++sinceTag > MAX_BYTES_BETWEEN_TAGS) {
          throw stop(unusualXml());
        }
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      byte[] buffer = new byte[(int) Math.min(8192, Math.max(0, n))];
      int read = buffer.length == 0 ? 0 : read(buffer, 0, buffer.length);
      return Math.max(0, read);
    }

    private IOException stop(ProblemException why) {
      refuse(why);
      return new IOException(why.getMessage());
    }
  }

  /** POI's guard says so in its message only (a plain IOException), somewhere in the causes. */
  static boolean isPoiZipBomb(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().startsWith("Zip bomb detected")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    if (opc != null) {
      opc.revert(); // read-only: closes the zip without writing anything
    }
    delete(file);
  }

  private static void closeQuietly(Closeable c) {
    try {
      if (c != null) {
        c.close();
      }
    } catch (IOException ignored) {
      // nothing was written to it
    }
  }

  private static void delete(Path file) {
    try {
      if (file != null) {
        Files.deleteIfExists(file);
      }
    } catch (IOException ignored) {
      // a temporary file; the system cleans its temporary directory
    }
  }
}
