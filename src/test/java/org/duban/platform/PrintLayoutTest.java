package org.duban.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** How many lines a wrapped text takes, so that a printed row is tall enough for it. */
@Tag("unit")
class PrintLayoutTest {

  @Test
  void chineseTakesAboutTwoDigitsACharacter() {
    int sixChinese = PrintLayout.widthOfChinese(6);
    assertThat(PrintLayout.lines("聚焦严格执法", sixChinese)).isEqualTo(1);
    assertThat(PrintLayout.lines("聚焦严格执法司法解民难", sixChinese)).isEqualTo(2);
    assertThat(PrintLayout.lines("2021-12-31", PrintLayout.widthOfChinese(5.5))).isEqualTo(1);
    assertThat(PrintLayout.lines("", sixChinese)).isEqualTo(1);
    assertThat(PrintLayout.lines("第一行\n第二行", sixChinese)).isEqualTo(2);
  }
}
