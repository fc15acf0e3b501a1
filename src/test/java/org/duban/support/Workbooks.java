package org.duban.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.duban.catalogue.CatalogueFormat;

/** Hand-made .xlsx files: the smallest package Excel and POI open, with whatever sheet XML a test needs. */
public final class Workbooks {

  private Workbooks() {}

  /** Writes the XML between {@code <sheetData>} and {@code </sheetData>}. */
  @FunctionalInterface
  public interface SheetData {
    void write(OutputStream out) throws IOException;
  }

  public static final String HEADINGS_ROW =
      "<row r=\"1\">" + cell("A1", "编号") + cell("B1", "领域") + cell("C1", "事项") + cell("F1", "牵头单位")
          + cell("I1", "启动日期") + cell("J1", "承诺时限") + "</row>";

  /** An inline-string cell. */
  public static String cell(String ref, String text) {
    return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
  }

  /** A workbook whose first sheet has the catalogue's headings and one row holding a value in the given cell (XFD2: the last column). */
  public static byte[] valueIn(String ref, String text) {
    String row = ref.replaceAll("[A-Z]", "");
    return withSheet(out -> out.write((HEADINGS_ROW + "<row r=\"" + row + "\">" + cell(ref, text) + "</row>").getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * A zip bomb: a valid workbook whose sheet XML inflates to {@code inflatedBytes} (empty rows, the
   * same bytes over and over) while the file stays about a thousand times smaller.
   */
  public static byte[] zipBomb(long inflatedBytes) {
    byte[] rows = "<row/>".repeat(10_000).getBytes(StandardCharsets.UTF_8);
    return withSheet(out -> {
      out.write(HEADINGS_ROW.getBytes(StandardCharsets.UTF_8));
      for (long written = 0; written < inflatedBytes; written += rows.length) {
        out.write(rows);
      }
    });
  }

  public static byte[] withSheet(SheetData sheetData) {
    return withSheet(sheetData, Map.of());
  }

  /**
   * A large but legal catalogue as Excel would save it (written by POI): {@code rows} measures led by
   * fy, each with a summary, a source quote and notes of 4,000 random Chinese characters (which
   * hardly compress: about 8 MB for 300 rows).
   */
  public static byte[] largeCatalogue(int rows) {
    Random random = new Random(11);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (SXSSFWorkbook book = new SXSSFWorkbook(50)) {
      Sheet sheet = book.createSheet("事项清单");
      List<String> headings = CatalogueFormat.headings();
      Row head = sheet.createRow(0);
      for (int i = 0; i < headings.size(); i++) {
        head.createCell(i).setCellValue(headings.get(i));
      }
      for (int r = 1; r <= rows; r++) {
        String[] cells = {"L" + String.format("%05d", r), "BUSINESS", "大文件测试 " + r, chinese(random, 4000), chinese(random, 4000), "fy", "否",
            "", "2021-05-14", "2021-12-31", "", "", "", chinese(random, 4000)};
        Row row = sheet.createRow(r);
        for (int i = 0; i < cells.length; i++) {
          row.createCell(i).setCellValue(cells[i]);
        }
      }
      book.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static String chinese(Random random, int length) {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append((char) (0x4E00 + random.nextInt(0x9FA5 - 0x4E00)));
    }
    return s.toString();
  }

  /** The same, with more parts (name: bytes) in the package. */
  public static byte[] withSheet(SheetData sheetData, Map<String, byte[]> moreParts) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.setLevel(Deflater.BEST_COMPRESSION);
      entry(zip, "[Content_Types].xml", """
          <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
          <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
          <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
          <Default Extension="xml" ContentType="application/xml"/>\
          <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
          <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
          </Types>""");
      entry(zip, "_rels/.rels", """
          <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
          <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
          <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
          </Relationships>""");
      entry(zip, "xl/workbook.xml", """
          <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
          <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
          xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
          <sheets><sheet name="事项清单" sheetId="1" r:id="rId1"/></sheets></workbook>""");
      entry(zip, "xl/_rels/workbook.xml.rels", """
          <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
          <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
          <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
          </Relationships>""");
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
          + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>").getBytes(StandardCharsets.UTF_8));
      sheetData.write(zip);
      zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      for (Map.Entry<String, byte[]> part : moreParts.entrySet()) {
        zip.putNextEntry(new ZipEntry(part.getKey()));
        zip.write(part.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
