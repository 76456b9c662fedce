package io.integrationoperator.executor.calls;

import com.fasterxml.jackson.databind.JsonNode;
import io.integrationoperator.api.integration.Integration;
import io.integrationoperator.api.integration.Probe;
import io.integrationoperator.client.catalog.Task;
import io.integrationoperator.client.probe.ProbeReport;
import io.integrationoperator.executor.integrations.CallTarget;
import io.integrationoperator.executor.server.ApiError;
import io.integrationoperator.executor.server.JsonResponses;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads the operator's probe request and builds the probe endpoint's answer. */
final class ProbeRequest {
  private ProbeRequest() {}

  /**
   * Reads the generation from {@code {"generation": N}}.
   *
   * @throws ApiError 400 when the body is not such an object
   */
  static long generation(byte[] body) throws ApiError {
    JsonNode generation;
    try {
      JsonNode request = JsonResponses.JSON.readTree(body);
      generation = request == null ? null : request.get("generation");
    } catch (IOException e) {
      generation = null;
    }
    if (generation == null || !generation.canConvertToLong() || generation.asLong() < 0) {
      throw new ApiError(
          400,
          "InvalidInput",
          "The probe request must be a JSON object {\"generation\": N} with the Integration's"
              + " metadata.generation.");
    }
    return generation.asLong();
  }

  /** Returns the task that spec.probe.task names, or empty when the probe calls no task. */
  static Optional<Task> task(CallTarget target) {
    Probe probe = target.integration().getSpec().getProbe();
    if (probe == null || probe.getTask() == null) {
      return Optional.empty();
    }
    return target.catalog().task(probe.getTask());
  }

  /** Reason of the answer to a probe of a generation this executor has not seen yet. */
  static final String PROBE_PENDING = "ProbePending";

  /**
   * Builds the answer to a probe of a generation newer than the executor's: no probe runs, and
   * {@code observedGeneration} tells the operator that the answer is for an older generation.
   */
  static Map<String, Object> pending(String integration, long routed, long generation) {
    Map<String, Object> outcome = new LinkedHashMap<>();
    outcome.put("reason", PROBE_PENDING);
    outcome.put(
        "message",
        "The gateway executor has the routing of generation "
            + routed
            + " of Integration "
            + integration
            + ", older than the probed generation "
            + generation
            + "; probe again once its watch has caught up.");
    outcome.put("connected", false);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("observedGeneration", routed);
    answer.put("outcome", outcome);
    answer.put("lastProbe", null);
    return answer;
  }

  /** Builds {@code {"observedGeneration", "outcome": {...}, "lastProbe": {...}}}. */
  static Map<String, Object> answer(Integration integration, ProbeReport report) {
    Map<String, Object> outcome = new LinkedHashMap<>();
    outcome.put("reason", report.outcome().reason());
    outcome.put("message", report.outcome().message());
    outcome.put("connected", report.outcome().connected());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put(
        "observedGeneration",
        Optional.ofNullable(integration.getMetadata().getGeneration()).orElse(0L));
    answer.put("outcome", outcome);
    answer.put("lastProbe", report.lastProbe());
    return answer;
  }
}
