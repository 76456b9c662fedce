package io.integrationoperator.executor.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrationoperator.api.integration.EffectiveProxy;
import io.integrationoperator.api.integration.EffectiveRouting;
import io.integrationoperator.api.integration.ExecutionMode;
import io.integrationoperator.api.integration.ServerProtocol;
import io.integrationoperator.client.http.ProxySettings;
import io.integrationoperator.executor.server.ApiError;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallTargetsProxyTest {

  @Test
  void proxyModeReadsRoutingAndProjectedKeys() throws ApiError {
    EffectiveRouting routing = routing(ExecutionMode.Proxy, "https://proxy.example.test:3128");

    ProxySettings proxy =
        CallTargets.proxy(
                routing,
                Map.of(
                    "proxyUsername", "squid",
                    "proxyPassword", "secret-word",
                    "proxyCaBundle", "-----BEGIN CERTIFICATE-----"))
            .orElseThrow();

    assertThat(proxy.protocol()).isEqualTo(ServerProtocol.https);
    assertThat(proxy.host()).isEqualTo("proxy.example.test");
    assertThat(proxy.port()).isEqualTo(3128);
    assertThat(proxy.username()).contains("squid");
    assertThat(proxy.password()).contains("secret-word");
    assertThat(proxy.noProxy()).containsExactly(".internal.test", "10.0.0.0/8");
    assertThat(proxy.caBundlePem()).contains("-----BEGIN CERTIFICATE-----");
    assertThat(proxy.toString()).doesNotContain("secret-word");
  }

  @Test
  void otherModesUseNoProxy() throws ApiError {
    EffectiveRouting routing = routing(ExecutionMode.ClusterNoProxy, "http://proxy.test:3128");

    assertThat(CallTargets.proxy(routing, Map.of())).isEqualTo(Optional.empty());
  }

  @Test
  void proxyModeWithoutPortIsNotReady() {
    EffectiveRouting routing = routing(ExecutionMode.Proxy, "http://proxy.test");

    assertThatThrownBy(() -> CallTargets.proxy(routing, Map.of()))
        .isInstanceOf(ApiError.class)
        .hasMessage(
            "status.routing has execution mode Proxy without a valid proxy URL"
                + " (http://proxy.test); set spec.gateway.proxy or the operator's default proxy.");
  }

  private static EffectiveRouting routing(ExecutionMode mode, String url) {
    EffectiveProxy proxy = new EffectiveProxy();
    proxy.setUrl(url);
    proxy.setNoProxy(List.of(".internal.test", "10.0.0.0/8"));
    EffectiveRouting routing = new EffectiveRouting();
    routing.setExecutionMode(mode);
    routing.setCluster("edge-1");
    routing.setProxy(proxy);
    return routing;
  }
}
