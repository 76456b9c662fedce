package io.integrationoperator.client.oauth2;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import io.integrationoperator.api.envelope.ResponseEnvelope;
import io.integrationoperator.client.envelope.ResponseEnvelopes;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Sends a Nimbus {@link HTTPRequest} through OkHttp, so that the Integration's TLS settings, CA
 * bundle and timeout apply to token and discovery requests as they do to API calls. The response
 * body is read once, at most {@link ResponseEnvelopes#MAX_BODY_BYTES}, and kept both as text for
 * the Nimbus parsers and as a response envelope for errors.
 */
final class TokenEndpointExchange {

  private static final String CONTENT_TYPE = "Content-Type";

  private TokenEndpointExchange() {}

  /**
   * The answer of a token endpoint or discovery document.
   *
   * @param status HTTP status code
   * @param contentType the Content-Type header, if any
   * @param body the body decoded with its charset (UTF-8 by default); empty when there is none
   * @param envelope the envelope of the exchange, whose body may contain tokens until {@link
   *     TokenResponses#maskTokens} is applied
   */
  record Answer(int status, String contentType, String body, ResponseEnvelope envelope) {

    @Override
    public String toString() {
      return "Answer[status=" + status + ", contentType=" + contentType + "]";
    }
  }

  /**
   * Sends {@code request} and reads the answer.
   *
   * @param maskedQueryParameters query parameters whose values are credentials, masked in the
   *     envelope's URL
   * @throws IOException when the endpoint cannot be reached or the answer cannot be read
   */
  static Answer send(OkHttpClient client, HTTPRequest request, Set<String> maskedQueryParameters)
      throws IOException {
    try (Response response = client.newCall(toOkHttp(request)).execute()) {
      byte[] bytes = readBody(response.body());
      MediaType type = response.body() == null ? null : response.body().contentType();
      String text = new String(bytes, type == null ? UTF_8 : type.charset(UTF_8));
      Response replayable = response.newBuilder().body(ResponseBody.create(bytes, type)).build();
      ResponseEnvelope envelope = ResponseEnvelopes.fromResponse(replayable, maskedQueryParameters);
      return new Answer(response.code(), response.header(CONTENT_TYPE), text, envelope);
    }
  }

  /** Converts the Nimbus request: method, URL with query, headers and form or JSON body. */
  static Request toOkHttp(HTTPRequest request) {
    HttpUrl url = HttpUrl.get(request.getURI());
    Request.Builder builder = new Request.Builder().url(url);
    String contentType = null;
    for (Map.Entry<String, List<String>> header : request.getHeaderMap().entrySet()) {
      if (header.getKey().equalsIgnoreCase(CONTENT_TYPE)) {
        contentType = header.getValue().isEmpty() ? null : header.getValue().get(0);
        continue;
      }
      for (String value : header.getValue()) {
        builder.addHeader(header.getKey(), value);
      }
    }
    RequestBody body = null;
    if (request.getMethod() == HTTPRequest.Method.POST
        || request.getMethod() == HTTPRequest.Method.PUT) {
      String text = request.getBody() == null ? "" : request.getBody();
      body =
          RequestBody.create(
              text.getBytes(UTF_8), contentType == null ? null : MediaType.parse(contentType));
    }
    return builder.method(request.getMethod().name(), body).build();
  }

  private static byte[] readBody(ResponseBody body) throws IOException {
    if (body == null) {
      return new byte[0];
    }
    var source = body.source();
    source.request(ResponseEnvelopes.MAX_BODY_BYTES);
    var buffer = source.getBuffer();
    return buffer.readByteArray(Math.min(buffer.size(), ResponseEnvelopes.MAX_BODY_BYTES));
  }
}
