package io.integrationoperator.client.envelope;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.integrationoperator.api.envelope.ResponseEnvelope;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Builds the response envelope of one HTTP exchange.
 *
 * <ul>
 *   <li>{@code url}: the request URL without user info, with credential query parameters masked.
 *   <li>{@code statusText}: the reason phrase the server sent, or the standard phrase of the code
 *       when it sent none (HTTP/2 has no reason phrases).
 *   <li>{@code headers}: response header names in lower case, sorted, with repeated values joined
 *       by ", ". Set-Cookie is kept, so the envelope can contain the server's session cookies, and
 *       its repeated values are joined the same way although a cookie's Expires date contains a
 *       comma too.
 *   <li>{@code body}: parsed JSON when the media type is application/json or any {@code +json} type
 *       and the body parses, otherwise a text node decoded with the response charset (UTF-8 by
 *       default); absent for an empty body. At most {@link #MAX_BODY_BYTES} are read: a longer body
 *       becomes a text node of its first bytes followed by a line saying that it was truncated, so
 *       a large download cannot exhaust memory.
 * </ul>
 */
public final class ResponseEnvelopes {

  /** Maximum number of body bytes read into an envelope: 1 MiB. */
  public static final long MAX_BODY_BYTES = 1024 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();

  private ResponseEnvelopes() {}

  /**
   * Builds the envelope of {@code response}, reading at most {@link #MAX_BODY_BYTES} of its body.
   * The caller still closes the response.
   *
   * @param maskedQueryParameters query parameters whose values are credentials
   * @throws IOException when reading the body fails
   */
  public static ResponseEnvelope fromResponse(Response response, Set<String> maskedQueryParameters)
      throws IOException {
    return fromResponse(response, maskedQueryParameters, MAX_BODY_BYTES);
  }

  /** Builds the envelope as {@link #fromResponse(Response, Set)} does, with another body limit. */
  public static ResponseEnvelope fromResponse(
      Response response, Set<String> maskedQueryParameters, long maxBodyBytes) throws IOException {
    return build(response, maskedQueryParameters, maxBodyBytes, false);
  }

  /**
   * Builds the envelope as {@link #fromResponse(Response, Set)} does, but rejects a body longer
   * than {@code maxBodyBytes} instead of truncating it. At most that many bytes plus one read
   * segment are buffered.
   *
   * @throws ResponseTooLargeException when the body is longer than {@code maxBodyBytes}
   * @throws IOException when reading the body fails
   */
  public static ResponseEnvelope fromResponseWithinLimit(
      Response response, Set<String> maskedQueryParameters, long maxBodyBytes) throws IOException {
    return build(response, maskedQueryParameters, maxBodyBytes, true);
  }

  private static ResponseEnvelope build(
      Response response, Set<String> maskedQueryParameters, long maxBodyBytes, boolean reject)
      throws IOException {
    ResponseEnvelope envelope = new ResponseEnvelope();
    envelope.setOk(response.isSuccessful());
    envelope.setMethod(response.request().method());
    envelope.setUrl(UrlRedaction.redact(response.request().url(), maskedQueryParameters));
    envelope.setStatus(response.code());
    envelope.setStatusText(statusText(response));
    envelope.setHeaders(joinHeaders(response.headers()));
    envelope.setBody(readBody(response.body(), maxBodyBytes, reject));
    return envelope;
  }

  private static String statusText(Response response) {
    String message = response.message();
    return message == null || message.isBlank()
        ? ReasonPhrases.of(response.code())
        : ControlCharacters.escape(message);
  }

  private static Map<String, String> joinHeaders(Headers headers) {
    Map<String, String> joined = new TreeMap<>();
    for (String name : headers.names()) {
      joined.put(name.toLowerCase(Locale.ROOT), String.join(", ", headers.values(name)));
    }
    return joined;
  }

  private static JsonNode readBody(ResponseBody body, long maxBodyBytes, boolean reject)
      throws IOException {
    if (body == null) {
      return null;
    }
    BufferedSource source = body.source();
    // request() buffers until it has that many bytes or the body ends, so the buffer grows to
    // about maxBodyBytes plus one read segment and no further.
    boolean truncated = source.request(maxBodyBytes + 1);
    if (truncated && reject) {
      throw new ResponseTooLargeException(maxBodyBytes);
    }
    Buffer buffer = source.getBuffer();
    byte[] bytes = buffer.readByteArray(Math.min(buffer.size(), maxBodyBytes));
    if (bytes.length == 0) {
      return null;
    }

    MediaType type = body.contentType();
    String text = new String(bytes, type == null ? UTF_8 : type.charset(UTF_8));
    if (truncated) {
      return TextNode.valueOf(
          text
              + "\n[response body truncated: it is longer than the "
              + maxBodyBytes
              + "-byte limit of the response envelope]");
    }
    return isJson(type) ? parseJson(bytes, text) : TextNode.valueOf(text);
  }

  /** Parses a JSON body. A body that claims JSON but does not parse is still shown, as text. */
  private static JsonNode parseJson(byte[] bytes, String text) throws IOException {
    try {
      return JSON.readTree(bytes);
    } catch (JacksonException e) {
      return TextNode.valueOf(text);
    }
  }

  private static boolean isJson(MediaType type) {
    return type != null && (type.subtype().equals("json") || type.subtype().endsWith("+json"));
  }
}
