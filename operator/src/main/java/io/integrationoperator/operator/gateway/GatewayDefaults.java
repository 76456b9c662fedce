package io.integrationoperator.operator.gateway;

import io.integrationoperator.api.integration.ExecutionMode;
import io.integrationoperator.api.integration.ServerProtocol;
import io.integrationoperator.client.connection.InvalidSettingsException;
import io.integrationoperator.client.http.NoProxyList;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
    String host = uri.getHost();
    if (host.startsWith("[")) {
      host = host.substring(1, host.length() - 1);
    }
    return new DefaultProxy(
        ServerProtocol.valueOf(uri.getScheme().toLowerCase(Locale.ROOT)),
        host,
        uri.getPort(),
        blank(secret) ? Optional.empty() : Optional.of(secret.trim()),
        entries);
  }

  /** Parses and checks the proxy URL: http or https, a host and a port, nothing else. */
  private static URI proxyUri(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw invalidUrl(url, "it is not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw invalidUrl(url, "the scheme must be http or https");
    }
    if (uri.getRawUserInfo() != null) {
      throw invalidUrl(
          url, "it contains credentials, which belong in the Secret of --default-proxy-secret");
    }
    if (uri.getHost() == null || uri.getPort() < 1 || uri.getPort() > 65535) {
      throw invalidUrl(url, "it needs a host and a port");
    }
    boolean extra = uri.getRawPath() != null && !uri.getRawPath().isEmpty();
    if ((extra && !uri.getRawPath().equals("/"))
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      throw invalidUrl(url, "it may have no path, query or fragment");
    }
    return uri;
  }

  private static IllegalArgumentException invalidUrl(String url, String problem) {
    return new IllegalArgumentException(
        "invalid --default-proxy-url "
            + withoutUserInfo(url)
            + ": "
            + problem
            + "; expected http://HOST:PORT or https://HOST:PORT, for example"
            + " http://proxy.example.test:3128");
  }

  /** Masks the user information of a URL, so that an error never shows a proxy password. */
  private static String withoutUserInfo(String url) {
    int start = url.indexOf("://");
    int at = url.lastIndexOf('@');
    return start >= 0 && at > start ? url.substring(0, start + 3) + "***" + url.substring(at) : url;
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
