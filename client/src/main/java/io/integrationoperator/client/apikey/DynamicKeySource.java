package io.integrationoperator.client.apikey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrationoperator.api.envelope.ResponseEnvelope;
import io.integrationoperator.client.connection.CredentialRedaction;
import io.integrationoperator.client.connection.InvalidSettingsException;
import io.integrationoperator.client.envelope.ResponseEnvelopes;
import io.integrationoperator.client.envelope.UrlRedaction;
import io.integrationoperator.client.token.Token;
import io.integrationoperator.client.token.TokenRequestException;
import io.integrationoperator.client.token.TokenSource;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Obtains an API key by sending the {@link KeyRequest} and reading the key from the JSON response
 * at its response pointer.
 *
 * <ul>
 *   <li>Header parameters become request headers and Query parameters query parameters. Body
 *       parameters become the members of a JSON object whose values are strings, or the fields of a
 *       form when the content type is application/x-www-form-urlencoded. POST, PUT and PATCH always
 *       send a body, an empty object or form without Body parameters; GET sends none.
 *   <li>The key is the string (or number, as text) at the response pointer of a 2xx JSON response.
 *       The endpoint gives no expiry, so the key is kept until the API returns 401.
 *   <li>A non-2xx status, a body that is not JSON, and a missing, empty or non-text value raise a
 *       {@link TokenRequestException} carrying the envelope of the exchange, with credential values
 *       masked. A key that the apiKey scheme's header or cookie cannot carry raises one without an
 *       envelope, because the body contains the key.
 * </ul>
 *
 * Messages name the method and the URL with Query parameter values masked, never a value.
 */
public final class DynamicKeySource implements TokenSource {

  /** Checks that a key can be placed on API requests, before it is cached. */
  @FunctionalInterface
  public interface KeyCheck {
    /**
     * Checks {@code key}.
     *
     * @throws InvalidSettingsException naming the problem without the key
     */
    void check(String key) throws InvalidSettingsException;
  }

  private static final Logger LOG = LoggerFactory.getLogger(DynamicKeySource.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

  private final KeyRequest keyRequest;
  private final OkHttpClient client;
  private final CredentialRedaction redaction;
  private final KeyCheck check;
  private final Clock clock;
  private final Set<String> maskedQuery;

  /**
   * Creates the source.
   *
   * @param client the client for the Integration's TLS and timeout settings
   * @param redaction masks credential values in envelopes and messages
   * @param check rejects keys that the API requests cannot carry
   */
  public DynamicKeySource(
      KeyRequest keyRequest,
      OkHttpClient client,
      CredentialRedaction redaction,
      KeyCheck check,
      Clock clock) {
    this.keyRequest = keyRequest;
    this.client = client;
    this.redaction = redaction;
    this.check = check;
    this.clock = clock;
    this.maskedQuery = keyRequest.queryParameterNames();
  }

  @Override
  public Token request(Optional<Token> previous) throws TokenRequestException {
    Request request = httpRequest();
    String described = request.method() + " " + UrlRedaction.redact(request.url(), maskedQuery);
    LOG.debug("requesting an API key with {}", described);
    try (Response response = client.newCall(request).execute()) {
      String key = key(response, "the key request " + described);
      return new Token(key, Optional.empty(), clock.instant(), Optional.empty(), Optional.empty());
    } catch (InterruptedIOException e) {
      throw new TokenRequestException(
          "the key request " + described + " did not respond within spec.timeout", e);
    } catch (IOException e) {
      String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new TokenRequestException(
          "the key request " + described + " failed: " + redaction.redact(detail), e);
    }
  }

  /** Reads the key from a response, or throws with the exchange's envelope. */
  private String key(Response response, String described)
      throws IOException, TokenRequestException {
    byte[] bytes = response.peekBody(ResponseEnvelopes.MAX_BODY_BYTES).bytes();
    if (!response.isSuccessful()) {
      throw failure(described + " returned " + response.code(), response);
    }
    JsonNode body = parse(bytes);
    if (body == null) {
      throw failure(described + " returned a body that is not JSON", response);
    }
    String pointer = keyRequest.responsePointer();
    JsonNode value = body.at(pointer);
    if (value.isMissingNode() || value.isNull()) {
      throw failure(described + " returned no value at " + pointer, response);
    }
    if (!value.isTextual() && !value.isNumber()) {
      String type = value.getNodeType().name().toLowerCase(Locale.ROOT);
      throw failure(described + " returned a JSON " + type + " at " + pointer, response);
    }
    String key = value.asText();
    if (key.isEmpty()) {
      throw failure(described + " returned an empty value at " + pointer, response);
    }
    try {
      check.check(key);
    } catch (InvalidSettingsException e) {
      throw new TokenRequestException(
          described + " returned a key that API requests cannot carry: " + e.getMessage(), e);
    }
    return key;
  }

  private TokenRequestException failure(String message, Response response) throws IOException {
    ResponseEnvelope envelope = ResponseEnvelopes.fromResponse(response, maskedQuery);
    envelope.setHeaders(redaction.redact(envelope.getHeaders()));
    envelope.setBody(redaction.redact(envelope.getBody()));
    return new TokenRequestException(redaction.redact(message), envelope);
  }

  private static JsonNode parse(byte[] bytes) {
    try {
      JsonNode node = JSON.readTree(bytes);
      return node == null || node.isMissingNode() ? null : node;
    } catch (IOException e) {
      return null;
    }
  }

  private Request httpRequest() {
    HttpUrl.Builder url = keyRequest.url().newBuilder();
    Request.Builder builder = new Request.Builder().header("Accept", "application/json");
    ObjectNode json = JSON.createObjectNode();
    FormBody.Builder form = new FormBody.Builder();
    for (KeyParameter parameter : keyRequest.parameters()) {
      switch (parameter.location()) {
        case Header -> builder.header(parameter.name(), parameter.value());
        case Query -> url.addQueryParameter(parameter.name(), parameter.value());
        case Body -> {
          json.put(parameter.name(), parameter.value());
          form.add(parameter.name(), parameter.value());
        }
      }
    }
    RequestBody body = null;
    if (!keyRequest.method().equals("GET")) {
      body =
          keyRequest.contentType().equals(KeyRequest.FORM)
              ? form.build()
              : RequestBody.create(json.toString(), JSON_TYPE);
    }
    return builder.url(url.build()).method(keyRequest.method(), body).build();
  }

  @Override
  public String toString() {
    return "DynamicKeySource[" + keyRequest + "]";
  }
}
