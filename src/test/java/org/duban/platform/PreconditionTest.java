package org.duban.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** If-Match as RFC 9110 reads it: strong tags only, "*" for any, a list for several. */
@Tag("unit")
class PreconditionTest {

  static int status(Runnable r) {
    ProblemException e = catchThrowableOfType(ProblemException.class, r::run);
    return e == null ? 0 : e.status();
  }

  @Test
  void theTagOfAVersionIsItsNumberInQuotes() {
    assertThat(Precondition.etag(7)).isEqualTo("\"7\"");
    assertThatCode(() -> Precondition.ifMatch(Precondition.etag(7)).check(7)).doesNotThrowAnyException();
  }

  @Test
  void anotherVersionIs412() {
    assertThat(status(() -> Precondition.ifMatch("\"6\"").check(7))).isEqualTo(412);
    assertThat(status(() -> Precondition.ifMatch("\"6\"").require(7))).isEqualTo(412);
  }

  @Test
  void aListMatchesAnyOfItsTagsAndStarMatchesEverything() {
    assertThat(status(() -> Precondition.ifMatch("\"5\", \"7\" ,\"9\"").check(7))).isZero();
    assertThat(status(() -> Precondition.ifMatch("\"5\", \"9\"").check(7))).isEqualTo(412);
    assertThat(status(() -> Precondition.ifMatch(" * ").require(123))).isZero();
  }

  @Test
  void weakOrForeignTagsMatchNothing() {
    assertThat(status(() -> Precondition.ifMatch("W/\"7\"").check(7))).isEqualTo(412);
    assertThat(status(() -> Precondition.ifMatch("7").check(7))).isEqualTo(412);
    assertThat(status(() -> Precondition.ifMatch("\"abc\"").check(7))).isEqualTo(412);
    assertThat(status(() -> Precondition.ifMatch("\"\"").check(7))).isEqualTo(412);
  }

  @Test
  void withoutTheHeaderCheckPassesAndRequireIs428() {
    for (String absent : new String[] {null, "", "  "}) {
      Precondition p = Precondition.ifMatch(absent);
      assertThat(p.present()).isFalse();
      assertThat(status(() -> p.check(7))).isZero();
      assertThat(status(() -> p.require(7))).isEqualTo(428);
    }
    assertThat(Precondition.ifMatch("\"1\"").present()).isTrue();
  }
}
