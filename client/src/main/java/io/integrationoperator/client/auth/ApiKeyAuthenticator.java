package io.integrationoperator.client.auth;

import io.integrationoperator.client.connection.CredentialKeys;
import io.integrationoperator.client.connection.InvalidSettingsException;
import java.util.Locale;
import java.util.Set;
import okhttp3.Request;

/**
 * A static API key sent where the model's apiKey security scheme names: in a header, a query
 * parameter or a cookie, under the scheme's parameter name.
 */
final class ApiKeyAuthenticator implements RequestAuthenticator {

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
  private final String value;

  private ApiKeyAuthenticator(Location location, String name, String value) {
    this.location = location;
    this.name = name;
    this.value = value;
  }

  /**
   * Creates the authenticator.
   *
   * @throws InvalidSettingsException when the name is not a valid token (RFC 9110), or the key has
   *     a character that the header or cookie cannot carry
   */
  static ApiKeyAuthenticator of(Location location, String name, String value)
      throws InvalidSettingsException {
    if (location != Location.QUERY && !isToken(name)) {
      throw new InvalidSettingsException(
          "the API key "
              + location.name().toLowerCase(Locale.ROOT)
              + " name '"
              + name
              + "' is not a valid HTTP token");
    }
    if (location == Location.HEADER) {
      CredentialValues.requireHeaderSafe(value, CredentialKeys.API_KEY);
    }
    if (location == Location.COOKIE && !isCookieValue(value)) {
      throw new InvalidSettingsException(
          "the credential '"
              + CredentialKeys.API_KEY
              + "' contains a character that a cookie value cannot carry (control, space,"
              + " double quote, comma, semicolon, backslash or non-ASCII)");
    }
    return new ApiKeyAuthenticator(location, name, value);
  }

  @Override
  public Request authenticate(Request request) {
    switch (location) {
      case HEADER:
        return request.newBuilder().header(name, value).build();
      case QUERY:
        return request
            .newBuilder()
            .url(request.url().newBuilder().setQueryParameter(name, value).build())
            .build();
      case COOKIE:
        String existing = request.header("Cookie");
        String pair = name + "=" + value;
        String cookie = existing == null || existing.isBlank() ? pair : existing + "; " + pair;
        return request.newBuilder().header("Cookie", cookie).build();
      default:
        throw new IllegalStateException("unknown API key location " + location);
    }
  }

  @Override
  public Set<String> credentialQueryParameters() {
    return location == Location.QUERY ? Set.of(name) : Set.of();
  }

  @Override
  public String toString() {
    return "ApiKeyAuthenticator[in="
        + location.name().toLowerCase(Locale.ROOT)
        + ", name="
        + name
        + ", value=****]";
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
