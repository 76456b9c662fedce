package io.integrationoperator.operator.gateway;

import io.integrationoperator.api.integration.ExecutionMode;
import io.integrationoperator.api.integration.ServerProtocol;
import io.integrationoperator.client.connection.InvalidSettingsException;
import io.integrationoperator.client.http.NoProxyList;
import io.integrationoperator.client.http.ProxyUrls;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Operator-wide routing defaults: the execution mode, gateway cluster and proxy of Integrations
 * whose spec.gateway leaves them unset. {@link EffectiveRoutings} applies them field by field.
 *
 * @param executionMode execution mode of Integrations that set none
 * @param cluster gateway cluster of Integrations that set none
 * @param proxy proxy of Integrations that set no spec.gateway.proxy
 */
public record GatewayDefaults(
    ExecutionMode executionMode, Optional<String> cluster, Optional<DefaultProxy> proxy) {

  /**
   * Label values, which gateway cluster names are because the gateway Service carries them as the
   * value of its cluster label.
   */
  private static final Pattern LABEL_VALUE =
      Pattern.compile("[A-Za-z0-9]([-_.A-Za-z0-9]{0,61}[A-Za-z0-9])?");

  public GatewayDefaults {
    Objects.requireNonNull(executionMode, "executionMode");
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(proxy, "proxy");
  }

  /** Returns the defaults without configuration: mode Direct, no cluster and no proxy. */
  public static GatewayDefaults none() {
    return new GatewayDefaults(ExecutionMode.Direct, Optional.empty(), Optional.empty());
  }

  /**
   * Parses the values of the operator options. Null or blank values are unset.
   *
   * @throws IllegalArgumentException naming the option, its value and what to set instead
   */
  public static GatewayDefaults parse(
      String executionMode, String cluster, String proxyUrl, String proxySecret, String noProxy) {
    ExecutionMode mode = blank(executionMode) ? ExecutionMode.Direct : mode(executionMode.trim());
    Optional<String> clusterName = Optional.ofNullable(cluster).map(String::trim);
    clusterName = clusterName.filter(c -> !c.isEmpty());
    clusterName.ifPresent(
        c -> {
          if (!isClusterName(c)) {
            throw new IllegalArgumentException(
                "invalid --default-gateway-cluster "
                    + c
                    + ", expected a Kubernetes label value: up to 63 letters, digits, '-', '_'"
                    + " or '.', starting and ending with a letter or digit");
          }
        });
    if (blank(proxyUrl)) {
      if (!blank(proxySecret) || !blank(noProxy)) {
        throw new IllegalArgumentException(
            (blank(proxySecret) ? "--default-no-proxy" : "--default-proxy-secret")
                + " is set but --default-proxy-url is not; set the proxy URL, for example"
                + " --default-proxy-url=http://proxy.example.test:3128, or remove the option");
      }
      return new GatewayDefaults(mode, clusterName, Optional.empty());
    }
    return new GatewayDefaults(
        mode, clusterName, Optional.of(proxy(proxyUrl.trim(), proxySecret, noProxy)));
  }

  /** Returns true when {@code name} can name a gateway cluster. */
  public static boolean isClusterName(String name) {
    return LABEL_VALUE.matcher(name).matches();
  }

  private static ExecutionMode mode(String text) {
    return Arrays.stream(ExecutionMode.values())
        .filter(m -> m.name().equalsIgnoreCase(text))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "invalid --default-execution-mode "
                        + text
                        + ", expected Direct, ClusterNoProxy or Proxy"));
  }

  private static DefaultProxy proxy(String url, String secret, String noProxy) {
    URI uri = proxyUri(url);
    List<String> entries =
        blank(noProxy)
            ? List.of()
            : Arrays.stream(noProxy.split(","))
                .map(String::trim)
                .filter(e -> !e.isEmpty())
                .toList();
    try {
      NoProxyList.parse(entries);
    } catch (InvalidSettingsException e) {
      throw new IllegalArgumentException(
          "invalid --default-no-proxy " + noProxy.strip() + ": " + e.getMessage(), e);
    }
    return new DefaultProxy(
        ServerProtocol.valueOf(uri.getScheme()),
        ProxyUrls.host(uri),
        uri.getPort(),
        blank(secret) ? Optional.empty() : Optional.of(secret.trim()),
        entries);
  }

  /** Parses and checks the proxy URL with the rules the executors apply to it. */
  private static URI proxyUri(String url) {
    try {
      return ProxyUrls.parse(url);
    } catch (InvalidSettingsException e) {
      throw new IllegalArgumentException("invalid --default-proxy-url: " + e.getMessage(), e);
    }
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
