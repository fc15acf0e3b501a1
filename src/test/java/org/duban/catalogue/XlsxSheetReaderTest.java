package org.duban.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.duban.support.Workbooks.HEADINGS_ROW;
import static org.duban.support.Workbooks.cell;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.catalogue.CatalogueFiles.Line;
import org.duban.platform.ProblemException;
import org.duban.support.Workbooks;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The streaming XLSX reader on its own (no app): what a cell reads as, and every cap it holds a file to. */
@Tag("unit")
class XlsxSheetReaderTest {

  static ProblemException refusal(byte[] xlsx) {
    return catchThrowableOfType(ProblemException.class, () -> XlsxSheetReader.read(xlsx));
  }

  static byte[] rows(String... rows) {
    return Workbooks.withSheet(out -> {
      out.write(HEADINGS_ROW.getBytes(StandardCharsets.UTF_8));
      for (String row : rows) {
        out.write(row.getBytes(StandardCharsets.UTF_8));
      }
    });
  }

  @Test
  void aWorkbookAsExcelSavesItReadsCellByCellAsTheOldReaderDid() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XSSFWorkbook book = new XSSFWorkbook()) {
      Sheet sheet = book.createSheet("事项清单");
      sheet.createRow(0).createCell(0).setCellValue("编号");
      CellStyle date = book.createCellStyle();
      date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
      Row row = sheet.createRow(2); // row 2 (the second) left blank
      row.createCell(0).setCellValue("B03");
      row.createCell(1).setCellValue(LocalDate.of(2021, 12, 31));
      row.getCell(1).setCellStyle(date);
      row.createCell(2).setCellValue(1400.0);
      row.createCell(3).setCellValue(3.5);
      row.createCell(4).setCellValue(true);
      row.createCell(5).setCellFormula("\"调解\"&\"中心\"");
      book.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(row.getCell(5));
      XSSFRichTextString rich = new XSSFRichTextString("富文本");
      rich.applyFont(0, 1, book.createFont());
      row.createCell(6).setCellValue(rich);
      row.createCell(25).setCellValue("Z 列");
      book.write(out);
    }
    List<Line> lines = XlsxSheetReader.read(out.toByteArray());
    assertThat(lines).extracting(Line::number).containsExactly(1, 3);
    List<String> cells = lines.get(1).cells();
    assertThat(cells.subList(0, 7)).containsExactly("B03", "2021-12-31", "1400", "3.5", "TRUE", "调解中心", "富文本");
    assertThat(cells).hasSize(26).endsWith("Z 列");
  }

  @Test
  void tenThousandMeasureRowsAreReadOneMoreIsRefusedNamingIt() {
    StringBuilder rows = new StringBuilder();
    for (int r = 2; r <= 10_001; r++) {
      rows.append("<row r=\"").append(r).append("\">").append(cell("A" + r, "B" + r)).append("</row>");
    }
    assertThat(XlsxSheetReader.read(rows(rows.toString()))).hasSize(10_001);
    ProblemException e = refusal(rows(rows.toString(), "<row r=\"10005\">" + cell("C10005", "多一行") + "</row>"));
    assertThat(e.getMessage()).contains("more than 10000 measure rows");
    assertThat(e.errors()).singleElement().satisfies(err -> assertThat(err.row()).isEqualTo(10_005));
  }

  @Test
  void aCellUpToExcelsLimitIsReadALongerOneIsRefusedWithItsRowAndColumn() {
    assertThat(XlsxSheetReader.read(rows("<row r=\"2\">" + cell("C2", "长".repeat(32_767)) + "</row>")).get(1).cells().get(2)).hasSize(32_767);
    ProblemException e = refusal(rows("<row r=\"2\">" + cell("C2", "长".repeat(32_768)) + "</row>"));
    assertThat(e.getMessage()).contains("32767 characters");
    assertThat(e.errors()).singleElement().satisfies(err -> {
      assertThat(err.row()).isEqualTo(2);
      assertThat(err.column()).isEqualTo("C");
    });
  }

  @Test
  void aValueBeyondColumnZIsRefusedAnEmptyStyledCellThereIsNot() {
    assertThat(XlsxSheetReader.read(rows("<row r=\"2\">" + cell("Z2", "最后") + "<c r=\"XFD2\" s=\"0\"/></row>"))).hasSize(2);
    ProblemException e = refusal(Workbooks.valueIn("AA7", "多一列"));
    assertThat(e.getMessage()).contains("beyond column Z");
    assertThat(e.errors()).singleElement().satisfies(err -> {
      assertThat(err.row()).isEqualTo(7);
      assertThat(err.column()).isEqualTo("AA");
    });
    assertThat(refusal(Workbooks.valueIn("XFD2", "x")).errors().get(0).column()).isEqualTo("XFD");
  }

  @Test
  void aZipBombIsStoppedByTheInflateRatio() {
    byte[] bomb = Workbooks.zipBomb(500L * 1024 * 1024);
    assertThat(bomb.length).isLessThan(1024 * 1024);
    assertThat(refusal(bomb).getMessage()).contains("zip bomb");
  }

  @Test
  void aDescribingPartOverOneMebibyteIsRefusedBeforePoiParsesIt() {
    byte[] noise = new byte[1536 * 1024];
    new Random(7).nextBytes(noise); // does not compress: no zip bomb, just too large
    byte[] xlsx = Workbooks.withSheet(out -> out.write(HEADINGS_ROW.getBytes(StandardCharsets.UTF_8)),
        Map.of("xl/worksheets/_rels/sheet1.xml.rels", noise));
    assertThat(refusal(xlsx).getMessage()).contains("1 MiB for the parts that describe");
  }

  @Test
  void moreThanAThousandPartsAreRefusedBeforeTheyAreListed() {
    Map<String, byte[]> parts = new HashMap<>();
    for (int i = 0; i < 1_000; i++) {
      parts.put("xl/media/image" + i + ".png", new byte[] {1});
    }
    byte[] xlsx = Workbooks.withSheet(out -> out.write(HEADINGS_ROW.getBytes(StandardCharsets.UTF_8)), parts);
    assertThat(refusal(xlsx).getMessage()).contains("more than 1000 parts");
  }

  @Test
  void xmlNoSpreadsheetProgramWritesIsRefused() {
    assertThat(refusal(rows("<!-- " + "x".repeat(100) + " -->")).getMessage()).contains("XML that spreadsheet programs do not write");
    assertThat(refusal(rows("<?pi data?>")).getMessage()).contains("XML that spreadsheet programs do not write");
  }

  @Test
  void somethingElseIsNotAWorkbook() {
    assertThat(refusal("编号,领域\r\n".getBytes(StandardCharsets.UTF_8)).getMessage()).isEqualTo("The file is not a readable XLSX workbook.");
    assertThat(refusal(new byte[0]).getMessage()).isEqualTo("The file is not a readable XLSX workbook.");
  }

  @Test
  void aDateCellInTheBuiltInFormatsOfAChineseExcelReadsAsTheDate() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XSSFWorkbook book = new XSSFWorkbook()) {
      Sheet sheet = book.createSheet("事项清单");
      sheet.createRow(0).createCell(0).setCellValue("编号");
      Row row = sheet.createRow(1);
      short[] formats = {31, 57, 58, 14};
      for (int i = 0; i < formats.length; i++) {
        CellStyle style = book.createCellStyle();
        style.setDataFormat(formats[i]); // built-in: no numFmt entry in styles.xml, as a Chinese Excel saves it
        row.createCell(i).setCellValue(LocalDate.of(2021, 6, 30));
        row.getCell(i).setCellStyle(style);
      }
      CellStyle time = book.createCellStyle();
      time.setDataFormat((short) 32); // 时 分: a time of day, not a date
      row.createCell(4).setCellValue(0.5);
      row.getCell(4).setCellStyle(time);
      row.createCell(5).setCellValue(44561); // a serial in a General cell stays a number (the import says what it looks like)
      book.write(out);
    }
    List<Line> lines = XlsxSheetReader.read(out.toByteArray());
    assertThat(lines.get(1).cells()).containsExactly("2021-06-30", "2021-06-30", "2021-06-30", "2021-06-30", "0.5", "44561");
  }
}
