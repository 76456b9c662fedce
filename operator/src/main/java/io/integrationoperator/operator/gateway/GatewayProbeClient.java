package io.integrationoperator.operator.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.integrationoperator.api.integration.ProbeResult;
import io.integrationoperator.client.gateway.GatewayUnavailableException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Asks a gateway cluster to probe an Integration: {@code POST
 * /v1/namespaces/{ns}/integrations/{name}/probe} with body {@code {"generation": N}} to one ready
 * executor of the cluster, with the {@link GatewayToken} as Bearer credentials when it has one. The
 * gateway responds with 200 and {@code {"observedGeneration", "outcome": {"reason", "message",
 * "connected"}, "lastProbe"}}.
 *
 * <p>Every failure to get such an answer, from an empty cluster to an unreachable executor or an
 * error status, becomes a {@link GatewayUnavailableException} whose message names the cluster, and
 * the executor's address once one was picked. The connection never uses a proxy. One call is
 * bounded by the Integration's timeout plus {@link #GRACE}: the gateway itself gives up on the
 * server after the Integration's timeout and answers with reason Timeout, and the grace leaves time
 * for that answer to come back.
 */
public final class GatewayProbeClient {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final Pattern REASON = Pattern.compile("[A-Z][A-Za-z0-9]{0,63}");

  /** Maximum length of a condition message taken from a gateway, in characters. */
  static final int MAX_MESSAGE_CHARS = 1024;

  /** Maximum length of an error body quoted in a message, in characters. */
  private static final int MAX_ERROR_CHARS = 300;

  /**
   * Time the operator waits for a gateway's probe answer beyond the Integration's timeout, which
   * the gateway applies to its own call to the server (and to the proxy).
   */
  public static final Duration GRACE = Duration.ofSeconds(5);

  private final OkHttpClient http =
      new OkHttpClient.Builder().proxy(Proxy.NO_PROXY).retryOnConnectionFailure(false).build();
  private final GatewayClusters clusters;
  private final GatewayToken token;

  /**
   * @param clusters the ready executors of the gateway clusters
   * @param token the operator's bearer token, read before every request because it is rotated
   */
  public GatewayProbeClient(GatewayClusters clusters, GatewayToken token) {
    this.clusters = clusters;
    this.token = token;
  }

  /**
   * Sends one probe request to a ready executor of the cluster.
   *
   * @throws GatewayUnavailableException when the cluster has no ready executor, the executor cannot
   *     be reached in time, or it does not respond with 200 and a probe result
   */
  public GatewayProbeAnswer probe(
      String cluster, String namespace, String name, long generation, Duration timeout)
      throws GatewayUnavailableException {
    URI executor = clusters.pick(cluster);
    String where = "Gateway cluster " + cluster + " (executor " + executor + ")";
    Request.Builder request =
        new Request.Builder()
            .url(executor.resolve(path(namespace, name)).toString())
            .post(RequestBody.create("{\"generation\":" + generation + "}", JSON));
    currentToken(where, cluster).ifPresent(t -> request.header("Authorization", "Bearer " + t));
    Duration limit = timeout.plus(GRACE);
    OkHttpClient bounded = http.newBuilder().callTimeout(limit).readTimeout(limit).build();
    try (Response response = bounded.newCall(request.build()).execute()) {
      String body = readBody(response.body());
      if (response.code() == 409 && NOT_SERVED.equals(errorReason(body))) {
        // The executor's cache still has the routing before the change, which the operator's
        // caller treats like a gateway behind by a generation: wait and ask again.
        return new GatewayProbeAnswer(
            0,
            "ProbePending",
            where
                + " does not serve the Integration yet; its informer has not seen the new"
                + " status.routing.",
            false,
            null);
      }
      if (response.code() != 200) {
        throw new GatewayUnavailableException(cluster, statusMessage(where, response.code(), body));
      }
      return parse(cluster, where, body);
    } catch (InterruptedIOException e) {
      throw new GatewayUnavailableException(
          cluster,
          where
              + " did not answer the probe request within "
              + limit.toMillis()
              + "ms (the Integration's timeout of "
              + timeout.toMillis()
              + "ms plus "
              + GRACE.toMillis()
              + "ms for the gateway's answer); check the gateway executors' log and load.");
    } catch (IOException e) {
      throw new GatewayUnavailableException(
          cluster,
          where
              + " could not be reached: "
              + e.getMessage()
              + "; check that the gateway executors run and that the operator's network can"
              + " reach them.");
    }
  }

  private Optional<String> currentToken(String where, String cluster)
      throws GatewayUnavailableException {
    try {
      return token.current();
    } catch (IOException e) {
      throw new GatewayUnavailableException(
          cluster, where + " was not asked to probe because " + e.getMessage());
    }
  }

  /** Reason of the executor's 409 for an Integration whose cluster it does not serve. */
  static final String NOT_SERVED = "NotInGatewayCluster";

  static String path(String namespace, String name) {
    return "/v1/namespaces/" + namespace + "/integrations/" + name + "/probe";
  }

  private static String readBody(ResponseBody body) throws IOException {
    return body == null ? "" : body.string();
  }

  private static String statusMessage(String where, int code, String body) {
    String detail = errorDetail(body).map(d -> ": " + withoutFinalPeriod(d)).orElse("");
    String advice =
        code == 401 || code == 403
            ? "check that the operator's ClusterRole grants create on integrations/probe and that"
                + " its token has the gateway executors' audience."
            : "check the gateway executor's log.";
    return where + " answered the probe request with HTTP status " + code + detail + "; " + advice;
  }

  private static String withoutFinalPeriod(String text) {
    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }

  /** Returns the reason of an Executor API error body, or an empty string. */
  private static String errorReason(String body) {
    try {
      return mapper().readTree(body).path("reason").asText("");
    } catch (JsonProcessingException e) {
      return "";
    }
  }

  /** Returns "Reason: error" of an Executor API error body, cut, or empty when it has neither. */
  private static Optional<String> errorDetail(String body) {
    try {
      JsonNode node = mapper().readTree(body);
      String reason = node.path("reason").asText("");
      String error = node.path("error").asText("");
      String detail = reason.isEmpty() ? error : error.isEmpty() ? reason : reason + ": " + error;
      return detail.isEmpty() ? Optional.empty() : Optional.of(cut(detail, MAX_ERROR_CHARS));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  private static GatewayProbeAnswer parse(String cluster, String where, String body)
      throws GatewayUnavailableException {
    try {
      JsonNode node = mapper().readTree(body);
      JsonNode outcome = node.path("outcome");
      String reason = outcome.path("reason").asText("");
      String message = outcome.path("message").asText("");
      if (!node.path("observedGeneration").canConvertToLong()
          || !REASON.matcher(reason).matches()
          || message.isBlank()
          || !outcome.path("connected").isBoolean()) {
        throw invalidAnswer(cluster, where);
      }
      JsonNode lastProbe = node.path("lastProbe");
      return new GatewayProbeAnswer(
          node.path("observedGeneration").asLong(),
          reason,
          cut(message, MAX_MESSAGE_CHARS),
          outcome.path("connected").asBoolean(),
          lastProbe.isObject() ? mapper().treeToValue(lastProbe, ProbeResult.class) : null);
    } catch (JsonProcessingException e) {
      throw invalidAnswer(cluster, where);
    }
  }

  private static GatewayUnavailableException invalidAnswer(String cluster, String where) {
    return new GatewayUnavailableException(
        cluster,
        where
            + " answered the probe request without observedGeneration and an outcome with"
            + " reason, message and connected; check that the gateway executors run the same"
            + " version as the operator.");
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "...";
  }

  private static ObjectMapper mapper() {
    return Serialization.jsonMapper();
  }
}
