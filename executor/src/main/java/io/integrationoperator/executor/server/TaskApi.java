package io.integrationoperator.executor.server;

import java.util.Optional;

/** The operations behind the executor's task endpoints. */
public interface TaskApi {

  /**
   * Lists the callable tasks of an Integration.
   *
   * @param authorization the caller's Authorization header, if sent
   * @return the JSON answer with status 200
   * @throws ApiError when the caller is not allowed or the Integration cannot be used
   */
  Object listTasks(String namespace, String integration, Optional<String> authorization)
      throws ApiError;

  /**
   * Calls a task.
   *
   * @param body the raw request body, at most {@link ExecutorServer#MAX_REQUEST_BODY_BYTES}
   * @return the status and JSON body of the answer: 200 with the response envelope when a server
   *     answered, otherwise an error status with {@code {"error", "reason"}}
   */
  default Answer callTask(
      String namespace,
      String integration,
      String task,
      Optional<String> authorization,
      byte[] body) {
    return callTask(namespace, integration, task, authorization, body, Optional.empty());
  }

  /**
   * Calls a task that a sidecar may have forwarded.
   *
   * @param forwarded the forwarding headers; empty for a call that no executor forwarded
   * @return as {@link #callTask(String, String, String, Optional, byte[])}; a forwarded answer may
   *     carry a {@link RelayedBody}
   */
  Answer callTask(
      String namespace,
      String integration,
      String task,
      Optional<String> authorization,
      byte[] body,
      Optional<ForwardedCall> forwarded);

  /**
   * Probes an Integration of a gateway cluster this executor serves, for the operator.
   *
   * @param body {@code {"generation": N}}, the generation the operator reconciles
   * @return 200 with {@code {"observedGeneration", "outcome", "lastProbe"}}, or an error
   */
  Answer probe(String namespace, String integration, Optional<String> authorization, byte[] body);

  /** Status and JSON body of an answer. */
  record Answer(int status, Object body) {}
}
