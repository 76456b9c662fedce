package io.integrationoperator.client.apikey;

import io.integrationoperator.api.authentication.ParameterLocation;
import io.integrationoperator.client.envelope.UrlRedaction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;

/**
 * The request that obtains an API key at run time, resolved from the Integration spec and the
 * model's extensions by {@link KeyRequests}.
 *
 * @param method GET, POST, PUT or PATCH
 * @param url the absolute URL, before the query parameters are added
 * @param responsePointer JSON Pointer (RFC 6901) to the key in the response body
 * @param contentType media type of the body: {@link #JSON} or {@link #FORM}
 * @param parameters header, body and query parameters, in the order they are added
 */
public record KeyRequest(
    String method,
    HttpUrl url,
    String responsePointer,
    String contentType,
    List<KeyParameter> parameters) {

  /** Body as a JSON object whose members are the Body parameters, all as strings. */
  public static final String JSON = "application/json";

  /** Body as an HTML form (application/x-www-form-urlencoded) of the Body parameters. */
  public static final String FORM = "application/x-www-form-urlencoded";

  public KeyRequest {
    parameters = List.copyOf(parameters);
  }

  /** Returns the names of the Query parameters, whose values are masked in URLs. */
  public Set<String> queryParameterNames() {
    return parameters.stream()
        .filter(p -> p.location() == ParameterLocation.Query)
        .map(KeyParameter::name)
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Returns the SHA-256, in hex, of every field including the parameter values, so that a cache
   * keyed by it is replaced when any of them changes. The values enter only through the hash.
   */
  public String digest() {
    StringBuilder text = new StringBuilder();
    append(text, method);
    append(text, url.toString());
    append(text, responsePointer);
    append(text, contentType);
    for (KeyParameter parameter : parameters) {
      append(text, parameter.name());
      append(text, parameter.location().name());
      append(text, parameter.value());
    }
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(sha256.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }

  /** Appends the length before the text, so that no two field lists give the same string. */
  private static void append(StringBuilder text, String field) {
    text.append(field.length()).append(':').append(field).append(';');
  }

  @Override
  public String toString() {
    return "KeyRequest["
        + method
        + " "
        + UrlRedaction.redact(url, queryParameterNames())
        + ", responsePointer="
        + responsePointer
        + ", contentType="
        + contentType
        + ", parameters="
        + parameters
        + "]";
  }
}
