package io.integrationoperator.operator.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.integrationoperator.api.authentication.ApiKeyAuthentication;
import io.integrationoperator.api.authentication.Authentication;
import io.integrationoperator.api.authentication.AwsSigV4Authentication;
import io.integrationoperator.api.authentication.BasicAuthentication;
import io.integrationoperator.api.authentication.BearerAuthentication;
import io.integrationoperator.api.authentication.MutualTlsAuthentication;
import io.integrationoperator.api.authentication.OAuth2Authentication;
import io.integrationoperator.api.authentication.OpenIdConnectAuthentication;
import io.integrationoperator.api.model.SecuritySchemeStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SchemeSelectionTest {
  private static final List<SecuritySchemeStatus> SCHEMES =
      List.of(
          scheme("key", "apiKey", Map.of("in", "header", "name", "X-Key")),
          scheme("basicAuth", "http", Map.of("scheme", "Basic")),
          scheme("token", "http", Map.of("scheme", "bearer")),
          scheme("oauth", "oauth2", Map.of("flows", "clientCredentials")),
          scheme("oidc", "openIdConnect", Map.of()),
          scheme("mtls", "mutualTLS", Map.of()),
          scheme("aws", "awsSigV4", Map.of()));

  @ParameterizedTest(name = "{0} block defaults to {1}")
  @CsvSource({
    "apiKey, key",
    "basic, basicAuth",
    "bearer, token",
    "oauth2, oauth",
    "openIdConnect, oidc",
    "mutualTls, mtls",
    "awsSigV4, aws"
  })
  void defaultIsFirstFittingScheme(String block, String expected) {
    SchemeSelection selection = SchemeSelection.select(auth(block), SCHEMES);

    assertThat(selection.failure()).isEmpty();
    assertThat(selection.scheme()).map(SecuritySchemeStatus::getName).contains(expected);
  }

  @ParameterizedTest(name = "{0} block against scheme {1}")
  @CsvSource({
    "basic, token",
    "bearer, basicAuth",
    "apiKey, aws",
    "awsSigV4, key",
    "oauth2, oidc",
    "mutualTls, key"
  })
  void namedSchemeOfOtherTypeIsMismatch(String block, String schemeName) {
    Authentication auth = auth(block);
    auth.setScheme(schemeName);

    SchemeSelection selection = SchemeSelection.select(auth, SCHEMES);

    assertThat(selection.failure())
        .hasValueSatisfying(outcome -> assertThat(outcome.reason()).isEqualTo("SchemeMismatch"));
  }

  @Test
  void unknownSchemeNameIsNotInModel() {
    Authentication auth = auth("basic");
    auth.setScheme("missing");

    SchemeSelection selection = SchemeSelection.select(auth, SCHEMES);

    assertThat(selection.failure())
        .hasValueSatisfying(
            outcome -> {
              assertThat(outcome.reason()).isEqualTo("SchemeNotInModel");
              assertThat(outcome.message()).contains("missing").contains("basicAuth (http Basic)");
            });
  }

  @Test
  void blockWithoutFittingSchemeIsNotInModel() {
    SchemeSelection selection =
        SchemeSelection.select(auth("bearer"), List.of(scheme("key", "apiKey", Map.of())));

    assertThat(selection.failure())
        .hasValueSatisfying(outcome -> assertThat(outcome.reason()).isEqualTo("SchemeNotInModel"));
  }

  @Test
  void modelWithoutSchemesAcceptsAnyBlock() {
    SchemeSelection selection = SchemeSelection.select(auth("bearer"), List.of());

    assertThat(selection.failure()).isEmpty();
    assertThat(selection.scheme()).isEmpty();
  }

  @Test
  void twoBlocksAreInvalidAuthentication() {
    Authentication auth = auth("basic");
    auth.setBearer(new BearerAuthentication());

    SchemeSelection selection = SchemeSelection.select(auth, SCHEMES);

    assertThat(selection.failure())
        .hasValueSatisfying(
            outcome -> assertThat(outcome.reason()).isEqualTo("InvalidAuthentication"));
  }

  @Test
  void noAuthenticationNeedsNoScheme() {
    SchemeSelection selection = SchemeSelection.select(null, SCHEMES);

    assertThat(selection.failure()).isEmpty();
    assertThat(selection.scheme()).isEmpty();
  }

  static Authentication auth(String block) {
    Authentication auth = new Authentication();
    LocalObjectReference secret = new LocalObjectReference("s");
    switch (block) {
      case "apiKey" -> auth.setApiKey(new ApiKeyAuthentication());
      case "basic" -> {
        BasicAuthentication basic = new BasicAuthentication();
        basic.setSecretRef(secret);
        auth.setBasic(basic);
      }
      case "bearer" -> auth.setBearer(new BearerAuthentication());
      case "oauth2" -> auth.setOauth2(new OAuth2Authentication());
      case "openIdConnect" -> auth.setOpenIdConnect(new OpenIdConnectAuthentication());
      case "mutualTls" -> auth.setMutualTls(new MutualTlsAuthentication());
      case "awsSigV4" -> auth.setAwsSigV4(new AwsSigV4Authentication());
      default -> throw new IllegalArgumentException(block);
    }
    return auth;
  }

  static SecuritySchemeStatus scheme(String name, String type, Map<String, String> details) {
    SecuritySchemeStatus scheme = new SecuritySchemeStatus();
    scheme.setName(name);
    scheme.setType(type);
    scheme.setDetails(details);
    return scheme;
  }
}
