package org.duban.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The shipped single sign-on settings (application.properties, read by SmallRye Config as Quarkus
 * reads them): the audience defaults to the client id, the user is named by preferred_username and
 * by nothing else, and single sign-on without an audience to check does not start.
 */
@Tag("unit")
class SingleSignOnConfigTest {

  static SmallRyeConfig config(Map<String, String> overrides) throws Exception {
    return new SmallRyeConfigBuilder()
        .addDefaultInterceptors()
        .withSources(new PropertiesConfigSource(SingleSignOnConfigTest.class.getResource("/application.properties"), 100))
        .withSources(new PropertiesConfigSource(overrides, "overrides", 400))
        .build();
  }

  @Test
  void theAudienceIsTheClientIdAndNothingWhenThereIsNone() throws Exception {
    assertThat(config(Map.of("quarkus.oidc.client-id", "duban")).getOptionalValues("quarkus.oidc.token.audience", String.class))
        .contains(List.of("duban"));
    // no client id (single sign-on off, the default): the expression resolves to nothing, and the app starts
    assertThat(config(Map.of()).getOptionalValues("quarkus.oidc.token.audience", String.class)).isEmpty();
    // an audience given explicitly wins
    assertThat(config(Map.of("quarkus.oidc.client-id", "duban", "quarkus.oidc.token.audience", "https://duban.example.gov.cn"))
        .getOptionalValues("quarkus.oidc.token.audience", String.class)).contains(List.of("https://duban.example.gov.cn"));
    assertThat(config(Map.of()).getValue("quarkus.oidc.token.principal-claim", String.class)).isEqualTo("preferred_username");
  }

  @Test
  void singleSignOnWithoutAnAudienceRefusesToStart() {
    assertThatThrownBy(() -> new SingleSignOnClaims("preferred_username", true, Optional.empty()).check(null))
        .hasMessage(SingleSignOnClaims.NO_AUDIENCE);
    new SingleSignOnClaims("preferred_username", true, Optional.of(List.of("duban"))).check(null);
    new SingleSignOnClaims("preferred_username", false, Optional.empty()).check(null);
  }

  @Test
  void aTokenMustNameItsUserInThePrincipalClaim() {
    SingleSignOnClaims claims = new SingleSignOnClaims("preferred_username", true, Optional.of(List.of("duban")));
    JwtClaims named = new JwtClaims();
    named.setClaim("preferred_username", "office");
    assertThat(claims.validate(new JwtContext("", named, List.of()))).isNull();
    JwtClaims upnOnly = new JwtClaims();
    upnOnly.setClaim("upn", "office");
    upnOnly.setSubject("office");
    assertThat(claims.validate(new JwtContext("", upnOnly, List.of()))).contains("preferred_username");
    JwtClaims blank = new JwtClaims();
    blank.setClaim("preferred_username", " ");
    assertThat(claims.validate(new JwtContext("", blank, List.of()))).isNotNull();
    JwtClaims list = new JwtClaims();
    list.setClaim("preferred_username", List.of("office"));
    assertThat(claims.validate(new JwtContext("", list, List.of()))).isNotNull();
  }
}
