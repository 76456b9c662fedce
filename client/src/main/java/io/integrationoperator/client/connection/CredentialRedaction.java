package io.integrationoperator.client.connection;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.integrationoperator.api.envelope.ResponseEnvelope;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * Replaces credential values with {@value #MASK} in text, JSON and headers, for error messages and
 * for response envelopes that a server may have filled with the request's own credentials, for
 * example by echoing its headers.
 *
 * <p>Each credential value of at least {@value #MIN_LENGTH} characters, except the OAuth 2.0 client
 * id, is replaced, together with the forms in which a request carries it: percent-encoded (query
 * parameters and form bodies) and, for Basic authentication, the Base64 of {@code
 * username:password}, of {@code proxyUsername:proxyPassword} and of {@code clientId:clientSecret},
 * also with both parts form-encoded as OAuth 2.0's client_secret_basic sends them. Shorter values
 * are left alone, because masking them would also mask ordinary words. Longer forms are replaced
 * first, so no part of one survives a shorter value's replacement.
 */
public final class CredentialRedaction {
  /** Text that replaces every credential value. */
  public static final String MASK = "****";

  /** Shortest credential value that is replaced. */
  public static final int MIN_LENGTH = 3;

  private static final HttpUrl QUERY_BASE = HttpUrl.get("http://localhost/");

  private final List<String> secrets;

  private CredentialRedaction(List<String> secrets) {
    this.secrets = secrets;
  }

  /**
   * Creates a redaction for the credential values of one Integration.
   *
   * @param credentials projected credential values by normalised key (see {@link CredentialKeys});
   *     null means none
   */
  public static CredentialRedaction of(Map<String, String> credentials) {
    Set<String> forms = new LinkedHashSet<>();
    if (credentials != null) {
      for (Map.Entry<String, String> credential : credentials.entrySet()) {
        // An OAuth 2.0 client id is no secret (RFC 6749 section 2.2), and authorization URLs in
        // messages and status must show it.
        if (!CredentialKeys.CLIENT_ID.equals(credential.getKey())) {
          addForms(forms, credential.getValue());
        }
      }
      addBasicForms(
          forms,
          credentials.get(CredentialKeys.USERNAME),
          credentials.get(CredentialKeys.PASSWORD));
      // Proxy-Authorization carries the Base64 of proxyUsername:proxyPassword.
      addBasicForms(
          forms,
          credentials.get(CredentialKeys.PROXY_USERNAME),
          credentials.get(CredentialKeys.PROXY_PASSWORD));
      String clientId = credentials.get(CredentialKeys.CLIENT_ID);
      String clientSecret = credentials.get(CredentialKeys.CLIENT_SECRET);
      addBasicForms(forms, clientId, clientSecret);
      // client_secret_basic form-encodes id and secret before Base64 (RFC 6749 section 2.3.1).
      if (clientId != null && clientSecret != null) {
        addBasicForms(
            forms,
            URLEncoder.encode(clientId, StandardCharsets.UTF_8),
            URLEncoder.encode(clientSecret, StandardCharsets.UTF_8));
      }
    }
    List<String> secrets = new ArrayList<>(forms);
    secrets.sort(Comparator.comparingInt(String::length).reversed());
    return new CredentialRedaction(List.copyOf(secrets));
  }

  /** Adds the Base64 of {@code user:secret}, as a Basic Authorization header carries it. */
  private static void addBasicForms(Set<String> forms, String user, String secret) {
    if (user == null || secret == null) {
      return;
    }
    String pair = user + ":" + secret;
    forms.add(Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    forms.add(Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.ISO_8859_1)));
  }

  private static void addForms(Set<String> forms, String value) {
    if (value == null || value.length() < MIN_LENGTH) {
      return;
    }
    forms.add(value);
    forms.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
    forms.add(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
    // OkHttp leaves more characters unencoded in a query value than URLEncoder does, e.g. '/'.
    String query = QUERY_BASE.newBuilder().addQueryParameter("k", value).build().encodedQuery();
    forms.add(query.substring("k=".length()));
    // A JSON body that echoes the value escapes quotes, backslashes and control characters, and
    // some writers also escape '/'; logged bodies are text, so these forms are masked as well.
    String escaped = new String(JsonStringEncoder.getInstance().quoteAsString(value));
    forms.add(escaped);
    forms.add(escaped.replace("/", "\\/"));
  }

  /** Returns the text with every credential form replaced by {@value #MASK}. */
  public String redact(String text) {
    if (text == null) {
      return null;
    }
    String redacted = text;
    for (String secret : secrets) {
      redacted = redacted.replace(secret, MASK);
    }
    return redacted;
  }

  /**
   * Returns a copy of the JSON value with credential forms replaced in every string value and every
   * object key. Numbers, booleans and null are returned unchanged.
   */
  public JsonNode redact(JsonNode node) {
    if (node == null || secrets.isEmpty()) {
      return node;
    }
    if (node.isTextual()) {
      return TextNode.valueOf(redact(node.asText()));
    }
    if (node.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      node.forEach(element -> copy.add(redact(element)));
      return copy;
    }
    if (node.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        copy.set(redact(field.getKey()), redact(field.getValue()));
      }
      return copy;
    }
    return node;
  }

  /** Returns a copy of the headers with credential forms replaced in names and values. */
  public Map<String, String> redact(Map<String, String> headers) {
    if (headers == null) {
      return null;
    }
    Map<String, String> copy = new LinkedHashMap<>();
    headers.forEach((name, value) -> copy.put(redact(name), redact(value)));
    return copy;
  }

  /**
   * Returns a copy of {@code envelope} with every credential form masked in its URL, status text,
   * headers and body. The copy keeps every header and the whole body.
   */
  public ResponseEnvelope redact(ResponseEnvelope envelope) {
    ResponseEnvelope copy = new ResponseEnvelope();
    copy.setOk(envelope.getOk());
    copy.setMethod(envelope.getMethod());
    copy.setUrl(redact(envelope.getUrl()));
    copy.setStatus(envelope.getStatus());
    copy.setStatusText(redact(envelope.getStatusText()));
    copy.setHeaders(envelope.getHeaders() == null ? null : redact(envelope.getHeaders()));
    copy.setBody(redact(envelope.getBody()));
    return copy;
  }
}
