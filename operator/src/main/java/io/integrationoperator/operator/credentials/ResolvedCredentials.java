package io.integrationoperator.operator.credentials;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Credential values by projected key, base64-encoded as Secret data stores them. The values are
 * never printed: {@link #toString()} lists the keys only.
 */
public final class ResolvedCredentials {
  private final SortedMap<String, String> data;

  /** Wraps base64-encoded values by projected key. */
  public ResolvedCredentials(Map<String, String> base64Data) {
    this.data = Collections.unmodifiableSortedMap(new TreeMap<>(base64Data));
  }

  /** Returns the values base64-encoded, as the projected Secret's data field holds them. */
  public SortedMap<String, String> base64Data() {
    return data;
  }

  /** Returns the values decoded as UTF-8 text, for the client's connection settings. */
  public Map<String, String> decoded() {
    SortedMap<String, String> result = new TreeMap<>();
    data.forEach(
        (key, value) ->
            result.put(key, new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8)));
    return result;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ResolvedCredentials that && data.equals(that.data);
  }

  @Override
  public int hashCode() {
    return data.hashCode();
  }

  @Override
  public String toString() {
    return "ResolvedCredentials" + data.keySet();
  }
}
