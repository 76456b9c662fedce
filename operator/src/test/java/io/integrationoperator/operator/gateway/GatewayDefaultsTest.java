package io.integrationoperator.operator.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrationoperator.api.integration.ExecutionMode;
import io.integrationoperator.api.integration.ServerProtocol;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GatewayDefaultsTest {

  @Test
  void unsetValuesMeanDirect() {
    GatewayDefaults defaults = GatewayDefaults.parse(null, " ", null, null, "");

    assertThat(defaults).isEqualTo(GatewayDefaults.none());
  }

  @Test
  void parsesEveryOption() {
    GatewayDefaults defaults =
        GatewayDefaults.parse(
            "proxy",
            "edge-1",
            "https://[fd00::1]:8443/",
            "corp-proxy",
            "api.example.test, .internal.test,10.0.0.0/8,fd00::/8");

    assertThat(defaults.executionMode()).isEqualTo(ExecutionMode.Proxy);
    assertThat(defaults.cluster()).contains("edge-1");
    DefaultProxy proxy = defaults.proxy().orElseThrow();
    assertThat(proxy.protocol()).isEqualTo(ServerProtocol.https);
    assertThat(proxy.host()).isEqualTo("fd00::1");
    assertThat(proxy.port()).isEqualTo(8443);
    assertThat(proxy.url()).isEqualTo("https://[fd00::1]:8443");
    assertThat(proxy.secretName()).contains("corp-proxy");
    assertThat(proxy.noProxy())
        .containsExactly("api.example.test", ".internal.test", "10.0.0.0/8", "fd00::/8");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          mode Tunnel         | Tunnel |        |                                  |      |               | invalid --default-execution-mode Tunnel, expected Direct, ClusterNoProxy or Proxy
          cluster with space  |        | edge 1 |                                  |      |               | invalid --default-gateway-cluster edge 1, expected a Kubernetes label value
          socks scheme        |        |        | socks5://proxy.example.test:1080 |      |               | invalid --default-proxy-url: the proxy URL 'socks5://proxy.example.test:1080' does not start with http:// or https://; write it as http://host:port or https://host:port
          no port             |        |        | http://proxy.example.test        |      |               | invalid --default-proxy-url: the proxy URL 'http://proxy.example.test' has no port; write it as http://host:port or https://host:port
          port above range    |        |        | http://proxy.example.test:70000  |      |               | invalid --default-proxy-url: the proxy URL 'http://proxy.example.test:70000' has a port above 65535
          path                |        |        | http://proxy.example.test:3128/x |      |               | invalid --default-proxy-url: the proxy URL 'http://proxy.example.test:3128/x' has a path, query or fragment; write it as http://host:port or https://host:port
          credentials masked  |        |        | http://bob:hunter2@proxy:3128    |      |               | invalid --default-proxy-url: the proxy URL 'http://****@proxy:3128' contains user info; write it as http://host:port or https://host:port, and put credentials in the proxy Secret
          secret without URL  |        |        |                                  | corp |               | --default-proxy-secret is set but --default-proxy-url is not
          wildcard no-proxy   |        |        | http://proxy:3128                |      | a.test,*.test | invalid --default-no-proxy a.test,*.test: noProxy entry '*.test' is invalid: wildcards are not supported; write .test
          CIDR prefix too big |        |        | http://proxy:3128                |      | 10.0.0.0/33   | invalid --default-no-proxy 10.0.0.0/33: noProxy entry '10.0.0.0/33' is invalid: the prefix length must be a number from 0 to 32
          CIDR of a name      |        |        | http://proxy:3128                |      | corp.test/8   | invalid --default-no-proxy corp.test/8: noProxy entry 'corp.test/8' is invalid: 'corp.test' is not an IPv4 or IPv6 address
          """)
  void rejectsInvalidValue(
      String name,
      String mode,
      String cluster,
      String url,
      String secret,
      String noProxy,
      String message) {
    assertThatThrownBy(() -> GatewayDefaults.parse(mode, cluster, url, secret, noProxy))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message)
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void defaultProxyKeepsEntriesInOrder() {
    DefaultProxy proxy =
        new DefaultProxy(ServerProtocol.http, "p", 1, Optional.empty(), List.of("b", "a"));

    assertThat(proxy.noProxy()).containsExactly("b", "a");
  }
}
