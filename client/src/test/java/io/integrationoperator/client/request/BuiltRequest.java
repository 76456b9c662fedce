package io.integrationoperator.client.request;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;

/**
 * What a built request would put on the wire, with the multipart boundary replaced by {@link
 * RealDocumentCases#BOUNDARY}.
 *
 * @param requestLine method and target, for example GET /v2/pet/7?x=1
 * @param headers request headers, with the body's Content-Type
 * @param body the body text, or null without a body
 */
record BuiltRequest(String requestLine, Map<String, String> headers, String body) {

  static BuiltRequest of(Request request) {
    String query = request.url().encodedQuery();
    String target = request.url().encodedPath() + (query == null ? "" : "?" + query);
    Map<String, String> headers = new LinkedHashMap<>();
    request.headers().forEach(header -> headers.put(header.getFirst(), header.getSecond()));
    RequestBody body = request.body();
    String boundary = body instanceof MultipartBody multipart ? multipart.boundary() : null;
    MediaType contentType = body == null ? null : body.contentType();
    if (contentType != null) {
      headers.put("Content-Type", unboundary(contentType.toString(), boundary));
    }
    return new BuiltRequest(
        request.method() + " " + target,
        headers,
        body == null ? null : unboundary(text(body), boundary));
  }

  private static String text(RequestBody body) {
    try (Buffer buffer = new Buffer()) {
      body.writeTo(buffer);
      return buffer.readUtf8();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String unboundary(String text, String boundary) {
    return boundary == null ? text : text.replace(boundary, RealDocumentCases.BOUNDARY);
  }
}
