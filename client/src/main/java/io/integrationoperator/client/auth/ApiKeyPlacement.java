package io.integrationoperator.client.auth;

import io.integrationoperator.client.catalog.SecuritySchemeInfo;
import io.integrationoperator.client.connection.CredentialKeys;
import io.integrationoperator.client.connection.InvalidSettingsException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import okhttp3.Request;

/**
 * Where an API key goes on a request, as the model's apiKey security scheme specifies: a header, a
 * query parameter or a cookie, under the scheme's parameter name. Static keys and keys obtained at
 * run time are placed alike.
 */
final class ApiKeyPlacement {

  /** Location of the key, as the OpenAPI {@code in} field of an apiKey scheme names it. */
  enum Location {
    HEADER,
    QUERY,
    COOKIE;

    /**
     * Parses the OpenAPI value {@code header}, {@code query} or {@code cookie}, in any case.
     *
     * @throws InvalidSettingsException for any other value
     */
    static Location parse(String in, String schemeName) throws InvalidSettingsException {
      if (in != null) {
        switch (in.toLowerCase(Locale.ROOT)) {
          case "header":
            return HEADER;
          case "query":
            return QUERY;
          case "cookie":
            return COOKIE;
          default:
            break;
        }
      }
      throw new InvalidSettingsException(
          "the apiKey security scheme '"
              + schemeName
              + "' has an invalid 'in' value '"
              + in
              + "'; expected header, query or cookie");
    }
  }

  private final Location location;
  private final String name;

  private ApiKeyPlacement(Location location, String name) {
    this.location = location;
    this.name = name;
  }

  /**
   * Creates the placement.
   *
   * @throws InvalidSettingsException when the name is not a valid token (RFC 9110) for a header or
   *     cookie
   */
  static ApiKeyPlacement of(Location location, String name) throws InvalidSettingsException {
    if (location != Location.QUERY && !isToken(name)) {
      throw new InvalidSettingsException(
          "the API key "
              + location.name().toLowerCase(Locale.ROOT)
              + " name '"
              + name
              + "' is not a valid HTTP token");
    }
    return new ApiKeyPlacement(location, name);
  }

  /**
   * Creates the placement from the {@code in} and {@code name} details of an apiKey scheme.
   *
   * @throws InvalidSettingsException when either is missing or invalid
   */
  static ApiKeyPlacement of(SecuritySchemeInfo scheme) throws InvalidSettingsException {
    Map<String, String> details = scheme.details() == null ? Map.of() : scheme.details();
    Location location = Location.parse(details.get("in"), scheme.name());
    String name = details.get("name");
    if (name == null || name.isBlank()) {
      throw new InvalidSettingsException(
          "the apiKey security scheme '" + scheme.name() + "' has no parameter name");
    }
    return of(location, name);
  }

  /**
   * Checks that {@code key} can be sent here. Messages name {@code credentialKey}, never the key.
   *
   * @throws InvalidSettingsException when the key has a character the header or cookie cannot carry
   */
  void check(String key, String credentialKey) throws InvalidSettingsException {
    if (location == Location.HEADER) {
      CredentialValues.requireHeaderSafe(key, credentialKey);
    }
    if (location == Location.COOKIE && !isCookieValue(key)) {
      throw new InvalidSettingsException(
          "the credential '"
              + credentialKey
              + "' contains a character that a cookie value cannot carry (control, space,"
              + " double quote, comma, semicolon, backslash or non-ASCII)");
    }
  }

  /** Checks a static key stored under the {@code apiKey} credential, as {@link #check} does. */
  void check(String key) throws InvalidSettingsException {
    check(key, CredentialKeys.API_KEY);
  }

  /** Returns a copy of {@code request} that carries {@code key}, replacing any earlier value. */
  Request apply(Request request, String key) {
    switch (location) {
      case HEADER:
        return request.newBuilder().header(name, key).build();
      case QUERY:
        return request
            .newBuilder()
            .url(request.url().newBuilder().setQueryParameter(name, key).build())
            .build();
      case COOKIE:
        String existing = request.header("Cookie");
        String pair = name + "=" + key;
        String cookie = existing == null || existing.isBlank() ? pair : existing + "; " + pair;
        return request.newBuilder().header("Cookie", cookie).build();
      default:
        throw new IllegalStateException("unknown API key location " + location);
    }
  }

  /** Returns the query parameter that carries the key, so logs and envelopes can mask it. */
  Set<String> credentialQueryParameters() {
    return location == Location.QUERY ? Set.of(name) : Set.of();
  }

  @Override
  public String toString() {
    return "in=" + location.name().toLowerCase(Locale.ROOT) + ", name=" + name;
  }

  /** Returns true for an RFC 9110 token: visible ASCII without separators. */
  private static boolean isToken(String text) {
    if (text == null || text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= 0x20 || c >= 0x7f || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

  /** Returns true when every character is a cookie-octet of RFC 6265. */
  private static boolean isCookieValue(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= 0x20 || c >= 0x7f || c == '"' || c == ',' || c == ';' || c == '\\') {
        return false;
      }
    }
    return true;
  }
}
