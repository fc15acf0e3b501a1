package org.duban.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The page and size parameters: defaults, bounds, and a 400 naming the bad parameter. */
@Tag("unit")
class PageRequestTest {

  static PageRequest request(String page, String size) {
    PageRequest r = new PageRequest();
    r.pageParam = page;
    r.sizeParam = size;
    return r.validated();
  }

  static String badField(String page, String size) {
    ProblemException e = catchThrowableOfType(ProblemException.class, () -> request(page, size));
    assertThat(e).as("page=%s size=%s is refused", page, size).isNotNull();
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.errors()).hasSize(1);
    return e.errors().get(0).field();
  }

  @Test
  void withoutParametersTheFirstPageOfTwenty() {
    PageRequest r = request(null, " ");
    assertThat(r.page).isZero();
    assertThat(r.size).isEqualTo(Page.DEFAULT_SIZE).isEqualTo(20);
    assertThat(r.offset()).isZero();
  }

  @Test
  void theOffsetIsPageTimesSize() {
    PageRequest r = request(" 3 ", "25");
    assertThat(r.page).isEqualTo(3);
    assertThat(r.size).isEqualTo(25);
    assertThat(r.offset()).isEqualTo(75);
    assertThat(PageRequest.of(2, 10).offset()).isEqualTo(20);
  }

  @Test
  void theBoundsAreInclusive() {
    assertThat(request("0", "1").size).isEqualTo(1);
    assertThat(request("1000000", "100").size).isEqualTo(Page.MAX_SIZE).isEqualTo(100);
  }

  @Test
  void aBadValueIsA400NamingItsParameter() {
    assertThat(badField("abc", null)).isEqualTo("page");
    assertThat(badField("-1", null)).isEqualTo("page");
    assertThat(badField("1000001", null)).isEqualTo("page");
    assertThat(badField(null, "0")).isEqualTo("size");
    assertThat(badField(null, "101")).isEqualTo("size");
    assertThat(badField(null, "2.5")).isEqualTo("size");
    assertThat(badField(null, "99999999999")).isEqualTo("size");
  }

  @Test
  void anAlreadyBuiltRequestIsNotParsedAgain() {
    PageRequest r = PageRequest.of(4, 5);
    r.pageParam = "abc";
    assertThat(r.validated().page).isEqualTo(4);
  }
}
