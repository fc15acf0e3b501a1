package org.duban.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.duban.measure.Area;
import org.duban.measure.dto.CreateMeasureRequest;
import org.duban.platform.Problem;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The catalogue's cells: how each reads, what each error says (row and column), and write → read is the identity. */
@Tag("unit")
class CatalogueFormatTest {

  static final CatalogueUnits UNITS = CatalogueUnits.of(units("fy", "省法院", "jcy", "省检察院", "sft", "省司法厅"));

  static Map<String, String> units(String... codesAndNames) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < codesAndNames.length; i += 2) {
      m.put(codesAndNames[i], codesAndNames[i + 1]);
    }
    return m;
  }

  static CatalogueFormat.RawRow row(int number, Map<CatalogueFormat.Column, String> cells) {
    return new CatalogueFormat.RawRow(number, cells);
  }

  static Map<CatalogueFormat.Column, String> cells(List<String> values) {
    Map<CatalogueFormat.Column, String> m = new EnumMap<>(CatalogueFormat.Column.class);
    CatalogueFormat.Column[] columns = CatalogueFormat.Column.values();
    for (int i = 0; i < values.size(); i++) {
      m.put(columns[i], values.get(i));
    }
    return m;
  }

  @Test
  void cellsReadAsPeopleWriteThem() {
    assertThat(CatalogueFormat.area(Area.JUSTICE.nameZh)).isEqualTo(Area.JUSTICE);
    assertThat(CatalogueFormat.area("business")).isEqualTo(Area.BUSINESS);
    assertThat(CatalogueFormat.area("S")).isEqualTo(Area.STABILITY);
    assertThat(CatalogueFormat.date("2021/06/30")).isEqualTo(LocalDate.of(2021, 6, 30));
    assertThat(CatalogueFormat.date("2021.12.31")).isEqualTo(LocalDate.of(2021, 12, 31));
    assertThat(CatalogueFormat.yesNo("是")).isTrue();
    assertThat(CatalogueFormat.yesNo("N")).isFalse();
    assertThat(CatalogueFormat.number("1,400")).isEqualByComparingTo(new BigDecimal("1400"));
    assertThatThrownBy(() -> CatalogueFormat.date("2021-02-30")).hasMessageContaining("2021-12-31");
    assertThatThrownBy(() -> CatalogueFormat.yesNo("maybe")).hasMessageContaining("是 or 否");
    assertThatThrownBy(() -> CatalogueFormat.number("一千")).hasMessageContaining("not a number");
  }

  @Test
  void aMilestoneLineHasItsPartsAndAnEscapedBarStaysText() {
    var m = CatalogueFormat.milestone("2021-06-30 | 出台规范 \\| 细则 | 2021-06-20 | 按期");
    assertThat(m.dueDate()).isEqualTo(LocalDate.of(2021, 6, 30));
    assertThat(m.title()).isEqualTo("出台规范 | 细则");
    assertThat(m.doneOn()).isEqualTo(LocalDate.of(2021, 6, 20));
    assertThat(m.assumption()).isEqualTo("按期");
    assertThatThrownBy(() -> CatalogueFormat.milestone("a|b|c|d|e")).hasMessageContaining("more than 4 parts");
  }

  @Test
  void everyBadCellIsReportedWithItsRowAndColumnAndNothingStopsAtTheFirst() {
    List<String> values = new ArrayList<>(List.of("J99", "nowhere", "", "", "", "fy", "也许", "", "2021-13-01", "2021-12-31"));
    List<Problem.FieldError> errors = new ArrayList<>();
    CatalogueFormat.parse(row(7, cells(values)), UNITS, errors);
    assertThat(errors).allMatch(e -> e.row() == 7);
    // the area, the missing title, 是/否 and the start date: each named by its heading and key
    assertThat(errors.stream().map(Problem.FieldError::column).toList()).containsExactlyInAnyOrder("领域", "事项", "牵头单位系推定", "启动日期");
    assertThat(errors.stream().map(Problem.FieldError::field).toList())
        .containsExactlyInAnyOrder("area", "title", "leadUnitInferred", "startDate");
  }

  @Test
  void writingThenReadingGivesTheSameMeasure() {
    CreateMeasureRequest m = new CreateMeasureRequest(
        "J05", Area.JUSTICE, "一站式调解中心", "每个县建成", "原文", "sft", List.of("fy", "jcy"), LocalDate.of(2021, 5, 14), LocalDate.of(2021, 12, 31),
        List.of(new org.duban.measure.dto.MilestoneInput("出台规范 | 细则", LocalDate.of(2021, 6, 30), null, "按期")),
        List.of(new org.duban.measure.dto.TargetInput("建成中心", new BigDecimal("136"), "个", LocalDate.of(2021, 12, 31), new BigDecimal("40"), null)),
        true, List.of("牵头单位系推定"), "备注");
    List<String> written = CatalogueFormat.cells(m);
    List<Problem.FieldError> errors = new ArrayList<>();
    CreateMeasureRequest read = CatalogueFormat.parse(row(2, cells(written)), UNITS, errors);
    assertThat(errors).isEmpty();
    assertThat(read).usingRecursiveComparison().withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(m);
  }

  @Test
  void datesReadInTheFormsExcelAndWpsSaveAndShow() {
    LocalDate june30 = LocalDate.of(2021, 6, 30);
    LocalDate dec31 = LocalDate.of(2021, 12, 31);
    assertThat(CatalogueFormat.date("2021/6/30")).isEqualTo(june30);
    assertThat(CatalogueFormat.date("2021/12/31")).isEqualTo(dec31);
    assertThat(CatalogueFormat.date("2021-6-30")).isEqualTo(june30);
    assertThat(CatalogueFormat.date("2021.6.30")).isEqualTo(june30);
    assertThat(CatalogueFormat.date("2021年6月30日")).isEqualTo(june30);
    assertThat(CatalogueFormat.date("2021年12月31日")).isEqualTo(dec31);
    assertThat(CatalogueFormat.date("2021 年 6 月 30 日")).isEqualTo(june30);
    assertThat(CatalogueFormat.date("２０２１／６／３０")).as("full-width, as a Chinese input method types it").isEqualTo(june30);
    assertThat(CatalogueFormat.date("20211231")).isEqualTo(dec31);
    assertThat(CatalogueFormat.date("2021/6/30 0:00")).as("a date-and-time cell saved to CSV").isEqualTo(june30);
    assertThat(CatalogueFormat.date("2021-12-31")).isEqualTo(dec31);
  }

  @Test
  void aDateThatIsAmbiguousOrNoDateIsRefusedWithTheReasonNeverGuessed() {
    assertThatThrownBy(() -> CatalogueFormat.date("6/30/2021")).hasMessageContaining("ambiguous").hasMessageContaining("year first");
    assertThatThrownBy(() -> CatalogueFormat.date("30/6/2021")).hasMessageContaining("ambiguous");
    assertThatThrownBy(() -> CatalogueFormat.date("21/6/30")).hasMessageContaining("ambiguous");
    assertThatThrownBy(() -> CatalogueFormat.date("2021/2/30")).hasMessageContaining("not a day of the calendar");
    assertThatThrownBy(() -> CatalogueFormat.date("2021年2月30日")).hasMessageContaining("not a day of the calendar");
    assertThatThrownBy(() -> CatalogueFormat.date("2021年6月")).hasMessageContaining("not a date");
    assertThatThrownBy(() -> CatalogueFormat.date("2021/6/30 9:30")).hasMessageContaining("time of day");
    assertThatThrownBy(() -> CatalogueFormat.date("2021/6-30")).hasMessageContaining("not a date");
    assertThatThrownBy(() -> CatalogueFormat.date("年底前")).hasMessageContaining("not a date");
  }

  @Test
  void anExcelSerialNumberInADateColumnIsRefusedSayingWhatItLooksLikeAndHowToFixIt() {
    assertThatThrownBy(() -> CatalogueFormat.date("44561"))
        .hasMessageContaining("looks like an Excel serial date")
        .hasMessageContaining("2021-12-31")
        .hasMessageContaining("format the cell as a date");
    assertThatThrownBy(() -> CatalogueFormat.date("44377.5")).hasMessageContaining("2021-06-30");
    assertThatThrownBy(() -> CatalogueFormat.date("2021")).hasMessageContaining("is a number, not a date");
  }

  @Test
  void codesTypedInFullWidthAreTheirPlainSelves() {
    List<Problem.FieldError> errors = new ArrayList<>();
    List<String> values = List.of("Ｊ０５", "Ｊ", "一站式调解中心", "", "", "ｆｙ", "", "ｊｃｙ", "2021/5/14", "2021年12月31日");
    CreateMeasureRequest r = CatalogueFormat.parse(row(2, cells(values)), UNITS, errors);
    assertThat(errors).isEmpty();
    assertThat(r.code()).isEqualTo("J05");
    assertThat(r.area()).isEqualTo(Area.JUSTICE);
    assertThat(r.leadUnit()).isEqualTo("fy");
    assertThat(r.coUnits()).containsExactly("jcy");
    assertThat(r.startDate()).isEqualTo(LocalDate.of(2021, 5, 14));
    assertThat(r.deadline()).isEqualTo(LocalDate.of(2021, 12, 31));
    assertThat(CatalogueFormat.number("１，４００")).isEqualByComparingTo(new BigDecimal("1400"));
    assertThat(CatalogueFormat.yesNo("Ｙ")).isTrue();
  }

  @Test
  void aUnitIsNamedByItsCodeOrItsExactNameAndNeverGuessed() {
    assertThat(UNITS.code("fy")).isEqualTo("fy");
    assertThat(UNITS.code("省法院")).isEqualTo("fy");
    assertThat(UNITS.code(" 省检察院 ")).isEqualTo("jcy");
    assertThatThrownBy(() -> UNITS.code("法院")).hasMessageContaining("no unit has the code or the name '法院'");
    assertThatThrownBy(() -> UNITS.code("FY")).hasMessageContaining("case-sensitive").hasMessageContaining("'fy'");
    CatalogueUnits twins = CatalogueUnits.of(units("fy", "省法院", "fy2", "省法院", "x", "fy", "gat", "省公安厅（交警）"));
    assertThatThrownBy(() -> twins.code("省法院")).hasMessageContaining("more than one unit").hasMessageContaining("fy 省法院, fy2 省法院");
    assertThatThrownBy(() -> twins.code("fy")).as("one unit's code, another's name").hasMessageContaining("more than one unit");
    assertThat(twins.code("省公安厅(交警)")).as("brackets of either width").isEqualTo("gat");
  }

  @Test
  void aRowWithUnitNamesReadsAsCodesAndAnUnknownOneIsAnErrorInItsRowAndColumn() {
    List<Problem.FieldError> errors = new ArrayList<>();
    List<String> good = List.of("B03", "BUSINESS", "事项", "", "", "省司法厅", "否", "省法院、jcy，省法院", "2021/6/30", "2021年12月31日");
    CreateMeasureRequest r = CatalogueFormat.parse(row(3, cells(good)), UNITS, errors);
    assertThat(errors).isEmpty();
    assertThat(r.leadUnit()).isEqualTo("sft");
    assertThat(r.coUnits()).as("a unit named twice is one co-unit").containsExactly("fy", "jcy");

    List<String> bad = List.of("B04", "BUSINESS", "事项", "", "", "省高院", "否", "省法院、市检察院", "2021/6/30", "6/30/2021");
    CatalogueFormat.parse(row(4, cells(bad)), UNITS, errors);
    assertThat(errors).extracting(e -> e.row() + " " + e.column() + " " + e.field())
        .containsExactlyInAnyOrder("4 牵头单位 leadUnit", "4 配合单位 coUnits", "4 承诺时限 deadline");
    assertThat(errors).extracting(Problem.FieldError::message)
        .anyMatch(m -> m.contains("'省高院'")).anyMatch(m -> m.contains("'市检察院'")).anyMatch(m -> m.contains("ambiguous"));
  }
}
