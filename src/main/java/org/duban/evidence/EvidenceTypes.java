package org.duban.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;

/**
 * Which of the allowed types a file is, decided from its content only (never its name): Apache
 * Tika's magic detector for PDF, JPEG and PNG; for a zip (which is what tika-core alone sees in a
 * Word or Excel file, as {@code application/zip} or {@code application/x-tika-ooxml}) the
 * package's own {@code [Content_Types].xml} names its main part, which must be a document
 * (DOCX) or a workbook (XLSX) and be present. Macro-enabled documents and anything else: not
 * allowed. Pure (no CDI), so the unit tier tests it.
 */
public final class EvidenceTypes {

  public static final String PDF = "application/pdf";
  public static final String JPEG = "image/jpeg";
  public static final String PNG = "image/png";
  public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  static final String DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
  static final String XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
  /** [Content_Types].xml is a short list; a bigger one is not a document we take. */
  static final int CONTENT_TYPES_CAP = 256 * 1024;

  private static final Pattern OVERRIDE = Pattern.compile("<(?:\\w+:)?Override\\b([^>]*)>");
  private static final Pattern PART = Pattern.compile("PartName\\s*=\\s*\"([^\"]*)\"");
  private static final Pattern TYPE = Pattern.compile("ContentType\\s*=\\s*\"([^\"]*)\"");

  /** tika-core's detectors (its MIME magic, tika-mimetypes.xml); thread-safe. */
  private static final Detector DETECTOR = new DefaultDetector();

  private EvidenceTypes() {}

  /** The allowed type of the file, or empty when it is none of them. */
  public static Optional<String> detect(Path file) throws IOException {
    MediaType type;
    try (TikaInputStream in = TikaInputStream.get(file)) {
      type = DETECTOR.detect(in, new Metadata()).getBaseType();
    }
    String name = type.toString();
    return switch (name) {
      case PDF, JPEG, PNG -> Optional.of(name);
      case "application/zip", "application/x-tika-ooxml", DOCX, XLSX -> office(file);
      default -> Optional.empty();
    };
  }

  /** Whether the type may be published (a copy without its metadata can be made): JPEG and PNG. */
  public static boolean publishable(String mediaType) {
    return JPEG.equals(mediaType) || PNG.equals(mediaType);
  }

  /** A file name's extension for the type (for a download's default name). */
  static String extension(String mediaType) {
    return switch (mediaType) {
      case PDF -> ".pdf";
      case JPEG -> ".jpg";
      case PNG -> ".png";
      case DOCX -> ".docx";
      case XLSX -> ".xlsx";
      default -> "";
    };
  }

  private static Optional<String> office(Path file) {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      ZipEntry types = zip.getEntry("[Content_Types].xml");
      if (types == null) {
        return Optional.empty();
      }
      String xml;
      try (InputStream in = zip.getInputStream(types)) {
        byte[] head = in.readNBytes(CONTENT_TYPES_CAP + 1);
        if (head.length > CONTENT_TYPES_CAP) {
          return Optional.empty();
        }
        xml = new String(head, StandardCharsets.UTF_8);
      }
      Matcher override = OVERRIDE.matcher(xml);
      while (override.find()) {
        Matcher part = PART.matcher(override.group(1));
        Matcher type = TYPE.matcher(override.group(1));
        if (!part.find() || !type.find()) {
          continue;
        }
        String main = type.group(1).trim();
        String result = DOCX_MAIN.equals(main) ? DOCX : XLSX_MAIN.equals(main) ? XLSX : null;
        if (result != null) {
          String partName = part.group(1).startsWith("/") ? part.group(1).substring(1) : part.group(1);
          return zip.getEntry(partName) != null ? Optional.of(result) : Optional.empty();
        }
      }
      return Optional.empty();
    } catch (IOException | RuntimeException notAZip) {
      return Optional.empty();
    }
  }
}
