package org.duban.catalogue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.duban.catalogue.CatalogueFormat.Column;
import org.duban.catalogue.CatalogueFormat.RawRow;
import org.duban.measure.dto.CreateMeasureRequest;
import org.duban.platform.Problem;
import org.duban.platform.ProblemException;
import org.duban.platform.SpreadsheetCells;

/** Reads and writes catalogue files: CSV (UTF-8 with or without BOM, or GBK) and XLSX. */
final class CatalogueFiles {

  private CatalogueFiles() {}

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final Charset GB18030 = Charset.forName("GB18030");

  /** What a file held: its data rows (blank rows skipped). */
  record Parsed(List<RawRow> rows) {}

  /** One row of a file as read: its number as a spreadsheet shows it, and its cells from the first column on. */
  record Line(int number, List<String> cells) {}

  // ---- reading ----

  static Parsed readCsv(byte[] bytes, Charset declared) {
    return rows(csvLines(bytes, declared));
  }

  /** Every line of a CSV file, as read (the tasks sheet reads its own headings). */
  static List<Line> csvLines(byte[] bytes, Charset declared) {
    String text = decode(bytes, declared);
    List<Line> lines = new ArrayList<>();
    try (CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(false).get().parse(new StringReader(text))) {
      for (CSVRecord r : parser) {
        List<String> cells = new ArrayList<>();
        r.forEach(cells::add);
        lines.add(new Line(lines.size() + 1, cells));
      }
    } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
      throw fileProblem("The file is not valid CSV: " + firstLine(e.getMessage()));
    }
    return lines;
  }

  /** The first sheet, streamed and within the caps of {@link XlsxSheetReader}. */
  static Parsed readXlsx(byte[] bytes) {
    return rows(XlsxSheetReader.read(bytes));
  }

  /** Header row first; every heading must be known, every required one present. */
  private static Parsed rows(List<Line> records) {
    int first = 0;
    while (first < records.size() && blank(records.get(first).cells())) {
      first++;
    }
    if (first == records.size()) {
      throw fileProblem("The file is empty: the first row must hold the headings " + String.join(", ", CatalogueFormat.headings()) + ".");
    }
    List<String> head = records.get(first).cells();
    int headNumber = records.get(first).number();
    Map<Integer, Column> columns = new java.util.HashMap<>();
    List<Problem.FieldError> errors = new ArrayList<>();
    for (int i = 0; i < head.size(); i++) {
      String h = head.get(i) == null ? "" : head.get(i).strip();
      if (h.isEmpty()) {
        continue;
      }
      Column c = Column.ofHeading(h);
      if (c == null) {
        errors.add(new Problem.FieldError(null, "unknown heading '" + h + "'", headNumber, h));
      } else if (columns.containsValue(c)) {
        errors.add(new Problem.FieldError(c.key, "the heading appears twice", headNumber, h));
      } else {
        columns.put(i, c);
      }
    }
    for (Column c : Column.values()) {
      if (c.required && !columns.containsValue(c)) {
        errors.add(new Problem.FieldError(c.key, "the required heading is missing", headNumber, c.heading));
      }
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(400, "Invalid catalogue file", "The heading row of the file is not right; nothing was imported.", errors);
    }
    List<RawRow> rows = new ArrayList<>();
    for (int r = first + 1; r < records.size(); r++) {
      List<String> rec = records.get(r).cells();
      if (blank(rec)) {
        continue;
      }
      Map<Column, String> cells = new EnumMap<>(Column.class);
      for (int i = 0; i < rec.size(); i++) {
        Column c = columns.get(i);
        if (c != null) {
          // export put an apostrophe before text a spreadsheet would run as a formula: take it off
          cells.put(c, SpreadsheetCells.restore(rec.get(i)));
        }
      }
      rows.add(new RawRow(records.get(r).number(), cells));
    }
    return new Parsed(rows);
  }

  private static boolean blank(List<String> cells) {
    return cells.stream().allMatch(c -> c == null || c.isBlank());
  }

  /**
   * A byte-order mark means UTF-8; else the declared charset; else UTF-8 if it decodes cleanly, GBK
   * (GB18030) if not. A declared ISO-8859-1 or US-ASCII is not believed: HTTP tools add it by
   * default, and neither can hold a Chinese catalogue.
   */
  static String decode(byte[] bytes, Charset declared) {
    if (declared != null && (declared.equals(StandardCharsets.ISO_8859_1) || declared.equals(StandardCharsets.US_ASCII))) {
      declared = null;
    }
    if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
      return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    }
    if (declared != null) {
      return strict(bytes, declared);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return strict(bytes, GB18030);
    }
  }

  private static String strict(byte[] bytes, Charset charset) {
    try {
      return charset.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw fileProblem("The file is not valid " + charset.name() + " text.");
    }
  }

  static ProblemException fileProblem(String detail) {
    return new ProblemException(400, "Invalid catalogue file", detail, null);
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }

  // ---- writing ----

  /**
   * The cells of a measure as the files hold them: text a spreadsheet would run as a formula gets an
   * apostrophe ({@link SpreadsheetCells}), which import takes off again. In the workbook too, although
   * Excel never evaluates a string cell there: the office moves the catalogue between CSV and Excel
   * (a CSV opened in Excel and saved as .xlsx keeps the apostrophe), so both carry the same text and
   * an import of either restores it.
   */
  private static List<String> fileCells(CreateMeasureRequest m) {
    return CatalogueFormat.cells(m).stream().map(SpreadsheetCells::neutralise).toList();
  }

  /** CSV in UTF-8 with a byte-order mark, so that Excel opens it right. */
  static void writeCsv(OutputStream out, Consumer<Consumer<CreateMeasureRequest>> source) throws IOException {
    writeCsvRows(out, CatalogueFormat.headings(), rows -> source.accept(m -> rows.accept(fileCells(m))));
  }

  /** Rows of cells under their headings as CSV (UTF-8 with a byte-order mark); each cell neutralised by the caller. */
  static void writeCsvRows(OutputStream out, List<String> headings, Consumer<Consumer<List<String>>> source) throws IOException {
    out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    try (CSVPrinter printer = new CSVPrinter(w, CSVFormat.EXCEL)) {
      printer.printRecord(headings);
      source.accept(
          cells -> {
            try {
              printer.printRecord(cells);
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
    }
  }

  /** XLSX, streamed (100 rows in memory); dates are written as text so that they read back unchanged. */
  static void writeXlsx(OutputStream out, Consumer<Consumer<CreateMeasureRequest>> source) throws IOException {
    Column[] cols = Column.values();
    int[] widths = new int[cols.length];
    for (int i = 0; i < cols.length; i++) {
      widths[i] = CatalogueFormat.WIDTHS.get(cols[i]);
    }
    writeXlsxRows(out, "事项清单", CatalogueFormat.headings(), widths, rows -> source.accept(m -> rows.accept(fileCells(m))));
  }

  /** Rows of text cells under bold headings in one sheet, streamed; widths in characters. */
  static void writeXlsxRows(OutputStream out, String sheetName, List<String> headings, int[] widths,
      Consumer<Consumer<List<String>>> source) throws IOException {
    try (SXSSFWorkbook book = new SXSSFWorkbook(100)) {
      SXSSFSheet sheet = book.createSheet(sheetName);
      CellStyle bold = book.createCellStyle();
      Font font = book.createFont();
      font.setBold(true);
      bold.setFont(font);
      CellStyle wrap = book.createCellStyle();
      wrap.setWrapText(true);
      Row head = sheet.createRow(0);
      for (int i = 0; i < headings.size(); i++) {
        Cell c = head.createCell(i);
        c.setCellValue(headings.get(i));
        c.setCellStyle(bold);
        sheet.setColumnWidth(i, widths[i] * 256);
      }
      sheet.createFreezePane(0, 1);
      int[] n = {1};
      source.accept(
          cells -> {
            Row row = sheet.createRow(n[0]++);
            for (int i = 0; i < cells.size(); i++) {
              Cell c = row.createCell(i);
              c.setCellValue(cells.get(i));
              if (cells.get(i).indexOf('\n') >= 0) {
                c.setCellStyle(wrap);
              }
            }
          });
      book.write(out);
    }
  }

}
