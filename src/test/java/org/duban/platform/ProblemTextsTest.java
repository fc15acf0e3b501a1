package org.duban.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.duban.platform.ProblemTexts.Language;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Which language a request prefers, and how an English sentence becomes Chinese. */
@Tag("unit")
class ProblemTextsTest {

  @Test
  void theLanguageFollowsTheWeightsOfAcceptLanguage() {
    assertThat(ProblemTexts.preferred(null)).isEqualTo(Language.EN);
    assertThat(ProblemTexts.preferred("")).isEqualTo(Language.EN);
    assertThat(ProblemTexts.preferred("zh-CN")).isEqualTo(Language.ZH);
    assertThat(ProblemTexts.preferred("zh")).isEqualTo(Language.ZH);
    assertThat(ProblemTexts.preferred("ZH-hans-CN")).isEqualTo(Language.ZH);
    assertThat(ProblemTexts.preferred("en")).isEqualTo(Language.EN);
    assertThat(ProblemTexts.preferred("en;q=0.9, zh;q=0.8")).isEqualTo(Language.EN);
    assertThat(ProblemTexts.preferred("en;q=0.8, zh-CN;q=0.9")).isEqualTo(Language.ZH);
    assertThat(ProblemTexts.preferred("zh-CN,zh;q=0.9,en;q=0.8")).isEqualTo(Language.ZH);
    assertThat(ProblemTexts.preferred("fr, zh;q=0.5")).isEqualTo(Language.ZH);
    assertThat(ProblemTexts.preferred("fr, de")).isEqualTo(Language.EN);
    assertThat(ProblemTexts.preferred("*")).isEqualTo(Language.EN);
    assertThat(ProblemTexts.preferred("zh;q=0")).isEqualTo(Language.EN);
    assertThat(ProblemTexts.preferred("zh;q=abc")).isEqualTo(Language.EN);
    assertThat(ProblemTexts.preferred("zhx")).isEqualTo(Language.EN);
    // equal weights: the first one listed
    assertThat(ProblemTexts.preferred("en, zh")).isEqualTo(Language.EN);
    assertThat(ProblemTexts.preferred("zh, en")).isEqualTo(Language.ZH);
  }

  @Test
  void variablePartsAreCopiedIntoTheChinese() {
    assertThat(ProblemTexts.zh("There is no measure J99.")).isEqualTo("没有编号为 J99 的措施。");
    assertThat(ProblemTexts.zh("must be a date such as 2021-12-31")).isEqualTo("必须是日期，例如 2021-12-31");
    assertThat(ProblemTexts.zh("must be after the current deadline 2021-12-31")).isEqualTo("必须晚于当前截止日期 2021-12-31");
    assertThat(ProblemTexts.zh("size must be between 1 and 300")).isEqualTo("长度必须在 1 到 300 之间");
    assertThat(ProblemTexts.zh("Measure J04 is VERIFIED: you cannot reopen it now.")).isEqualTo("措施 J04 当前状态为 VERIFIED：现在不能退回重办。");
    assertThat(ProblemTexts.zh("no unit has the code 'xx'")).isEqualTo("没有编号为 'xx' 的单位");
    assertThat(ProblemTexts.zh("2 problem(s) in the file; nothing was imported. Correct the rows listed and import the whole file again."))
        .isEqualTo("文件中有 2 处问题；未导入任何内容。请更正所列各行后重新导入整个文件。");
  }

  @Test
  void aSpecificSentenceWinsOverAGeneralShape() {
    assertThat(ProblemTexts.zh("must be a date such as 2027-06-30 or an ISO-8601 instant")).isEqualTo("必须是日期（例如 2027-06-30）或 ISO-8601 时间点");
    assertThat(ProblemTexts.zh("must be less than or equal to 100")).isEqualTo("必须小于或等于 100");
    assertThat(ProblemTexts.zh("must be a whole number from 1 to 100")).isEqualTo("必须是 1 到 100 之间的整数");
    assertThat(ProblemTexts.zh("must be a whole number from 0")).isEqualTo("必须是不小于 0 的整数");
  }

  @Test
  void sentencesComposedFromAVariableHaveTheirEntries() {
    // IdentityService.requireAdministers: what it may not do, and the tail for an ADMIN
    for (String what : List.of("reset the password of", "clear the second factor of")) {
      for (String tail : List.of(".", ": the security administrator keeps the privileged accounts.")) {
        assertThat(ProblemTexts.known("A ADMIN may not " + what + " a AUDITOR account" + tail)).as(what + tail).isTrue();
      }
    }
    // ItemScope.requireSupervision (tasks-ui): a task's office, or the province's
    assertThat(ProblemTexts.zh("Only an office whose region contains 370100 may verify J05-370100."))
        .isEqualTo("只有辖区包含 370100 的督办办公室可以对 J05-370100 执行此操作（verify）。");
    assertThat(ProblemTexts.known("Only an office of the whole province may verify J05.")).isTrue();
    // the catalogue's unit cells: with and without the codes that differ only in case
    assertThat(ProblemTexts.zh("no unit has the code or the name 'FY'")).isEqualTo("没有编号或名称为 'FY' 的单位");
    assertThat(ProblemTexts.zh("no unit has the code or the name 'FY' (codes are case-sensitive: did you mean 'fy' or 'Fy'?)"))
        .isEqualTo("没有编号或名称为 'FY' 的单位（编号区分大小写：您指的是否是 'fy' or 'Fy'？）");
    // RequestErrorMappers: "must be " + the type described
    for (String expected : List.of("a whole number", "a calendar date (YYYY-MM-DD)", "true or false", "one of BUSINESS, STABILITY, JUSTICE",
        "a string", "a list", "a valid value")) {
      assertThat(ProblemTexts.known("must be " + expected)).as(expected).isTrue();
    }
  }

  @Test
  void anUnknownSentenceStaysEnglish() {
    assertThat(ProblemTexts.zh("Something nobody wrote down.")).isEqualTo("Something nobody wrote down.");
    assertThat(ProblemTexts.zh(null)).isNull();
    assertThat(ProblemTexts.in(Language.EN, "There is no measure J99.")).isEqualTo("There is no measure J99.");
  }

  @Test
  void aProblemKeepsItsStatusTypeFieldsRowsAndColumns() {
    Problem p = new Problem("about:blank", "Invalid catalogue file", 400, "1 problem(s) in the file; nothing was imported. Correct the rows listed and import the whole file again.",
        "/api/v1/measures/import", List.of(new Problem.FieldError("deadline", "must be a date such as 2021-12-31", 3, "承诺时限")));
    Problem zh = ProblemTexts.translate(p, Language.ZH);
    assertThat(zh.type()).isEqualTo("about:blank");
    assertThat(zh.status()).isEqualTo(400);
    assertThat(zh.instance()).isEqualTo("/api/v1/measures/import");
    assertThat(zh.title()).isEqualTo("事项清单文件有误");
    assertThat(zh.errors()).containsExactly(new Problem.FieldError("deadline", "必须是日期，例如 2021-12-31", 3, "承诺时限"));
    assertThat(ProblemTexts.translate(p, Language.EN)).isSameAs(p);
  }

  @Test
  void theFunnelsOwnTitlesAndDetailsAllHaveChinese() {
    ProblemMappers.TITLES.values().forEach(t -> assertThat(ProblemTexts.known(t)).as(t).isTrue());
    ProblemMappers.DETAILS.values().forEach(d -> assertThat(ProblemTexts.known(d)).as(d).isTrue());
    assertThat(ProblemTexts.known("Error")).isTrue();
    assertThat(ProblemTexts.known("The request failed.")).isTrue();
    for (Restriction r : Restriction.values()) {
      assertThat(ProblemTexts.known(r.sentence())).as(r.name()).isTrue();
    }
  }
}
