package io.integrationoperator.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrationoperator.api.integration.EffectiveProxy;
import io.integrationoperator.api.integration.ServerProtocol;
import io.integrationoperator.client.connection.CredentialKeys;
import io.integrationoperator.client.connection.InvalidSettingsException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProxySettingsTest {

  private static final String EXPECTED =
      "write it as http://host:port or https://host:port, and put credentials in the proxy"
          + " Secret";

  private static EffectiveProxy effective(String url, Boolean authenticated, List<String> noProxy) {
    EffectiveProxy proxy = new EffectiveProxy();
    proxy.setUrl(url);
    proxy.setAuthenticated(authenticated);
    proxy.setNoProxy(noProxy);
    return proxy;
  }

  @Test
  void buildsAuthenticatedHttpsProxy() throws InvalidSettingsException {
    ProxySettings settings =
        ProxySettings.from(
            effective("HTTPS://Proxy.Example.test:3129", true, List.of(".internal.test")),
            Map.of(
                CredentialKeys.PROXY_USERNAME, "alice",
                CredentialKeys.PROXY_PASSWORD, "s3cret",
                CredentialKeys.PROXY_CA_BUNDLE, "PEM"));

    assertThat(settings.protocol()).isEqualTo(ServerProtocol.https);
    assertThat(settings.host()).isEqualTo("Proxy.Example.test");
    assertThat(settings.port()).isEqualTo(3129);
    assertThat(settings.username()).contains("alice");
    assertThat(settings.password()).contains("s3cret");
    assertThat(settings.noProxy()).containsExactly(".internal.test");
    assertThat(settings.caBundlePem()).contains("PEM");
    assertThat(settings.toString())
        .isEqualTo(
            "ProxySettings[url=https://Proxy.Example.test:3129, authenticated=true,"
                + " noProxy=[.internal.test]]");
  }

  @Test
  void buildsAnonymousIpv6Proxy() throws InvalidSettingsException {
    ProxySettings settings =
        ProxySettings.from(effective("http://[fd00::5]:8080/", null, null), null);

    assertThat(settings.host()).isEqualTo("fd00::5");
    assertThat(settings.url()).isEqualTo("http://[fd00::5]:8080");
    assertThat(settings.username()).isEmpty();
    assertThat(settings.password()).isEmpty();
    assertThat(settings.noProxy()).isEmpty();
    assertThat(settings.caBundlePem()).isEmpty();
  }

  @Test
  void passwordWithoutUserIsDropped() throws InvalidSettingsException {
    ProxySettings settings =
        ProxySettings.from(
            effective("http://127.0.0.1:3128", false, List.of()),
            Map.of(CredentialKeys.PROXY_PASSWORD, "orphan"));

    assertThat(settings.password()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # url                            | message
          proxy.test:3128                  | the proxy URL 'proxy.test:3128' does not start with http:// or https://
          socks5://proxy.test:1080         | the proxy URL 'socks5://proxy.test:1080' does not start with http:// or https://
          http://proxy.test                | the proxy URL 'http://proxy.test' has no port
          http://proxy.test:3128/path      | the proxy URL 'http://proxy.test:3128/path' has a path, query or fragment
          http://proxy.test:3128?a=b       | the proxy URL 'http://proxy.test:3128?a=b' has a path, query or fragment
          http://alice:s3cret@proxy.test:1 | the proxy URL 'http://****@proxy.test:1' contains user info
          http://pro xy.test:3128          | the proxy URL 'http://pro xy.test:3128' is not a valid URL
          http://:3128                     | the proxy URL 'http://:3128' has no valid host
          """)
  void rejectsMalformedUrl(String url, String message) {
    assertThatThrownBy(() -> ProxySettings.from(effective(url, false, List.of()), Map.of()))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage(message + "; " + EXPECTED);
  }

  @Test
  void rejectsMissingUrl() {
    assertThatThrownBy(() -> ProxySettings.from(effective(null, false, List.of()), Map.of()))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage("the proxy URL is missing; " + EXPECTED);
  }

  @Test
  void authenticatedProxyNeedsPassword() {
    assertThatThrownBy(
            () ->
                ProxySettings.from(
                    effective("http://127.0.0.1:3128", true, List.of()),
                    Map.of(CredentialKeys.PROXY_USERNAME, "alice")))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage(
            "the proxy http://127.0.0.1:3128 needs Basic credentials, but proxyPassword is"
                + " missing from the projected credentials; check that the proxy Secret has the"
                + " keys username and password");
  }

  @Test
  void rejectsInvalidNoProxyEntry() {
    assertThatThrownBy(
            () ->
                ProxySettings.from(
                    effective("http://127.0.0.1:3128", false, List.of("*.example.com")), Map.of()))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage(
            "noProxy entry '*.example.com' is invalid: wildcards are not supported;"
                + " write .example.com");
  }

  @Test
  void proxiesOnlyHostsOffTheList() {
    ProxySettings settings =
        new ProxySettings(
            ServerProtocol.http,
            "127.0.0.1",
            3128,
            Optional.empty(),
            Optional.empty(),
            List.of(".internal.test", "10.0.0.0/8"),
            Optional.empty());

    assertThat(settings.proxies("api.example.test")).isTrue();
    assertThat(settings.proxies("api.internal.test")).isFalse();
    assertThat(settings.proxies("10.2.3.4")).isFalse();
  }
}
