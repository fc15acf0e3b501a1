package org.duban.catalogue;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.duban.catalogue.CatalogueFiles.Line;
import org.duban.platform.Problem;
import org.duban.platform.ProblemException;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the first sheet of an .xlsx as lines of text, streamed (SAX over POI's {@link XSSFReader}),
 * within caps: at most 10,000 measure rows, no cell with a value beyond column Z (the format has 14
 * columns), no cell longer than 32,767 characters (Excel's own limit), at most 10 Mi characters of
 * text in all and at most 300,000 shared strings. Unpacking is capped by {@link XlsxPackage}. What
 * it holds in memory is therefore bounded by the text a legal catalogue may have, whatever the file.
 *
 * <p>A cell reads as before the streaming reader: text as it is, a number in plain notation, a
 * number in a date format as yyyy-mm-dd (also the built-in date formats of a Chinese Excel that POI
 * does not know, {@link #EAST_ASIAN_DATES}), TRUE/FALSE, and a formula as its last computed value.
 *
 * <p>One class for one read: the four handlers (workbook, styles, shared strings, sheet) are small,
 * run one after the other over one package and share its caps and its first refusal.
 */
final class XlsxSheetReader {

  static final int MAX_DATA_ROWS = 10_000;
  static final int MAX_COLUMNS = 26;
  static final int MAX_CELL_CHARS = 32_767;
  static final long MAX_TEXT_CHARS = 10L * 1024 * 1024;
  static final int MAX_SHARED_STRINGS = 300_000;
  private static final int MAX_STYLES = 65_536;
  private static final String RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

  private XlsxSheetReader() {}

  static List<Line> read(byte[] bytes) {
    try (XlsxPackage xlsx = XlsxPackage.open(bytes)) {
      try {
        XSSFReader reader = new XSSFReader(xlsx.opc());
        FirstSheet workbook = parse(xlsx, reader.getWorkbookData(), new FirstSheet());
        if (workbook.relationId == null) {
          throw CatalogueFiles.fileProblem("The workbook has no sheet.");
        }
        PackagePart book = xlsx.opc().getPart(xlsx.opc().getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT).getRelationship(0));
        Styles styles = parse(xlsx, related(book, XSSFRelation.STYLES), new Styles());
        SharedStrings strings = parse(xlsx, related(book, XSSFRelation.SHARED_STRINGS), new SharedStrings(xlsx));
        return parse(xlsx, reader.getSheet(workbook.relationId), new Sheet(xlsx, workbook.date1904, styles, strings)).lines;
      } catch (ProblemException e) {
        throw e;
      } catch (Exception e) {
        throw xlsx.refusal() != null ? xlsx.refusal() : XlsxPackage.unreadable();
      }
    }
  }

  /** The workbook's part of that kind (styles, shared strings), or null: a workbook need not have one. */
  private static InputStream related(PackagePart book, XSSFRelation relation) throws Exception {
    return book.getRelationshipsByType(relation.getRelation()).isEmpty() ? null : relation.getContents(book);
  }

  /** Runs a handler over a part (none: the handler as it is); a handler may stop early once it has what it needs. */
  private static <H extends Handler> H parse(XlsxPackage xlsx, InputStream part, H handler) throws Exception {
    if (part == null) {
      return handler;
    }
    XMLReader reader = XMLHelper.newXMLReader();
    reader.setContentHandler(handler);
    try (InputStream in = xlsx.guard(part)) {
      reader.parse(new InputSource(in));
    } catch (SAXException e) {
      if (!handler.done) {
        throw e;
      }
    }
    return handler;
  }

  private abstract static class Handler extends DefaultHandler {
    boolean done;

    /** Stops the parse: this handler has all it needs. */
    SAXException finish() {
      done = true;
      return new SAXException("done");
    }
  }

  /** workbook.xml: the date system and the relation id of the first sheet. */
  private static final class FirstSheet extends Handler {
    boolean date1904;
    String relationId;

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
      if ("workbookPr".equals(localName)) {
        String v = atts.getValue("date1904");
        date1904 = "1".equals(v) || "true".equalsIgnoreCase(v);
      } else if ("sheet".equals(localName)) {
        relationId = atts.getValue(RELATIONSHIPS_NS, "id");
        throw finish();
      }
    }
  }

  /**
   * The built-in number formats a Chinese (also Japanese, Korean) Excel writes for its date cells
   * without spelling them out in styles.xml, which POI does not know as dates: in zh-CN 31 is
   * {@code yyyy"年"m"月"d"日"} (the default Chinese display of a date), 27, 36, 50, 52 and 57
   * {@code yyyy"年"m"月"}, 28, 29, 51, 53, 54 and 58 {@code m"月"d"日"}, 30 {@code m-d-yy} (ECMA-376
   * 18.8.30). 32–35, 55 and 56 are times of day there, so not here.
   */
  static final java.util.Set<Integer> EAST_ASIAN_DATES = java.util.Set.of(27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58);

  /** styles.xml: the number format of each cell style, to tell dates from numbers. */
  private static final class Styles extends Handler {
    private final Map<Integer, String> formats = new HashMap<>();
    private final List<Integer> cellFormats = new ArrayList<>();
    private boolean inCellXfs;

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
      if ("numFmt".equals(localName) && formats.size() < MAX_STYLES) {
        String code = atts.getValue("formatCode");
        if (code != null && code.length() <= 255) {
          formats.put(integer(atts.getValue("numFmtId"), -1), code);
        }
      } else if ("cellXfs".equals(localName)) {
        inCellXfs = true;
      } else if ("xf".equals(localName) && inCellXfs && cellFormats.size() < MAX_STYLES) {
        cellFormats.add(integer(atts.getValue("numFmtId"), 0));
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
      if ("cellXfs".equals(localName)) {
        throw finish();
      }
    }

    boolean isDate(int style) {
      if (style < 0 || style >= cellFormats.size()) {
        return false;
      }
      int id = cellFormats.get(style);
      if (!formats.containsKey(id) && EAST_ASIAN_DATES.contains(id)) {
        return true;
      }
      String format = formats.containsKey(id) ? formats.get(id) : BuiltinFormats.getBuiltinFormat(id);
      return format != null && DateUtil.isADateFormat(id, format);
    }
  }

  /** sharedStrings.xml: the texts cells point at (phonetic guides left out); a text too long is kept as null. */
  private static final class SharedStrings extends Handler {
    private final XlsxPackage xlsx;
    private final List<String> strings = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private boolean inText;
    private boolean inPhonetic;
    private boolean tooLong;
    private long chars;

    SharedStrings(XlsxPackage xlsx) {
      this.xlsx = xlsx;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
      switch (localName) {
        case "si" -> {
          text.setLength(0);
          tooLong = false;
        }
        case "rPh" -> inPhonetic = true;
        case "t" -> inText = !inPhonetic;
        default -> { }
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (inText && !tooLong) {
        if (text.length() + length > MAX_CELL_CHARS) {
          tooLong = true;
        } else {
          text.append(ch, start, length);
        }
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
      switch (localName) {
        case "t" -> inText = false;
        case "rPh" -> inPhonetic = false;
        case "si" -> {
          if (strings.size() >= MAX_SHARED_STRINGS) {
            throw refuse(xlsx, CatalogueFiles.fileProblem(
                "The workbook holds more than 300000 shared texts; nothing was imported."));
          }
          chars += text.length();
          if (chars > MAX_TEXT_CHARS) {
            throw refuse(xlsx, tooMuchText());
          }
          strings.add(tooLong ? null : text.toString());
        }
        default -> { }
      }
    }

    /** The text at an index; null when it is too long; IndexOutOfBounds when there is none. */
    String get(int index) {
      return strings.get(index);
    }
  }

  /** The sheet: one line per row that holds a value, with the caps on rows, columns, cells and text. */
  private static final class Sheet extends Handler {
    private final XlsxPackage xlsx;
    private final boolean date1904;
    private final Styles styles;
    private final SharedStrings strings;
    final List<Line> lines = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private int row;
    private List<String> cells;
    private int column;
    private String type;
    private int style;
    private boolean inCell;
    private boolean inValue;
    private boolean inInline;
    private boolean inText;
    private boolean inPhonetic;
    private int dataRows = -1; // the first line is the heading
    private long chars;

    Sheet(XlsxPackage xlsx, boolean date1904, Styles styles, SharedStrings strings) {
      this.xlsx = xlsx;
      this.date1904 = date1904;
      this.styles = styles;
      this.strings = strings;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
      switch (localName) {
        case "row" -> {
          row = integer(atts.getValue("r"), row + 1);
          cells = new ArrayList<>();
          column = -1;
        }
        case "c" -> {
          String ref = atts.getValue("r");
          column = ref == null ? column + 1 : columnOf(ref, column + 1);
          type = atts.getValue("t");
          style = integer(atts.getValue("s"), 0);
          text.setLength(0);
          inCell = true;
        }
        case "v" -> inValue = inCell;
        case "is" -> inInline = inCell;
        case "rPh" -> inPhonetic = true;
        case "t" -> inText = inInline && !inPhonetic;
        default -> { }
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
      if (inValue || inText) {
        if (text.length() + length > MAX_CELL_CHARS) {
          throw refuse(xlsx, cellTooLong(row, column));
        }
        text.append(ch, start, length);
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
      switch (localName) {
        case "v" -> inValue = false;
        case "t" -> inText = false;
        case "is" -> inInline = false;
        case "rPh" -> inPhonetic = false;
        case "c" -> {
          inCell = false;
          endCell();
        }
        case "row" -> endRow();
        case "sheetData" -> throw finish();
        default -> { }
      }
    }

    private void endCell() throws SAXException {
      String value = value();
      if (value.isEmpty() || cells == null) {
        return;
      }
      if (column >= MAX_COLUMNS) {
        throw refuse(xlsx, new ProblemException(400, "Invalid catalogue file",
            "The sheet has a cell beyond column Z (the catalogue has 14 columns); nothing was imported.",
            List.of(new Problem.FieldError(null, "a cell beyond column Z", row, letters(column)))));
      }
      chars += value.length();
      if (chars > MAX_TEXT_CHARS) {
        throw refuse(xlsx, tooMuchText());
      }
      while (cells.size() <= column) {
        cells.add("");
      }
      cells.set(column, value);
    }

    private void endRow() throws SAXException {
      if (cells == null || cells.stream().allMatch(String::isBlank)) {
        return;
      }
      if (++dataRows > MAX_DATA_ROWS) {
        throw refuse(xlsx, new ProblemException(400, "Invalid catalogue file",
            "The sheet has more than 10000 measure rows; nothing was imported. Split the file.",
            List.of(new Problem.FieldError(null, "one row more than 10000 measure rows", row, null))));
      }
      lines.add(new Line(row, cells));
      cells = null;
    }

    /** The cell's text as the import reads it. */
    private String value() throws SAXException {
      String raw = text.toString();
      if (type == null || "n".equals(type)) {
        if (raw.isBlank()) {
          return "";
        }
        double number;
        try {
          number = Double.parseDouble(raw.strip());
        } catch (NumberFormatException e) {
          throw refuse(xlsx, XlsxPackage.unreadable());
        }
        if (styles.isDate(style) && DateUtil.isValidExcelDate(number)) {
          return DateUtil.getLocalDateTime(number, date1904).toLocalDate().toString();
        }
        return new BigDecimal(Double.toString(number)).stripTrailingZeros().toPlainString();
      }
      return switch (type) {
        case "s" -> shared(raw);
        case "b" -> "1".equals(raw.strip()) || "true".equalsIgnoreCase(raw.strip()) ? "TRUE" : "FALSE";
        case "d" -> isoDate(raw);
        default -> raw; // inlineStr, str (a formula's text), e (an error such as #N/A)
      };
    }

    private String shared(String raw) throws SAXException {
      String s;
      try {
        s = strings.get(Integer.parseInt(raw.strip()));
      } catch (RuntimeException e) {
        throw refuse(xlsx, XlsxPackage.unreadable());
      }
      if (s == null) {
        throw refuse(xlsx, cellTooLong(row, column));
      }
      return s;
    }
  }

  private static String isoDate(String raw) {
    try {
      return LocalDateTime.parse(raw.strip()).toLocalDate().toString();
    } catch (DateTimeParseException notADateTime) {
      try {
        return LocalDate.parse(raw.strip()).toString();
      } catch (DateTimeParseException notADate) {
        return raw;
      }
    }
  }

  private static ProblemException cellTooLong(int row, int column) {
    return new ProblemException(400, "Invalid catalogue file",
        "A cell holds more than 32767 characters (Excel's own limit); nothing was imported.",
        List.of(new Problem.FieldError(null, "more than 32767 characters", row, letters(column))));
  }

  private static ProblemException tooMuchText() {
    return CatalogueFiles.fileProblem("The workbook holds more than 10485760 characters of text; nothing was imported.");
  }

  private static SAXException refuse(XlsxPackage xlsx, ProblemException why) {
    xlsx.refuse(why);
    return new SAXException(why.getMessage());
  }

  /** The column of a cell reference such as B7 (0 for A); {@code fallback} when it names none. */
  static int columnOf(String ref, int fallback) {
    int column = 0;
    int i = 0;
    while (i < ref.length() && ((ref.charAt(i) >= 'A' && ref.charAt(i) <= 'Z') || (ref.charAt(i) >= 'a' && ref.charAt(i) <= 'z'))) {
      if (i == 3) {
        return Integer.MAX_VALUE; // beyond XFD, the last column a sheet has
      }
      column = column * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
      i++;
    }
    return i == 0 ? fallback : column - 1;
  }

  /** The letters of a column (0: A, 25: Z, 16383: XFD). */
  static String letters(int column) {
    if (column < 0 || column == Integer.MAX_VALUE) {
      return column < 0 ? "?" : "beyond XFD";
    }
    StringBuilder s = new StringBuilder();
    for (int c = column + 1; c > 0; c = (c - 1) / 26) {
      s.insert(0, (char) ('A' + (c - 1) % 26));
    }
    return s.toString();
  }

  private static int integer(String text, int fallback) {
    try {
      return text == null ? fallback : Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
