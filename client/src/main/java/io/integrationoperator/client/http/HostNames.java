package io.integrationoperator.client.http;

import java.util.regex.Pattern;

/** Tells IP-address literals from DNS names. */
final class HostNames {

  private static final Pattern IPV4 = Pattern.compile("^[0-9]{1,3}(\\.[0-9]{1,3}){3}$");

  private HostNames() {}

  /** Returns true for an IPv4 literal or an IPv6 literal, with or without brackets. */
  static boolean isIpAddress(String host) {
    return IPV4.matcher(host).matches() || host.contains(":");
  }
}
