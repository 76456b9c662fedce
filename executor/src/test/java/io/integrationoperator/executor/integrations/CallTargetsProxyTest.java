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
  void authenticatedProxyWithoutPasswordIsRejected() {
    EffectiveRouting routing = routing(ExecutionMode.Proxy, "http://proxy.test:3128");
    routing.getProxy().setAuthenticated(true);

    assertThatThrownBy(() -> CallTargets.proxy(routing, Map.of("proxyUsername", "squid")))
        .isInstanceOfSatisfying(
            ApiError.class,
            e -> {
              assertThat(e.status()).isEqualTo(409);
              assertThat(e.reason()).isEqualTo("InvalidRequest");
              assertThat(e.error())
                  .isEqualTo(
                      "The proxy in status.routing cannot be used: the proxy"
                          + " http://proxy.test:3128 needs Basic credentials, but proxyPassword is"
                          + " missing from the projected credentials; check that the proxy Secret"
                          + " has the keys username and password.");
            });
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
