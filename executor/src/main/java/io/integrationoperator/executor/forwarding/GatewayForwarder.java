package io.integrationoperator.executor.forwarding;

import io.integrationoperator.client.gateway.GatewayEndpoints;
import io.integrationoperator.client.gateway.GatewayUnavailableException;
import io.integrationoperator.executor.metrics.ForwardOutcome;
import io.integrationoperator.executor.server.ApiError;
import io.integrationoperator.executor.server.ForwardedCall;
import io.integrationoperator.executor.server.JsonResponses;
import io.integrationoperator.executor.server.RelayedBody;
import io.integrationoperator.executor.server.TaskApi;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Forwards task calls from a sidecar to an executor of the Integration's gateway cluster. The
 * request goes to a ready executor's address as {@link GatewayEndpoints} finds it, on the same path
 * and with the same body, with the caller's Authorization header unchanged (the gateway executor
 * reviews the token itself) and the {@link ForwardedCall} headers. The answer is relayed unchanged.
 *
 * <p>The whole forwarded call is bounded by the time left of the Integration's timeout. A cluster
 * without a ready executor gives 503, an executor that cannot be reached 502 and a timeout 504; a
 * call is never retried on another cluster or run directly instead.
 */
public final class GatewayForwarder implements AutoCloseable {
  /** Idle connections are closed before the JDK server's idle limit of 30 seconds. */
  private static final Duration KEEP_ALIVE = Duration.ofSeconds(20);

  private static final MediaType JSON = MediaType.get("application/json");

  private final GatewayEndpoints endpoints;
  private final String from;
  private final OkHttpClient client;

  /**
   * @param endpoints the watched gateway clusters
   * @param from value of the forwarded header: this executor's gateway cluster, or {@code sidecar}
   */
  public GatewayForwarder(GatewayEndpoints endpoints, String from) {
    this.endpoints = endpoints;
    this.from = from;
    // No retry: a POST that reached the gateway executor must not run twice.
    this.client =
        new OkHttpClient.Builder()
            .retryOnConnectionFailure(false)
            .followRedirects(false)
            .readTimeout(Duration.ZERO)
            .writeTimeout(Duration.ZERO)
            .connectionPool(new ConnectionPool(5, KEEP_ALIVE.toSeconds(), TimeUnit.SECONDS))
            .build();
  }

  /** Returns true once the gateway clusters' Services and EndpointSlices are listed. */
  public boolean synced() {
    return endpoints.synced();
  }

  /**
   * Forwards one call.
   *
   * @param cluster the Integration's gateway cluster
   * @param pathSegments the decoded segments of the Executor API path, for example {@code v1,
   *     namespaces, shop, integrations, pets, tasks, getPet}
   * @param authorization the caller's Authorization header, sent unchanged
   * @param remaining time left of the Integration's timeout
   */
  public ForwardResult forward(
      String cluster,
      List<String> pathSegments,
      Optional<String> authorization,
      byte[] body,
      Duration remaining) {
    URI executor;
    try {
      executor = endpoints.pick(cluster);
    } catch (GatewayUnavailableException e) {
      return failure(
          503, "GatewayUnavailable", e.getMessage(), ForwardOutcome.NO_READY_EXECUTOR, "");
    }
    String address = executor.getHost() + ":" + executor.getPort();
    if (remaining.isNegative() || remaining.isZero()) {
      return timeout(cluster, address);
    }
    Request request = request(executor, pathSegments, authorization, body, remaining);
    OkHttpClient bounded = client.newBuilder().callTimeout(remaining).build();
    try (Response response = bounded.newCall(request).execute()) {
      String type = response.header("Content-Type", "application/json");
      byte[] bytes = response.body().bytes();
      return new ForwardResult(
          new TaskApi.Answer(response.code(), new RelayedBody(type, bytes)),
          ForwardOutcome.ANSWERED,
          address);
    } catch (InterruptedIOException e) {
      if (e instanceof SocketTimeoutException) {
        return unreachable(cluster, address, "the connection timed out");
      }
      return timeout(cluster, address);
    } catch (IOException e) {
      return unreachable(cluster, address, e.getMessage());
    }
  }

  private Request request(
      URI executor,
      List<String> pathSegments,
      Optional<String> authorization,
      byte[] body,
      Duration remaining) {
    HttpUrl.Builder url =
        new HttpUrl.Builder().scheme("http").host(executor.getHost()).port(executor.getPort());
    pathSegments.forEach(url::addPathSegment);
    Request.Builder request =
        new Request.Builder()
            .url(url.build())
            .post(RequestBody.create(body, JSON))
            .header(ForwardedCall.FORWARDED_HEADER, from)
            .header(ForwardedCall.DEADLINE_HEADER, Long.toString(remaining.toMillis()));
    authorization.ifPresent(value -> request.header("Authorization", value));
    return request.build();
  }

  private static ForwardResult unreachable(String cluster, String address, String cause) {
    return failure(
        502,
        "GatewayUnavailable",
        "Executor "
            + address
            + " of gateway cluster "
            + cluster
            + " could not be reached ("
            + cause
            + "); check the gateway executors' pods and the network between the namespaces.",
        ForwardOutcome.UNREACHABLE,
        address);
  }

  private static ForwardResult timeout(String cluster, String address) {
    return failure(
        504,
        "Timeout",
        "Executor "
            + address
            + " of gateway cluster "
            + cluster
            + " did not answer within the Integration's timeout, which covers the forwarded call"
            + " as a whole; raise spec.timeout or check the server's latency.",
        ForwardOutcome.TIMEOUT,
        address);
  }

  private static ForwardResult failure(
      int status, String reason, String message, ForwardOutcome outcome, String address) {
    ApiError error = new ApiError(status, reason, message);
    return new ForwardResult(
        new TaskApi.Answer(status, JsonResponses.errorBody(error)), outcome, address);
  }

  @Override
  public void close() {
    endpoints.close();
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
