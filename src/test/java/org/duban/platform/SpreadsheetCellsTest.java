package org.duban.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The formula rule for spreadsheet cells on its own: what gets an apostrophe, and that it comes off again. */
@Tag("unit")
class SpreadsheetCellsTest {

  @Test
  void aCellASpreadsheetWouldRunGetsAnApostrophe() {
    assertThat(SpreadsheetCells.neutralise("=HYPERLINK(\"http://evil.example\",\"点此\")")).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"点此\")");
    assertThat(SpreadsheetCells.neutralise("+1+cmd|' /C calc'!A0")).startsWith("'+");
    assertThat(SpreadsheetCells.neutralise("-2+3")).isEqualTo("'-2+3");
    assertThat(SpreadsheetCells.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(SpreadsheetCells.neutralise("\t=1")).isEqualTo("'\t=1");
    assertThat(SpreadsheetCells.neutralise("\r=1")).isEqualTo("'\r=1");
  }

  @Test
  void anApostropheBeforeATriggerGetsOneMoreSoThatTheRuleCanBeUndone() {
    assertThat(SpreadsheetCells.neutralise("'=1")).isEqualTo("''=1");
    assertThat(SpreadsheetCells.neutralise("''-x")).isEqualTo("'''-x");
    assertThat(SpreadsheetCells.restore("''=1")).isEqualTo("'=1");
    assertThat(SpreadsheetCells.restore("'=1")).isEqualTo("=1");
  }

  @Test
  void everyOtherCellIsLeftAlone() {
    for (String s : List.of("", "事项", "2021-12-31", "'", "''", "'abc", "a=b", " =1", "\n=1", "１＝１")) {
      assertThat(SpreadsheetCells.neutralise(s)).as(s).isEqualTo(s);
      assertThat(SpreadsheetCells.restore(s)).as(s).isEqualTo(s);
    }
    assertThat(SpreadsheetCells.neutralise(null)).isNull();
    assertThat(SpreadsheetCells.restore(null)).isNull();
  }

  @Test
  void restoreUndoesNeutraliseForEveryShortStringOfTheInterestingCharacters() {
    char[] alphabet = {'\'', '=', '+', '-', '@', '\t', '\r', 'a', ' '};
    List<String> all = new ArrayList<>(List.of(""));
    for (int length = 1; length <= 4; length++) {
      List<String> longer = new ArrayList<>();
      for (String s : all) {
        if (s.length() == length - 1) {
          for (char c : alphabet) {
            longer.add(s + c);
          }
        }
      }
      all.addAll(longer);
    }
    for (String s : all) {
      String out = SpreadsheetCells.neutralise(s);
      assertThat(SpreadsheetCells.restore(out)).as("restore(neutralise(%s))", s).isEqualTo(s);
      // what goes out never starts with a trigger
      assertThat(out.isEmpty() || "=+-@\t\r".indexOf(out.charAt(0)) < 0).as(s).isTrue();
    }
  }

  @Test
  void aCsvWriterNeutralisesTextButNotNumbers() {
    assertThat(SpreadsheetCells.csvCell(-3)).isEqualTo(-3);
    assertThat(SpreadsheetCells.csvCell(Boolean.TRUE)).isEqualTo(Boolean.TRUE);
    assertThat(SpreadsheetCells.csvCell(null)).isNull();
    assertThat(SpreadsheetCells.csvCell("-3")).isEqualTo("'-3");
    assertThat(SpreadsheetCells.csvCell(LocalDate.of(2021, 12, 31))).isEqualTo("2021-12-31");
  }
}
