package io.integrationoperator.local.apiserver;

import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * Delivers the store's watch events as a chunked HTTP response with one JSON event per line, which
 * is how kubectl and other Go clients watch. The store writes events to a WebSocket; this class
 * plays that WebSocket.
 */
final class HttpWatchStream implements WebSocket {

  private final RecordedRequest request;
  private final HttpServerResponse response;
  private final UnaryOperator<String> filter;
  private volatile boolean closed;

  private HttpWatchStream(
      RecordedRequest request, HttpServerResponse response, UnaryOperator<String> filter) {
    this.request = request;
    this.response = response;
    this.filter = filter;
  }

  /**
   * Starts streaming.
   *
   * @param filter maps each event to the text sent, or to null to drop it
   */
  static void open(
      Vertx vertx,
      HttpServerResponse response,
      RecordedRequest request,
      MockResponse watch,
      UnaryOperator<String> filter) {
    WebSocketListener listener = watch.getWebSocketListener();
    HttpWatchStream stream = new HttpWatchStream(request, response, filter);
    response.setChunked(true);
    response.setStatusCode(200);
    response.putHeader("Content-Type", "application/json");
    response.putHeader("Transfer-Encoding", "chunked");
    // The listener waits for its sender thread when it closes, so it runs off the event loop.
    response.closeHandler(
        ignored ->
            vertx.executeBlocking(
                () -> {
                  stream.closed = true;
                  listener.onClosed(stream, 1000, "client closed the watch");
                  return null;
                },
                false));
    response.write("");
    listener.onOpen(stream, watch);
  }

  @Override
  public RecordedRequest request() {
    return request;
  }

  @Override
  public boolean send(String text) {
    if (closed) {
      return false;
    }
    String filtered = filter.apply(text);
    if (filtered != null) {
      response.write(filtered + "\n", StandardCharsets.UTF_8.name());
    }
    return true;
  }

  @Override
  public boolean send(byte[] bytes) {
    return send(new String(bytes, StandardCharsets.UTF_8));
  }

  @Override
  public boolean close(int code, String reason) {
    if (!closed) {
      closed = true;
      if (!response.ended() && !response.closed()) {
        response.end();
      }
    }
    return true;
  }
}
