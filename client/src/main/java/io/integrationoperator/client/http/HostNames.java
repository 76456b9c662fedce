package io.integrationoperator.client.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Checks and classifies the host fields of the spec: host names, IPv4 literals and IPv6 literals
 * without brackets.
 */
public final class HostNames {

  private static final Pattern IPV4 = Pattern.compile("^[0-9]{1,3}(\\.[0-9]{1,3}){3}$");

  /** Characters OkHttp would decode or strip before its own check, so they are refused first. */
  private static final Pattern DECODED_OR_BRACKETED = Pattern.compile("[\\[\\]%\\s]");

  private HostNames() {}

  /** Returns true for an IPv4 literal or an IPv6 literal, with or without brackets. */
  static boolean isIpAddress(String host) {
    return IPV4.matcher(host).matches() || host.contains(":");
  }

  /**
   * Returns true when {@code host} is a host name, an IPv4 address or an IPv6 address without
   * brackets, and nothing else: no scheme, port, path, query, fragment, user name or white space.
   */
  public static boolean isHost(String host) {
    if (host == null || host.isEmpty() || DECODED_OR_BRACKETED.matcher(host).find()) {
      return false;
    }
    try {
      new HttpUrl.Builder().scheme("http").host(host);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return parsesAsUriHost(host);
  }

  /**
   * Returns true when java.net.URI, which builds the endpoint and proxy URLs, also finds the host:
   * it refuses names OkHttp takes, such as non-ASCII names and labels that start with a hyphen.
   */
  private static boolean parsesAsUriHost(String host) {
    String literal = host.contains(":") ? "[" + host + "]" : host;
    try {
      return new URI("http://" + literal + ":1/").getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
