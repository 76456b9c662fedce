package io.integrationoperator.client.http;

import io.integrationoperator.client.connection.InvalidSettingsException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Hosts that are reached without the proxy. Each entry is one of:
 *
 * <ul>
 *   <li>{@code *}: every host.
 *   <li>an exact host name such as {@code api.example.com}, compared case-insensitively.
 *   <li>a domain suffix that starts with a dot, such as {@code .example.com}: the domain's
 *       sub-domains at any depth and the domain itself ({@code example.com}), as curl treats it.
 *   <li>an IP address such as {@code 10.1.2.3} or {@code ::1}, or a CIDR range such as {@code
 *       10.0.0.0/8} or {@code fd00::/8}: matches hosts written as IP literals in that range. Host
 *       names are not resolved, so a range never matches a name that resolves into it.
 * </ul>
 *
 * A trailing dot of a host name is ignored on both sides. Entries carry no scheme and no port.
 */
public final class NoProxyList {

  private static final Pattern HOST_NAME =
      Pattern.compile("^[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*$");
  private static final Pattern IPV4 = Pattern.compile("^[0-9]{1,3}(\\.[0-9]{1,3}){3}$");
  private static final Pattern WITH_PORT = Pattern.compile("^([^:\\[\\]]+|\\[.*\\]):[0-9]+$");

  private final boolean all;
  private final List<String> names;
  private final List<String> suffixes;
  private final List<Range> ranges;

  private NoProxyList(boolean all, List<String> names, List<String> suffixes, List<Range> ranges) {
    this.all = all;
    this.names = names;
    this.suffixes = suffixes;
    this.ranges = ranges;
  }

  /**
   * Parses the entries; blank entries are skipped and whitespace around an entry is ignored.
   *
   * @throws InvalidSettingsException naming the first invalid entry
   */
  public static NoProxyList parse(List<String> entries) throws InvalidSettingsException {
    boolean all = false;
    List<String> names = new ArrayList<>();
    List<String> suffixes = new ArrayList<>();
    List<Range> ranges = new ArrayList<>();
    for (String raw : entries == null ? List.<String>of() : entries) {
      String entry = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
      if (entry.isEmpty()) {
        continue;
      }
      if (entry.contains("://")) {
        throw invalid(raw, "remove the scheme and write the host name only");
      }
      if (WITH_PORT.matcher(entry).matches()) {
        throw invalid(
            raw, "ports are not allowed; write " + entry.substring(0, entry.lastIndexOf(':')));
      }
      if (entry.equals("*")) {
        all = true;
      } else if (entry.contains("/") || entry.contains(":") || IPV4.matcher(entry).matches()) {
        ranges.add(Range.parse(entry, raw));
      } else if (entry.startsWith(".")) {
        suffixes.add(hostName(entry.substring(1), raw));
      } else {
        names.add(hostName(entry, raw));
      }
    }
    return new NoProxyList(all, List.copyOf(names), List.copyOf(suffixes), List.copyOf(ranges));
  }

  /** Returns true when {@code host}, as an HTTP URL carries it, is reached without the proxy. */
  boolean matches(String host) {
    if (all) {
      return true;
    }
    String normalised = withoutTrailingDot(unbracketed(host).toLowerCase(Locale.ROOT));
    if (normalised.contains(":") || IPV4.matcher(normalised).matches()) {
      Optional<InetAddress> address = literal(normalised);
      return address.isPresent() && ranges.stream().anyMatch(r -> r.contains(address.get()));
    }
    if (names.contains(normalised)) {
      return true;
    }
    return suffixes.stream()
        .anyMatch(suffix -> normalised.equals(suffix) || normalised.endsWith("." + suffix));
  }

  private static String hostName(String entry, String raw) throws InvalidSettingsException {
    String name = withoutTrailingDot(entry);
    if (name.startsWith("*.")) {
      throw invalid(raw, "wildcards are not supported; write ." + name.substring(2));
    }
    if (!HOST_NAME.matcher(name).matches()) {
      throw invalid(
          raw,
          "expected a host name (api.example.com), a domain suffix (.example.com), an IP"
              + " address or CIDR range (10.0.0.0/8), or *");
    }
    return name;
  }

  private static InvalidSettingsException invalid(String raw, String detail) {
    return new InvalidSettingsException("noProxy entry '" + raw + "' is invalid: " + detail);
  }

  private static String unbracketed(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  private static String withoutTrailingDot(String name) {
    return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }

  /**
   * Parses an IPv4 or IPv6 literal without any DNS lookup: the pattern and the colon check come
   * first, because {@link InetAddress#getByName} resolves anything else as a name.
   */
  private static Optional<InetAddress> literal(String text) {
    if (!IPV4.matcher(text).matches() && !text.contains(":")) {
      return Optional.empty();
    }
    if (text.contains("%")) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(text));
    } catch (UnknownHostException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** An address range: the first {@code prefixLength} bits of {@code network}. */
  private record Range(InetAddress network, int prefixLength) {

    static Range parse(String entry, String raw) throws InvalidSettingsException {
      int slash = entry.indexOf('/');
      String addressText = unbracketed(slash < 0 ? entry : entry.substring(0, slash));
      Optional<InetAddress> address = literal(addressText);
      if (address.isEmpty()) {
        throw invalid(raw, "'" + addressText + "' is not an IPv4 or IPv6 address");
      }
      int maxLength = address.get().getAddress().length * 8;
      int prefixLength = maxLength;
      if (slash >= 0) {
        prefixLength = prefixLength(entry.substring(slash + 1), maxLength, raw);
      }
      return new Range(address.get(), prefixLength);
    }

    private static int prefixLength(String text, int maxLength, String raw)
        throws InvalidSettingsException {
      try {
        int length = Integer.parseInt(text);
        if (length >= 0 && length <= maxLength) {
          return length;
        }
      } catch (NumberFormatException e) {
        // Reported below with the valid range.
      }
      throw invalid(raw, "the prefix length must be a number from 0 to " + maxLength);
    }

    boolean contains(InetAddress address) {
      byte[] candidate = address.getAddress();
      byte[] base = network.getAddress();
      if (candidate.length != base.length) {
        return false;
      }
      int shift = base.length * 8 - prefixLength;
      return new BigInteger(1, candidate)
          .shiftRight(shift)
          .equals(new BigInteger(1, base).shiftRight(shift));
    }
  }
}
