package org.duban.identity;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.duban.platform.Problem;
import org.duban.platform.ProblemException;

/**
 * How identity's imports (units, accounts, regions) read a CSV file: its charset, the heading row,
 * the rows within a cap, a cell, a row's error, and the refusal that lists them all.
 */
final class CsvRows {
  static final int MAX_ROWS = 5000;

  private CsvRows() {}

  /**
   * The rows under a heading row that names these columns (in any order), and perhaps the optional
   * ones. The file is UTF-8 (a BOM allowed), or GBK (GB18030) when it is not valid UTF-8, as
   * spreadsheet programs on Chinese Windows save CSV.
   */
  static List<CSVRecord> parse(byte[] body, List<String> required, List<String> optional) {
    String text = decode(body == null ? new byte[0] : body);
    if (text.isBlank()) {
      throw new ProblemException(400, "Invalid file", "The file is empty.", null);
    }
    try (CSVParser parser = CSVParser.parse(new StringReader(text),
        CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true).get())) {
      List<String> headings = parser.getHeaderNames();
      List<Problem.FieldError> errors = new ArrayList<>();
      List<String> columns = new ArrayList<>(required);
      columns.addAll(optional);
      for (String c : required) {
        if (!headings.contains(c)) {
          errors.add(new Problem.FieldError(c, "the heading row has no column " + c, 1, c));
        }
      }
      for (String h : headings) {
        if (!columns.contains(h)) {
          errors.add(new Problem.FieldError(h, "unknown column (the columns are " + String.join(", ", columns) + ")", 1, h));
        }
      }
      refuse(errors);
      List<CSVRecord> rows = new ArrayList<>();
      for (CSVRecord r : parser) {
        if (rows.size() == MAX_ROWS) {
          throw new ProblemException(400, "Invalid file", "The file has more than " + MAX_ROWS + " rows.", null);
        }
        rows.add(r);
      }
      if (rows.isEmpty()) {
        throw new ProblemException(400, "Invalid file", "The file has headings but no row.", null);
      }
      return rows;
    } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
      throw new ProblemException(400, "Invalid file", "The file is not a readable CSV file.", null);
    }
  }

  /** UTF-8 when it has a BOM or decodes cleanly, else GB18030 (a superset of GBK). */
  static String decode(byte[] bytes) {
    if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
      return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    }
    for (Charset charset : List.of(StandardCharsets.UTF_8, Charset.forName("GB18030"))) {
      try {
        return charset.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes))
            .toString();
      } catch (CharacterCodingException e) {
        // the next one
      }
    }
    throw new ProblemException(400, "Invalid file", "The file is neither UTF-8 nor GBK text.", null);
  }

  static String cell(CSVRecord row, String column) {
    if (!row.isMapped(column) || !row.isSet(column)) {
      return null;
    }
    String v = row.get(column);
    return v == null || v.isBlank() ? null : v.strip();
  }

  /** A row's error: its row is the file's line as a spreadsheet numbers it (the heading is row 1). */
  static Problem.FieldError error(CSVRecord row, String column, String message) {
    return new Problem.FieldError(column, message, (int) row.getRecordNumber() + 1, column);
  }

  static void refuse(List<Problem.FieldError> errors) {
    if (!errors.isEmpty()) {
      errors.sort(Comparator.comparing(Problem.FieldError::row));
      throw new ProblemException(400, "Invalid file", "The file has " + errors.size() + " problem(s); nothing was imported.", errors);
    }
  }
}
