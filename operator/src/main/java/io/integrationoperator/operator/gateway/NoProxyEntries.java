package io.integrationoperator.operator.gateway;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks entries of a no-proxy list: an exact host name or IP address ({@code api.example.test},
 * {@code 10.1.2.3}), a domain suffix starting with a dot ({@code .example.test}, which matches the
 * domain's hosts but not the domain itself), or a CIDR range ({@code 10.0.0.0/8}, {@code
 * fd00::/8}).
 */
public final class NoProxyEntries {
  private static final Pattern HOST_NAME =
      Pattern.compile("(?i)[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*");
  private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

  private NoProxyEntries() {}

  /**
   * Returns why the entry is invalid, as a sentence fragment such as "is not a host name, a domain
   * suffix starting with a dot, or a CIDR range", or empty when it is valid.
   */
  public static Optional<String> problem(String entry) {
    if (entry == null || entry.isBlank()) {
      return Optional.of("is empty");
    }
    int slash = entry.indexOf('/');
    if (slash >= 0) {
      return cidrProblem(entry.substring(0, slash), entry.substring(slash + 1));
    }
    String host = entry.startsWith(".") ? entry.substring(1) : entry;
    if (isIpLiteral(host) || HOST_NAME.matcher(host).matches()) {
      return Optional.empty();
    }
    return Optional.of("is not a host name, a domain suffix starting with a dot, or a CIDR range");
  }

  /**
   * Returns the first invalid entry of the list with its problem, for example "entry 2 (*.test) is
   * not a host name, ...", or empty when all are valid.
   *
   * @param field the setting that contains the list, named in the message
   */
  public static Optional<String> firstProblem(String field, List<String> entries) {
    for (int i = 0; i < entries.size(); i++) {
      String entry = entries.get(i);
      Optional<String> problem = problem(entry);
      if (problem.isPresent()) {
        return Optional.of(field + " entry " + (i + 1) + " (" + entry + ") " + problem.get());
      }
    }
    return Optional.empty();
  }

  private static Optional<String> cidrProblem(String address, String prefix) {
    if (!isIpLiteral(address)) {
      return Optional.of("is not a CIDR range: " + address + " is not an IP address");
    }
    int max = address.contains(":") ? 128 : 32;
    try {
      int length = Integer.parseInt(prefix);
      if (length >= 0 && length <= max) {
        return Optional.empty();
      }
    } catch (NumberFormatException e) {
      // Reported below with the allowed range.
    }
    return Optional.of("is not a CIDR range: the prefix length must be 0 to " + max);
  }

  /**
   * Returns true for an IPv4 or IPv6 address literal. IPv4 octets are checked here, and IPv6 text
   * goes to {@link InetAddress#getByName} in brackets, so that the JDK parses it as a literal and
   * never falls back to a DNS lookup.
   */
  private static boolean isIpLiteral(String text) {
    if (IPV4.matcher(text).matches()) {
      for (String octet : text.split("\\.")) {
        if (Integer.parseInt(octet) > 255) {
          return false;
        }
      }
      return true;
    }
    if (!text.contains(":") || !text.matches("[0-9a-fA-F:.]+")) {
      return false;
    }
    try {
      InetAddress.getByName("[" + text + "]");
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
