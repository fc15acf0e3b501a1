package org.duban.web;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import java.util.Locale;

/** The language of a page: Chinese unless the reader chose English (?lang=en, remembered in a cookie). */
record Lang(String code) {

  static final String COOKIE = "duban-lang";

  static Lang of(String query, HttpHeaders headers) {
    if ("en".equals(query) || "zh".equals(query)) {
      return new Lang(query);
    }
    Cookie c = headers.getCookies().get(COOKIE);
    return new Lang(c != null && "en".equals(c.getValue()) ? "en" : "zh");
  }

  boolean english() {
    return "en".equals(code);
  }

  Locale locale() {
    return english() ? Locale.ENGLISH : Locale.CHINESE;
  }

  String other() {
    return english() ? "zh" : "en";
  }

  NewCookie cookie() {
    return new NewCookie.Builder(COOKIE).value(code).path("/").maxAge(365 * 24 * 3600).httpOnly(true)
        .sameSite(NewCookie.SameSite.LAX).build();
  }
}
