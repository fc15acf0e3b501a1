package org.duban.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** TRACKER_PUBLIC_BASE_URL: an absolute http(s) URL, normalised to end in one slash; anything else refuses to start. */
@Tag("unit")
class PublicBaseUrlTest {

  @Test
  void aBaseEndsInExactlyOneSlash() {
    assertThat(PublicBaseUrl.normalised("https://duban.example.gov.cn")).isEqualTo("https://duban.example.gov.cn/");
    assertThat(PublicBaseUrl.normalised(" https://duban.example.gov.cn/ ")).isEqualTo("https://duban.example.gov.cn/");
    assertThat(PublicBaseUrl.normalised("HTTPS://duban.example.gov.cn:8443/duban//")).isEqualTo("https://duban.example.gov.cn:8443/duban/");
    assertThat(PublicBaseUrl.normalised("http://10.0.0.5:8080/apps/duban")).isEqualTo("http://10.0.0.5:8080/apps/duban/");
  }

  @Test
  void anythingButAnAbsoluteHttpUrlWithoutQueryOrFragmentIsRefusedWithOneSentence() {
    for (String bad : new String[] {"duban.example.gov.cn", "/duban", "ftp://duban.example.gov.cn/", "https://", "https:///x",
        "https://duban.example.gov.cn/?a=1", "https://duban.example.gov.cn/?", "https://duban.example.gov.cn/#top",
        "https://user:secret@duban.example.gov.cn/", "https://duban example/", "mailto:office@duban.example.gov.cn"}) {
      assertThatThrownBy(() -> PublicBaseUrl.normalised(bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("TRACKER_PUBLIC_BASE_URL '")
          .hasMessageContaining("is not an absolute http or https URL")
          .hasMessageEndingWith("e.g. https://duban.example.gov.cn/");
    }
  }
}
