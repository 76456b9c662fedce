package io.integrationoperator.client.http;

import io.integrationoperator.client.connection.InvalidSettingsException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Parses proxy URLs of the form {@code http://host:port} or {@code https://host:port}. */
public final class ProxyUrls {

  private static final String EXPECTED =
      "write it as http://host:port or https://host:port, and put credentials in the proxy"
          + " Secret";

  private ProxyUrls() {}

  /**
   * Parses {@code text}. Error messages never repeat user info, which could contain a password.
   *
   * @throws InvalidSettingsException when the text is missing, has another scheme, no host, no
   *     port, user info, a path, a query or a fragment
   */
  public static URI parse(String text) throws InvalidSettingsException {
    if (text == null || text.isBlank()) {
      throw new InvalidSettingsException("the proxy URL is missing; " + EXPECTED);
    }
    URI url;
    try {
      url = new URI(text.strip());
    } catch (URISyntaxException e) {
      throw new InvalidSettingsException(
          "the proxy URL '" + withoutUserInfo(text) + "' is not a valid URL; " + EXPECTED, e);
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    String problem = problem(url, scheme);
    if (problem != null) {
      throw new InvalidSettingsException(
          "the proxy URL '" + withoutUserInfo(text) + "' " + problem + "; " + EXPECTED);
    }
    return URI.create(scheme + "://" + url.getRawAuthority());
  }

  /** Returns the URL's host, IPv6 literals without brackets. */
  public static String host(URI url) {
    String host = url.getHost();
    return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
  }

  /** Returns the URL as scheme://host:port, for messages. */
  static String withoutUserInfo(URI url) {
    return url.getScheme() + "://" + url.getHost() + ":" + url.getPort();
  }

  private static String problem(URI url, String scheme) {
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return "does not start with http:// or https://";
    }
    if (url.getRawUserInfo() != null) {
      return "contains user info";
    }
    if (url.getHost() == null) {
      return "has no valid host";
    }
    if (url.getPort() < 1) {
      return "has no port";
    }
    if (url.getPort() > 65535) {
      return "has a port above 65535";
    }
    boolean hasPath =
        url.getRawPath() != null && !url.getRawPath().isEmpty() && !url.getRawPath().equals("/");
    if (hasPath || url.getRawQuery() != null || url.getRawFragment() != null) {
      return "has a path, query or fragment";
    }
    return null;
  }

  /** Removes anything between "//" and the last "@" before the host, for messages. */
  private static String withoutUserInfo(String text) {
    int start = text.indexOf("//");
    int at = text.lastIndexOf('@');
    if (start < 0 || at < start) {
      return text;
    }
    return text.substring(0, start + 2) + "****@" + text.substring(at + 1);
  }
}
