package org.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.qute.Engine;
import java.util.List;
import org.duban.platform.Page;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The pager every list page shows: page n of m, and a previous and next only where there is one. */
@Tag("unit")
class PagingTest {

  static String pager(int page, int size, long total) {
    var template = Engine.builder().addDefaults().build()
        .parse("{shownPage}/{pages} prev={prevPage ?: '-'} next={nextPage ?: '-'}");
    return Paging.of(template.instance(), new Page<>(List.of(), page, size, total)).render();
  }

  @Test
  void anEmptyListIsOnePageWithNowhereToGo() {
    assertThat(pager(0, 20, 0)).isEqualTo("1/1 prev=- next=-");
  }

  @Test
  void theMiddlePageLinksBothWaysAndTheLastOnlyBack() {
    assertThat(pager(0, 20, 41)).isEqualTo("1/3 prev=- next=1");
    assertThat(pager(1, 20, 41)).isEqualTo("2/3 prev=0 next=2");
    assertThat(pager(2, 20, 41)).isEqualTo("3/3 prev=1 next=-");
    assertThat(pager(1, 20, 40)).isEqualTo("2/2 prev=0 next=-");
  }
}
