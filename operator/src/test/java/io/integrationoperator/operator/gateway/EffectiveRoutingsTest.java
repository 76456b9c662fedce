package io.integrationoperator.operator.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.integrationoperator.api.integration.EffectiveRouting;
import io.integrationoperator.api.integration.ExecutionMode;
import io.integrationoperator.api.integration.Gateway;
import io.integrationoperator.api.integration.ProxyConfig;
import io.integrationoperator.api.integration.ServerProtocol;
import io.integrationoperator.operator.status.IntegrationConditions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Effective routing for combinations of operator defaults and spec.gateway fields. */
class EffectiveRoutingsTest {
  static final DefaultProxy DEFAULT_PROXY =
      new DefaultProxy(
          ServerProtocol.http,
          "proxy.example.test",
          3128,
          Optional.of("corp-proxy"),
          List.of(".internal.test"));

  static final GatewayDefaults NONE = GatewayDefaults.none();
  static final GatewayDefaults DIRECT_WITH_CLUSTER =
      new GatewayDefaults(ExecutionMode.Direct, Optional.of("edge-1"), Optional.empty());
  static final GatewayDefaults CLUSTER_NO_PROXY =
      new GatewayDefaults(ExecutionMode.ClusterNoProxy, Optional.of("edge-1"), Optional.empty());
  static final GatewayDefaults PROXY_ALL =
      new GatewayDefaults(ExecutionMode.Proxy, Optional.of("edge-1"), Optional.of(DEFAULT_PROXY));
  static final GatewayDefaults PROXY_WITHOUT_CLUSTER =
      new GatewayDefaults(ExecutionMode.Proxy, Optional.empty(), Optional.of(DEFAULT_PROXY));

  /**
   * Columns: case name, defaults, spec.gateway (null for none), expected mode, cluster, proxy URL,
   * sources.
   */
  static Stream<Arguments> routings() {
    return Stream.of(
        Arguments.of(
            "no defaults and no spec.gateway run Direct",
            NONE,
            null,
            ExecutionMode.Direct,
            null,
            null,
            List.of("executionMode: default")),
        Arguments.of(
            "Direct default hides the default cluster",
            DIRECT_WITH_CLUSTER,
            gateway(null, null, null),
            ExecutionMode.Direct,
            null,
            null,
            List.of("executionMode: default")),
        Arguments.of(
            "spec mode ClusterNoProxy takes the default cluster",
            DIRECT_WITH_CLUSTER,
            gateway(ExecutionMode.ClusterNoProxy, null, null),
            ExecutionMode.ClusterNoProxy,
            "edge-1",
            null,
            List.of("executionMode: spec", "cluster: default")),
        Arguments.of(
            "spec cluster overrides the default cluster",
            CLUSTER_NO_PROXY,
            gateway(null, "edge-2", null),
            ExecutionMode.ClusterNoProxy,
            "edge-2",
            null,
            List.of("executionMode: default", "cluster: spec")),
        Arguments.of(
            "spec Direct overrides a routed default",
            PROXY_ALL,
            gateway(ExecutionMode.Direct, "edge-2", specProxy()),
            ExecutionMode.Direct,
            null,
            null,
            List.of("executionMode: spec")),
        Arguments.of(
            "ClusterNoProxy ignores the default proxy",
            PROXY_ALL,
            gateway(ExecutionMode.ClusterNoProxy, null, null),
            ExecutionMode.ClusterNoProxy,
            "edge-1",
            null,
            List.of("executionMode: spec", "cluster: default")),
        Arguments.of(
            "all defaults in Proxy mode",
            PROXY_ALL,
            null,
            ExecutionMode.Proxy,
            "edge-1",
            "http://proxy.example.test:3128",
            List.of("executionMode: default", "cluster: default", "proxy: default")),
        Arguments.of(
            "spec proxy replaces the default proxy as a whole",
            PROXY_ALL,
            gateway(null, null, specProxy()),
            ExecutionMode.Proxy,
            "edge-1",
            "https://squid.example.test:8443",
            List.of("executionMode: default", "cluster: default", "proxy: spec")),
        Arguments.of(
            "spec mode Proxy with spec cluster and default proxy",
            PROXY_WITHOUT_CLUSTER,
            gateway(ExecutionMode.Proxy, "edge-3", null),
            ExecutionMode.Proxy,
            "edge-3",
            "http://proxy.example.test:3128",
            List.of("executionMode: spec", "cluster: spec", "proxy: default")),
        Arguments.of(
            "everything from spec without defaults",
            NONE,
            gateway(ExecutionMode.Proxy, "edge-3", specProxy()),
            ExecutionMode.Proxy,
            "edge-3",
            "https://squid.example.test:8443",
            List.of("executionMode: spec", "cluster: spec", "proxy: spec")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routings")
  void resolvesFieldByField(
      String name,
      GatewayDefaults defaults,
      Gateway gateway,
      ExecutionMode mode,
      String cluster,
      String proxyUrl,
      List<String> sources) {
    Routing routing = EffectiveRoutings.resolve(gateway, defaults);

    assertThat(routing.failure()).isEmpty();
    EffectiveRouting status = routing.status();
    assertThat(status.getExecutionMode()).isEqualTo(mode);
    assertThat(status.getCluster()).isEqualTo(cluster);
    assertThat(status.getProxy() == null ? null : status.getProxy().getUrl()).isEqualTo(proxyUrl);
    assertThat(status.getSources()).isEqualTo(sources);
  }

  /** Columns: case name, defaults, spec.gateway, expected message. */
  static Stream<Arguments> invalidRoutings() {
    return Stream.of(
        Arguments.of(
            "default ClusterNoProxy without any cluster",
            new GatewayDefaults(ExecutionMode.ClusterNoProxy, Optional.empty(), Optional.empty()),
            null,
            "The execution mode ClusterNoProxy (from the operator's default) runs calls on a"
                + " gateway cluster, but neither spec.gateway.cluster nor the operator's"
                + " configuration names one; set spec.gateway.cluster or the operator default"
                + " --default-gateway-cluster."),
        Arguments.of(
            "spec Proxy without any proxy",
            CLUSTER_NO_PROXY,
            gateway(ExecutionMode.Proxy, null, null),
            "The execution mode Proxy (from spec.gateway) needs a proxy, but neither"
                + " spec.gateway.proxy nor the operator's configuration sets one; set"
                + " spec.gateway.proxy or the operator default --default-proxy-url."),
        Arguments.of(
            "default Proxy without a cluster",
            PROXY_WITHOUT_CLUSTER,
            null,
            "The execution mode Proxy (from the operator's default) runs calls on a gateway"
                + " cluster, but neither spec.gateway.cluster nor the operator's configuration"
                + " names one; set spec.gateway.cluster or the operator default"
                + " --default-gateway-cluster."),
        Arguments.of(
            "cluster name that is no label value",
            CLUSTER_NO_PROXY,
            gateway(null, "edge 1", null),
            "spec.gateway.cluster edge 1 is not a valid cluster name; use up to 63 letters,"
                + " digits, '-', '_' or '.', starting and ending with a letter or digit."),
        Arguments.of(
            "spec proxy with an invalid no-proxy entry",
            PROXY_ALL,
            gateway(null, null, withNoProxy(specProxy(), "*.example.test")),
            "spec.gateway.proxy.noProxy entry '*.example.test' is invalid: wildcards are not"
                + " supported; write .example.test."));
  }

  /** Values of spec.gateway.proxy.host that are more than a host, with the host they show. */
  static Stream<Arguments> invalidProxyHosts() {
    return Stream.of(
        Arguments.of("http://127.0.0.1", "http://127.0.0.1"),
        Arguments.of("127.0.0.1/path", "127.0.0.1/path"),
        Arguments.of("127.0.0.1:28491", "127.0.0.1:28491"),
        Arguments.of(" 127.0.0.1 ", " 127.0.0.1 "),
        Arguments.of("[::1]", "[::1]"),
        Arguments.of("bad host", "bad host"),
        Arguments.of("127.0.0.1?x=1", "127.0.0.1?x=1"),
        Arguments.of("127.0.0.1#f", "127.0.0.1#f"),
        Arguments.of("proxy..example.test", "proxy..example.test"),
        Arguments.of("bob:Sup3rSecretPw@127.0.0.1", "***@127.0.0.1"),
        Arguments.of("bob@127.0.0.1", "***@127.0.0.1"),
        Arguments.of("pr\u00f8xy.test", "pr\u00f8xy.test"),
        Arguments.of("-bad-.test", "-bad-.test"),
        Arguments.of("127.0.0.1\n", "127.0.0.1\\x0a"),
        Arguments.of("a".repeat(300), "a".repeat(40) + "..."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidProxyHosts")
  void rejectsProxyHostWithMoreThanAHost(String host, String shown) {
    ProxyConfig proxy = specProxy();
    proxy.setHost(host);

    Routing routing = EffectiveRoutings.resolve(gateway(null, null, proxy), PROXY_ALL);

    assertThat(routing.status()).isNull();
    assertThat(routing.specProxy()).isEmpty();
    assertThat(routing.failure().get().reason()).isEqualTo(IntegrationConditions.INVALID_GATEWAY);
    assertThat(routing.failure().get().message())
        .isEqualTo(
            "spec.gateway.proxy.host '"
                + shown
                + "' is not a host name or IP address; write only the host, such as"
                + " proxy.example.test, 10.0.0.1 or ::1, without scheme, port, path, user name"
                + " or brackets, and set the port in spec.gateway.proxy.port.");
    assertThat(routing.failure().get().message()).doesNotContain("Sup3rSecretPw");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validProxyHosts")
  void acceptsHostNamesAndAddresses(String host, String url) {
    ProxyConfig proxy = specProxy();
    proxy.setHost(host);

    Routing routing = EffectiveRoutings.resolve(gateway(null, null, proxy), PROXY_ALL);

    assertThat(routing.failure()).isEmpty();
    assertThat(routing.status().getProxy().getUrl()).isEqualTo(url);
  }

  static Stream<Arguments> validProxyHosts() {
    return Stream.of(
        Arguments.of("127.0.0.1", "https://127.0.0.1:8443"),
        Arguments.of("::1", "https://[::1]:8443"),
        Arguments.of("squid-1.corp.example.test", "https://squid-1.corp.example.test:8443"),
        Arguments.of("localhost", "https://localhost:8443"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidRoutings")
  void reportsInvalidGateway(
      String name, GatewayDefaults defaults, Gateway gateway, String message) {
    Routing routing = EffectiveRoutings.resolve(gateway, defaults);

    assertThat(routing.status()).isNull();
    assertThat(routing.failure()).isPresent();
    assertThat(routing.failure().get().status()).isEqualTo("False");
    assertThat(routing.failure().get().reason()).isEqualTo(IntegrationConditions.INVALID_GATEWAY);
    assertThat(routing.failure().get().message()).isEqualTo(message);
  }

  @Test
  void defaultProxyShowsSecretAndNoProxy() {
    Routing routing = EffectiveRoutings.resolve(null, PROXY_ALL);

    assertThat(routing.defaultProxy()).contains(DEFAULT_PROXY);
    assertThat(routing.specProxy()).isEmpty();
    assertThat(routing.status().getProxy().getAuthenticated()).isTrue();
    assertThat(routing.status().getProxy().getNoProxy()).containsExactly(".internal.test");
    assertThat(routing.routed()).isTrue();
  }

  @Test
  void specProxyWithoutSecretIsNotAuthenticated() {
    ProxyConfig proxy = specProxy();
    proxy.setSecretRef(null);

    Routing routing = EffectiveRoutings.resolve(gateway(null, null, proxy), PROXY_ALL);

    assertThat(routing.specProxy()).containsSame(proxy);
    assertThat(routing.defaultProxy()).isEmpty();
    assertThat(routing.status().getProxy().getAuthenticated()).isFalse();
    assertThat(routing.status().getProxy().getNoProxy()).isNull();
  }

  static Gateway gateway(ExecutionMode mode, String cluster, ProxyConfig proxy) {
    Gateway gateway = new Gateway();
    gateway.setExecutionMode(mode);
    gateway.setCluster(cluster);
    gateway.setProxy(proxy);
    return gateway;
  }

  static ProxyConfig specProxy() {
    ProxyConfig proxy = new ProxyConfig();
    proxy.setProtocol(ServerProtocol.https);
    proxy.setHost("squid.example.test");
    proxy.setPort(8443);
    proxy.setSecretRef(new LocalObjectReference("squid-login"));
    return proxy;
  }

  static ProxyConfig withNoProxy(ProxyConfig proxy, String... entries) {
    proxy.setNoProxy(List.of(entries));
    return proxy;
  }
}
