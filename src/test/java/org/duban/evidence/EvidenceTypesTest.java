package org.duban.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.EvidenceSamples.contains;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.duban.support.EvidenceSamples;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The type from the content (Tika's magic, the package's main part) and the public copy's stripping. */
@Tag("unit")
class EvidenceTypesTest {

  @TempDir Path dir;

  Optional<String> detect(String name, byte[] bytes) throws Exception {
    Path f = dir.resolve(name);
    Files.write(f, bytes);
    return EvidenceTypes.detect(f);
  }

  @Test
  void theFiveTypesAreKnownByTheirContentWhateverTheirName() throws Exception {
    assertThat(detect("a.txt", EvidenceSamples.pdf())).contains(EvidenceTypes.PDF);
    assertThat(detect("a.pdf", EvidenceSamples.png())).contains(EvidenceTypes.PNG);
    assertThat(detect("a.png", EvidenceSamples.jpeg())).contains(EvidenceTypes.JPEG);
    assertThat(detect("a.zip", EvidenceSamples.docx())).contains(EvidenceTypes.DOCX);
    assertThat(detect("a.docx", EvidenceSamples.xlsx())).contains(EvidenceTypes.XLSX);
  }

  @Test
  void anythingElseIsNone() throws Exception {
    assertThat(detect("a.pdf", "plain text".getBytes())).isEmpty();
    assertThat(detect("a.pdf", EvidenceSamples.exe())).isEmpty();
    assertThat(detect("a.docx", EvidenceSamples.zip())).isEmpty();
    assertThat(detect("a.xlsx", "<html><body>x</body></html>".getBytes())).isEmpty();
    // a package whose main part is named but missing
    byte[] hollow = EvidenceSamples.docx();
    assertThat(detect("a.docx", withoutEntry(hollow, "word/document.xml"))).isEmpty();
  }

  @Test
  void thePublicCopyOfAJpegHasNoExifGpsOrCommentAndIsTheSamePicture() throws Exception {
    byte[] photo = EvidenceSamples.jpegWithGps();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PublicCopy.strip(EvidenceTypes.JPEG, new ByteArrayInputStream(photo), out);
    byte[] copy = out.toByteArray();
    assertThat(contains(copy, "Exif")).isFalse();
    assertThat(contains(copy, "Zhang San")).isFalse();
    assertThat(contains(copy, "JFIF")).isTrue();
    var a = ImageIO.read(new ByteArrayInputStream(photo));
    var b = ImageIO.read(new ByteArrayInputStream(copy));
    assertThat(b.getWidth()).isEqualTo(a.getWidth());
    assertThat(b.getRGB(5, 5)).isEqualTo(a.getRGB(5, 5));
  }

  @Test
  void thePublicCopyOfAPngHasNoTextChunk() throws Exception {
    byte[] png = EvidenceSamples.pngWithText();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PublicCopy.strip(EvidenceTypes.PNG, new ByteArrayInputStream(png), out);
    assertThat(contains(out.toByteArray(), "Zhang San")).isFalse();
    assertThat(ImageIO.read(new ByteArrayInputStream(out.toByteArray())).getRGB(3, 3))
        .isEqualTo(ImageIO.read(new ByteArrayInputStream(png)).getRGB(3, 3));
  }

  @Test
  void aNameKeepsNoPathOrControlCharacters() {
    assertThat(EvidenceStore.fileName("..\\..\\etc/passwd", EvidenceTypes.PDF)).isEqualTo("passwd");
    assertThat(EvidenceStore.fileName("报告\u0000\n.pdf", EvidenceTypes.PDF)).isEqualTo("报告.pdf");
    assertThat(EvidenceStore.fileName("  ", EvidenceTypes.PNG)).isEqualTo("file.png");
    assertThat(FileResource.disposition("attachment", "现场 照片.jpg"))
        .isEqualTo("attachment; filename=\"__ __.jpg\"; filename*=UTF-8''%E7%8E%B0%E5%9C%BA%20%E7%85%A7%E7%89%87.jpg");
  }

  static byte[] withoutEntry(byte[] zip, String name) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (var in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip));
        var out = new java.util.zip.ZipOutputStream(bytes)) {
      for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (!e.getName().equals(name)) {
          out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
          in.transferTo(out);
          out.closeEntry();
        }
      }
    }
    return bytes.toByteArray();
  }
}
