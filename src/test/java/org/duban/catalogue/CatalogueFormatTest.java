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
    CatalogueFormat.parse(row(7, cells(values)), errors);
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
    CreateMeasureRequest read = CatalogueFormat.parse(row(2, cells(written)), errors);
    assertThat(errors).isEmpty();
    assertThat(read).usingRecursiveComparison().withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(m);
  }
}
