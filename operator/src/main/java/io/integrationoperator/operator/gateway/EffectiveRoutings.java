package io.integrationoperator.operator.gateway;

import io.integrationoperator.api.integration.CaBundleSource;
import io.integrationoperator.api.integration.EffectiveProxy;
import io.integrationoperator.api.integration.EffectiveRouting;
import io.integrationoperator.api.integration.ExecutionMode;
import io.integrationoperator.api.integration.Gateway;
import io.integrationoperator.api.integration.ProxyConfig;
import io.integrationoperator.api.integration.ServerProtocol;
import io.integrationoperator.client.connection.InvalidSettingsException;
import io.integrationoperator.client.envelope.EchoedValue;
import io.integrationoperator.client.http.HostNames;
import io.integrationoperator.client.http.NoProxyList;
import io.integrationoperator.operator.status.IntegrationConditions;
import io.integrationoperator.operator.status.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Computes an Integration's effective routing from spec.gateway and the operator's {@link
 * GatewayDefaults}, field by field: the execution mode is spec.gateway.executionMode, else the
 * default mode; the cluster is spec.gateway.cluster, else the default cluster, and is required
 * unless the mode is Direct; the proxy is spec.gateway.proxy as a whole (host, port, secretRef,
 * caBundle, noProxy), else the default proxy, and is required in mode Proxy. In mode Direct the
 * cluster and proxy are not used, so they are neither shown nor checked. In mode ClusterNoProxy the
 * proxy is not used.
 */
public final class EffectiveRoutings {
  static final String SPEC = "spec";
  static final String DEFAULT = "default";

  private EffectiveRoutings() {}

  /**
   * Returns the effective routing, or a failure with reason InvalidGateway that names the missing
   * or invalid setting.
   *
   * @param gateway spec.gateway, possibly null
   */
  public static Routing resolve(Gateway gateway, GatewayDefaults defaults) {
    Gateway spec = gateway == null ? new Gateway() : gateway;
    List<String> sources = new ArrayList<>();
    EffectiveRouting routing = new EffectiveRouting();

    ExecutionMode mode = spec.getExecutionMode();
    sources.add("executionMode: " + (mode == null ? DEFAULT : SPEC));
    mode = mode == null ? defaults.executionMode() : mode;
    routing.setExecutionMode(mode);
    routing.setSources(sources);
    if (mode == ExecutionMode.Direct) {
      return new Routing(routing, Optional.empty(), Optional.empty(), Optional.empty());
    }

    String modeOrigin = "execution mode " + mode + " (" + origin(sources.get(0)) + ")";
    Optional<Outcome> clusterProblem = cluster(spec, defaults, routing, sources, modeOrigin);
    if (clusterProblem.isPresent()) {
      return Routing.failed(clusterProblem.get());
    }
    if (mode == ExecutionMode.ClusterNoProxy) {
      return new Routing(routing, Optional.empty(), Optional.empty(), Optional.empty());
    }

    if (spec.getProxy() != null) {
      Optional<Outcome> proxyProblem = checkSpecProxy(spec.getProxy());
      if (proxyProblem.isPresent()) {
        return Routing.failed(proxyProblem.get());
      }
      routing.setProxy(effective(spec.getProxy()));
      sources.add("proxy: " + SPEC);
      return new Routing(routing, Optional.empty(), Optional.of(spec.getProxy()), Optional.empty());
    }
    if (defaults.proxy().isEmpty()) {
      return Routing.failed(
          invalid(
              "The "
                  + modeOrigin
                  + " needs a proxy, but neither spec.gateway.proxy nor the operator's"
                  + " configuration sets one; set spec.gateway.proxy or the operator default"
                  + " --default-proxy-url."));
    }
    DefaultProxy proxy = defaults.proxy().get();
    routing.setProxy(effective(proxy));
    sources.add("proxy: " + DEFAULT);
    return new Routing(routing, Optional.empty(), Optional.empty(), Optional.of(proxy));
  }

  private static Optional<Outcome> cluster(
      Gateway spec,
      GatewayDefaults defaults,
      EffectiveRouting routing,
      List<String> sources,
      String modeOrigin) {
    String cluster = spec.getCluster();
    if (cluster != null && !cluster.isBlank()) {
      if (!GatewayDefaults.isClusterName(cluster)) {
        return Optional.of(
            invalid(
                "spec.gateway.cluster "
                    + cluster
                    + " is not a valid cluster name; use up to 63 letters, digits, '-', '_' or"
                    + " '.', starting and ending with a letter or digit."));
      }
      routing.setCluster(cluster);
      sources.add("cluster: " + SPEC);
      return Optional.empty();
    }
    if (defaults.cluster().isEmpty()) {
      return Optional.of(
          invalid(
              "The "
                  + modeOrigin
                  + " runs calls on a gateway cluster, but neither spec.gateway.cluster nor the"
                  + " operator's configuration names one; set spec.gateway.cluster or the"
                  + " operator default --default-gateway-cluster."));
    }
    routing.setCluster(defaults.cluster().get());
    sources.add("cluster: " + DEFAULT);
    return Optional.empty();
  }

  /** Checks what the CRD schema also requires, because local mode stores specs without checks. */
  private static Optional<Outcome> checkSpecProxy(ProxyConfig proxy) {
    if (proxy.getHost() == null || proxy.getHost().isBlank()) {
      return Optional.of(invalid("spec.gateway.proxy.host is not set; set the proxy's host."));
    }
    if (!HostNames.isHost(proxy.getHost())) {
      return Optional.of(
          invalid(
              "spec.gateway.proxy.host '"
                  + EchoedValue.of(redactUserInfo(proxy.getHost()))
                  + "' is not a host name or IP address; write only the host, such as"
                  + " proxy.example.test, 10.0.0.1 or ::1, without scheme, port, path, user name"
                  + " or brackets, and set the port in spec.gateway.proxy.port."));
    }
    if (proxy.getPort() == null || proxy.getPort() < 1 || proxy.getPort() > 65535) {
      return Optional.of(
          invalid(
              "spec.gateway.proxy.port "
                  + proxy.getPort()
                  + " is not a port; set a port from 1 to 65535."));
    }
    try {
      NoProxyList.parse(proxy.getNoProxy());
    } catch (InvalidSettingsException e) {
      return Optional.of(invalid("spec.gateway.proxy." + e.getMessage() + "."));
    }
    CaBundleSource caBundle = proxy.getCaBundle();
    if (caBundle != null
        && (caBundle.getConfigMapKeyRef() == null) == (caBundle.getSecretKeyRef() == null)) {
      return Optional.of(
          invalid(
              "spec.gateway.proxy.caBundle must set exactly one of configMapKeyRef and"
                  + " secretKeyRef; keep one of them."));
    }
    return Optional.empty();
  }

  /** Replaces what precedes the last '@', a user name and password, so no secret reaches status. */
  private static String redactUserInfo(String host) {
    int at = host.lastIndexOf('@');
    return at < 0 ? host : "***" + host.substring(at);
  }

  private static EffectiveProxy effective(ProxyConfig proxy) {
    ServerProtocol protocol =
        proxy.getProtocol() == null ? ServerProtocol.http : proxy.getProtocol();
    DefaultProxy shape =
        new DefaultProxy(
            protocol,
            proxy.getHost(),
            proxy.getPort(),
            Optional.empty(),
            proxy.getNoProxy() == null ? List.of() : proxy.getNoProxy());
    EffectiveProxy result = new EffectiveProxy();
    result.setUrl(shape.url());
    result.setAuthenticated(proxy.getSecretRef() != null);
    result.setNoProxy(shape.noProxy().isEmpty() ? null : shape.noProxy());
    return result;
  }

  private static EffectiveProxy effective(DefaultProxy proxy) {
    EffectiveProxy result = new EffectiveProxy();
    result.setUrl(proxy.url());
    result.setAuthenticated(proxy.secretName().isPresent());
    result.setNoProxy(proxy.noProxy().isEmpty() ? null : proxy.noProxy());
    return result;
  }

  /** Returns "from spec.gateway" or "the operator default" for a sources entry. */
  private static String origin(String source) {
    return source.endsWith(SPEC) ? "from spec.gateway" : "from the operator's default";
  }

  private static Outcome invalid(String message) {
    return Outcome.failed(IntegrationConditions.INVALID_GATEWAY, message);
  }
}
