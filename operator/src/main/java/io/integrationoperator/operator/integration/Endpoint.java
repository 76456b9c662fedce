package io.integrationoperator.operator.integration;

import io.integrationoperator.api.integration.Server;
import io.integrationoperator.api.integration.ServerProtocol;
import io.integrationoperator.client.http.HostNames;
import io.integrationoperator.operator.status.IntegrationConditions;
import io.integrationoperator.operator.status.Outcome;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Computes an Integration's effective base URL: each spec.server field overrides the same part of
 * the model's default server. A relative model server, such as {@code /api/v3}, supplies only the
 * base path. The protocol defaults to https and the port to the protocol's default.
 *
 * @param url the base URL without a trailing slash, for example https://api.example.test/v3
 * @param failure the failed SpecValid outcome with reason InvalidServer, when no URL can be built
 */
public record Endpoint(Optional<String> url, Optional<Outcome> failure) {

  /**
   * Resolves the endpoint.
   *
   * @param server spec.server, possibly null
   * @param modelServer the model's default server, possibly null or relative
   */
  public static Endpoint resolve(Server server, String modelServer) {
    Server spec = server == null ? new Server() : server;
    ModelServer model;
    try {
      model = ModelServer.parse(modelServer);
    } catch (URISyntaxException e) {
      model = ModelServer.EMPTY;
    }

    String protocol =
        spec.getProtocol() != null ? spec.getProtocol().name() : model.protocol().orElse("https");
    String host = spec.getHost() != null ? spec.getHost() : model.host().orElse(null);
    if (host == null || host.isBlank()) {
      return invalid(
          "No server host is known: set spec.server.host, because the model's default server ("
              + (modelServer == null || modelServer.isBlank() ? "none" : modelServer)
              + ") has no host.");
    }
    Integer port = spec.getPort() != null ? spec.getPort() : model.port().orElse(null);
    String basePath =
        trimTrailingSlash(
            spec.getBasePath() != null ? spec.getBasePath() : model.basePath().orElse(""));

    if (!HostNames.isHost(unbracket(host))) {
      return invalid(
          "Server host " + host + " is not a valid host name; correct spec.server.host.");
    }
    try {
      URI uri =
          new URI(protocol, null, unbracket(host), port == null ? -1 : port, null, null, null);
      String authority = uri.getRawAuthority();
      if (authority == null || uri.getHost() == null) {
        return invalid(
            "Server host " + host + " is not a valid host name; correct spec.server.host.");
      }
      boolean defaultPort = port == null || port == defaultPort(protocol);
      String hostPart = uri.getHost();
      String portPart = defaultPort ? "" : ":" + port;
      return new Endpoint(
          Optional.of(protocol + "://" + hostPart + portPart + basePath), Optional.empty());
    } catch (URISyntaxException e) {
      return invalid(
          "Server host " + host + " is not a valid host name; correct spec.server.host.");
    }
  }

  private static int defaultPort(String protocol) {
    return ServerProtocol.http.name().equals(protocol) ? 80 : 443;
  }

  private static String unbracket(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  private static String trimTrailingSlash(String path) {
    String result = path;
    while (result.endsWith("/")) {
      result = result.substring(0, result.length() - 1);
    }
    return result;
  }

  private static Endpoint invalid(String message) {
    return new Endpoint(
        Optional.empty(),
        Optional.of(Outcome.failed(IntegrationConditions.INVALID_SERVER, message)));
  }

  /** Parts of the model's default server URL; absent parts are empty. */
  private record ModelServer(
      Optional<String> protocol,
      Optional<String> host,
      Optional<Integer> port,
      Optional<String> basePath) {
    static final ModelServer EMPTY =
        new ModelServer(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    static ModelServer parse(String url) throws URISyntaxException {
      if (url == null || url.isBlank()) {
        return EMPTY;
      }
      URI uri = new URI(url.trim());
      Optional<String> path = Optional.ofNullable(uri.getRawPath()).filter(p -> !p.isEmpty());
      if (uri.getScheme() == null || uri.getHost() == null) {
        // A relative server such as /api/v3 only supplies the base path.
        return new ModelServer(Optional.empty(), Optional.empty(), Optional.empty(), path);
      }
      String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
      Optional<String> protocol =
          scheme.equals("http") || scheme.equals("https") ? Optional.of(scheme) : Optional.empty();
      Optional<Integer> port = uri.getPort() < 0 ? Optional.empty() : Optional.of(uri.getPort());
      return new ModelServer(protocol, Optional.of(uri.getHost()), port, path);
    }
  }
}
