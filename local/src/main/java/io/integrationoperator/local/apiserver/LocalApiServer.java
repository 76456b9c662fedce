package io.integrationoperator.local.apiserver;

import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.vertx.ServerWebSocketHandler;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Kubernetes API server of local mode: a Vert.x HTTP server on 127.0.0.1 that hands
 * every request to an {@link ApiRequestRouter}.
 *
 * <p>Watches are served both ways clients open them: over a WebSocket (the fabric8 client, and so
 * the operator) and as a chunked HTTP stream of JSON lines (kubectl).
 */
public final class LocalApiServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalApiServer.class);

  /** Loopback address the server binds to; local mode never listens on other interfaces. */
  public static final String HOST = "127.0.0.1";

  private final Vertx vertx = Vertx.vertx();
  private final ApiRequestRouter router;
  private final int requestedPort;
  private HttpServer server;

  /**
   * Creates a server.
   *
   * @param port TCP port to listen on, or 0 for a free port
   */
  public LocalApiServer(int port) {
    this.requestedPort = port;
    this.router = new ApiRequestRouter(() -> HOST + ":" + port(), Clock.systemUTC());
  }

  /**
   * Starts listening.
   *
   * @throws IllegalStateException when the port cannot be bound
   */
  public void start() {
    HttpServerOptions options = new HttpServerOptions().setHost(HOST).setPort(requestedPort);
    server = vertx.createHttpServer(options).requestHandler(this::handle);
    await(
        server.listen(),
        "Cannot listen on "
            + HOST
            + ":"
            + requestedPort
            + "; if another program uses the port, choose a free one with --api-port");
    LOG.debug("API server listening on {}", url());
  }

  /** Returns the bound port. */
  public int port() {
    return server.actualPort();
  }

  /** Returns the base URL, such as {@code http://127.0.0.1:40123}. */
  public String url() {
    return "http://" + HOST + ":" + port();
  }

  /** Returns the router, which owns the object store. */
  public ApiRequestRouter router() {
    return router;
  }

  @Override
  public void close() {
    if (server != null) {
      await(server.close(), "Cannot close the API server");
    }
    router.shutdown();
    await(vertx.close(), "Cannot stop Vert.x");
  }

  private void handle(HttpServerRequest request) {
    // A WebSocket upgrade has no body, and reading one would make the upgrade fail.
    boolean upgrade = "websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
    String contentLength = request.getHeader("Content-Length");
    boolean hasBody =
        contentLength != null
            ? !contentLength.trim().equals("0")
            : request.headers().contains("Content-Type")
                || request.headers().contains("Transfer-Encoding");
    if (upgrade || !hasBody) {
      dispatch(request, null);
      return;
    }
    request
        .body()
        .onSuccess(body -> dispatch(request, body.getBytes()))
        .onFailure(error -> request.response().setStatusCode(400).end());
  }

  private void dispatch(HttpServerRequest request, byte[] body) {
    RecordedRequest recorded =
        new RecordedRequest(
            request.version().alpnName().toUpperCase(Locale.ROOT),
            HttpMethod.fromVertx(request.method()),
            request.uri(),
            Headers.builder().addAll(request.headers()).build(),
            new Buffer(body));
    if (isWatch(request)) {
      // The store only registers a listener here, so this is quick enough for the event loop,
      // and a WebSocket upgrade has to start before the handler returns.
      respond(request, recorded, router.dispatch(recorded));
      return;
    }
    vertx
        .executeBlocking(() -> router.dispatch(recorded), false)
        .onSuccess(response -> respond(request, recorded, response))
        .onFailure(
            error -> {
              LOG.warn("Request {} {} failed", request.method(), request.uri(), error);
              request.response().setStatusCode(500).end();
            });
  }

  private static boolean isWatch(HttpServerRequest request) {
    String watch = request.getParam("watch");
    return "true".equals(watch) || "1".equals(watch);
  }

  private void respond(HttpServerRequest request, RecordedRequest recorded, MockResponse response) {
    if (response.getWebSocketListener() != null) {
      if ("websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
        request.toWebSocket().onSuccess(new ServerWebSocketHandler(recorded, response));
      } else {
        try {
          HttpWatchStream.open(
              vertx, request.response(), recorded, response, router.httpWatchFilter(recorded));
        } catch (IOException | RuntimeException e) {
          LOG.warn("Cannot start the watch {}", request.uri(), e);
          request.response().setStatusCode(500).end();
        }
      }
      return;
    }
    HttpServerResponse httpResponse = request.response();
    httpResponse.setStatusCode(response.code());
    response
        .getHeaders()
        .toMultimap()
        .forEach((name, values) -> httpResponse.headers().add(name, values));
    if (!httpResponse.headers().contains("Content-Type")) {
      httpResponse.putHeader("Content-Type", "application/json");
    }
    Buffer body = response.getBody();
    if (body != null && body.size() > 0) {
      httpResponse.end(io.vertx.core.buffer.Buffer.buffer(body.getBytes()));
    } else {
      httpResponse.end();
    }
  }

  private static <T> T await(Future<T> future, String message) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(message, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(message, e);
    }
  }
}
