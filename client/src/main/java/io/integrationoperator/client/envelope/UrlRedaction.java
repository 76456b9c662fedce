package io.integrationoperator.client.envelope;

import java.util.Set;
import okhttp3.HttpUrl;

/** Removes credentials from URLs before they reach an envelope, a status or a log. */
public final class UrlRedaction {

  /** Replacement of a masked query parameter value. */
  public static final String MASK = "****";

  private UrlRedaction() {}

  /**
   * Returns {@code url} without user name and password, and with the value of each query parameter
   * named in {@code maskedParameters} replaced by {@value #MASK}. The other parameters keep their
   * order and encoding.
   */
  public static String redact(HttpUrl url, Set<String> maskedParameters) {
    HttpUrl.Builder builder = url.newBuilder().username("").password("");
    String encodedQuery = url.encodedQuery();
    if (encodedQuery != null && !maskedParameters.isEmpty()) {
      // HttpUrl splits the query on '&' the same way, so part i is parameter i.
      String[] parts = encodedQuery.split("&", -1);
      for (int i = 0; i < parts.length && i < url.querySize(); i++) {
        if (maskedParameters.contains(url.queryParameterName(i))
            && url.queryParameterValue(i) != null) {
          parts[i] = parts[i].substring(0, parts[i].indexOf('=')) + "=" + MASK;
        }
      }
      builder.encodedQuery(String.join("&", parts));
    }
    return builder.build().toString();
  }
}
