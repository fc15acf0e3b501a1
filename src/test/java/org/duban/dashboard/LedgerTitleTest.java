package org.duban.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.duban.platform.PrintLayout;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The ledger's title says as of when (and which round, which region) it stands, in Chinese. */
@Tag("unit")
class LedgerTitleTest {

  @Test
  void todaysLedgerSaysItsDate() {
    assertThat(LedgerExport.titleTail(null, null, LocalDate.of(2021, 10, 1))).isEqualTo("（截至2021年10月1日）");
    assertThat(PrintLayout.chineseDate(LocalDate.of(2021, 12, 31))).isEqualTo("2021年12月31日");
  }

  @Test
  void aKeptRoundsLedgerSaysItsRoundAndTheDayItClosed() {
    var round = new DashboardService.KeptRound(1, "2021-06", LocalDate.of(2021, 6, 30));
    assertThat(LedgerExport.titleTail(round, null, LocalDate.of(2021, 10, 1))).isEqualTo("（2021年6月调度，截至2021年6月30日报送窗口关闭时）");
    assertThat(LedgerExport.titleTail(round, "济南市", LocalDate.of(2021, 10, 1))).isEqualTo("（济南市及以下，2021年6月调度，截至2021年6月30日报送窗口关闭时）");
  }

  @Test
  void aChineseColumnIsAboutTwoDigitsACharacter() {
    assertThat(PrintLayout.widthOfChinese(10)).isGreaterThan(20 * 256).isLessThan(25 * 256);
    assertThat(PrintLayout.widthOfChinese(1000)).isEqualTo(255 * 256);
  }
}
