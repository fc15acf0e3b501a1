package org.duban.catalogue;

import java.io.ByteArrayInputStream;
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
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.catalogue.CatalogueFormat.Column;
import org.duban.catalogue.CatalogueFormat.RawRow;
import org.duban.measure.dto.CreateMeasureRequest;
import org.duban.platform.Problem;
import org.duban.platform.ProblemException;

/** Reads and writes catalogue files: CSV (UTF-8 with or without BOM, or GBK) and XLSX. */
final class CatalogueFiles {

  private CatalogueFiles() {}

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final Charset GB18030 = Charset.forName("GB18030");

  /** What a file held: its data rows (blank rows skipped). */
  record Parsed(List<RawRow> rows) {}

  // ---- reading ----

  static Parsed readCsv(byte[] bytes, Charset declared) {
    String text = decode(bytes, declared);
    List<List<String>> records = new ArrayList<>();
    try (CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(false).get().parse(new StringReader(text))) {
      for (CSVRecord r : parser) {
        List<String> cells = new ArrayList<>();
        r.forEach(cells::add);
        records.add(cells);
      }
    } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
      throw fileProblem("The file is not valid CSV: " + firstLine(e.getMessage()));
    }
    return rows(records);
  }

  static Parsed readXlsx(byte[] bytes) {
    List<List<String>> records = new ArrayList<>();
    try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      if (book.getNumberOfSheets() == 0) {
        throw fileProblem("The workbook has no sheet.");
      }
      Sheet sheet = book.getSheetAt(0);
      DataFormatter formatter = new DataFormatter();
      for (int i = 0; i <= sheet.getLastRowNum(); i++) {
        Row row = sheet.getRow(i);
        List<String> cells = new ArrayList<>();
        if (row != null) {
          for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
            cells.add(text(row.getCell(c), formatter));
          }
        }
        records.add(cells);
      }
    } catch (ProblemException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw fileProblem("The file is not a readable XLSX workbook.");
    }
    return rows(records);
  }

  private static String text(Cell cell, DataFormatter formatter) {
    if (cell == null) {
      return "";
    }
    CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
    if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
      return cell.getLocalDateTimeCellValue().toLocalDate().toString();
    }
    if (type == CellType.NUMERIC) {
      return new java.math.BigDecimal(Double.toString(cell.getNumericCellValue())).stripTrailingZeros().toPlainString();
    }
    return formatter.formatCellValue(cell);
  }

  /** Header row first; every heading must be known, every required one present. */
  private static Parsed rows(List<List<String>> records) {
    int first = 0;
    while (first < records.size() && blank(records.get(first))) {
      first++;
    }
    if (first == records.size()) {
      throw fileProblem("The file is empty: the first row must hold the headings " + String.join(", ", CatalogueFormat.headings()) + ".");
    }
    List<String> head = records.get(first);
    Map<Integer, Column> columns = new java.util.HashMap<>();
    List<Problem.FieldError> errors = new ArrayList<>();
    for (int i = 0; i < head.size(); i++) {
      String h = head.get(i) == null ? "" : head.get(i).strip();
      if (h.isEmpty()) {
        continue;
      }
      Column c = Column.ofHeading(h);
      if (c == null) {
        errors.add(new Problem.FieldError(null, "unknown heading '" + h + "'", first + 1, h));
      } else if (columns.containsValue(c)) {
        errors.add(new Problem.FieldError(c.key, "the heading appears twice", first + 1, h));
      } else {
        columns.put(i, c);
      }
    }
    for (Column c : Column.values()) {
      if (c.required && !columns.containsValue(c)) {
        errors.add(new Problem.FieldError(c.key, "the required heading is missing", first + 1, c.heading));
      }
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(400, "Invalid catalogue file", "The heading row of the file is not right; nothing was imported.", errors);
    }
    List<RawRow> rows = new ArrayList<>();
    for (int r = first + 1; r < records.size(); r++) {
      List<String> rec = records.get(r);
      if (blank(rec)) {
        continue;
      }
      Map<Column, String> cells = new EnumMap<>(Column.class);
      for (int i = 0; i < rec.size(); i++) {
        Column c = columns.get(i);
        if (c != null) {
          cells.put(c, rec.get(i));
        }
      }
      rows.add(new RawRow(r + 1, cells));
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

  /** CSV in UTF-8 with a byte-order mark, so that Excel opens it right. */
  static void writeCsv(OutputStream out, Consumer<Consumer<CreateMeasureRequest>> source) throws IOException {
    out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    try (CSVPrinter printer = new CSVPrinter(w, CSVFormat.EXCEL)) {
      printer.printRecord(CatalogueFormat.headings());
      source.accept(
          m -> {
            try {
              printer.printRecord(CatalogueFormat.cells(m));
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
    }
  }

  /** XLSX, streamed (100 rows in memory); dates are written as text so that they read back unchanged. */
  static void writeXlsx(OutputStream out, Consumer<Consumer<CreateMeasureRequest>> source) throws IOException {
    try (SXSSFWorkbook book = new SXSSFWorkbook(100)) {
      SXSSFSheet sheet = book.createSheet("事项清单");
      CellStyle bold = book.createCellStyle();
      Font font = book.createFont();
      font.setBold(true);
      bold.setFont(font);
      CellStyle wrap = book.createCellStyle();
      wrap.setWrapText(true);
      Row head = sheet.createRow(0);
      Column[] cols = Column.values();
      for (int i = 0; i < cols.length; i++) {
        Cell c = head.createCell(i);
        c.setCellValue(cols[i].heading);
        c.setCellStyle(bold);
        sheet.setColumnWidth(i, CatalogueFormat.WIDTHS.get(cols[i]) * 256);
      }
      sheet.createFreezePane(0, 1);
      int[] n = {1};
      source.accept(
          m -> {
            Row row = sheet.createRow(n[0]++);
            List<String> cells = CatalogueFormat.cells(m);
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
