package io.integrationoperator.executor.calls;

import com.fasterxml.jackson.databind.JsonNode;
import io.integrationoperator.api.envelope.ResponseEnvelope;
import io.integrationoperator.client.catalog.Task;
import io.integrationoperator.client.connection.CallFailure;
import io.integrationoperator.client.connection.CallResult;
import io.integrationoperator.client.connection.CredentialRedaction;
import io.integrationoperator.client.connection.IntegrationClient;
import io.integrationoperator.client.envelope.UrlRedaction;
import io.integrationoperator.client.http.HttpClientFactory;
import io.integrationoperator.client.request.InvalidTaskInputException;
import io.integrationoperator.client.request.TaskInput;
import io.integrationoperator.client.request.TaskRequestBuilder;
import io.integrationoperator.client.token.TokenCaches;
import io.integrationoperator.executor.authorization.Caller;
import io.integrationoperator.executor.authorization.CallerAuthorizer;
import io.integrationoperator.executor.authorization.TaskAccess;
import io.integrationoperator.executor.integrations.CallTarget;
import io.integrationoperator.executor.integrations.CallTargets;
import io.integrationoperator.executor.logging.CallDetails;
import io.integrationoperator.executor.server.ApiError;
import io.integrationoperator.executor.server.JsonResponses;
import io.integrationoperator.executor.server.TaskApi;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import okhttp3.Headers;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;

/**
 * Lists and calls tasks: authorizes the caller, resolves the Integration and task, builds the
 * request from the caller's input, sends it with the Integration's settings and maps the result.
 *
 * <p>The caller's token is authenticated before anything is looked up. Lookups that fail (an
 * unknown Integration or task, an Integration that is not ready) are reported only to callers that
 * may read the Integration, so that others cannot probe which Integrations exist. The caller's
 * Authorization header is used only for the reviews; it is never sent upstream.
 */
public final class TaskCalls implements TaskApi {
  private final Optional<CallerAuthorizer> authorizer;
  private final CallTargets targets;
  private final HttpClientFactory clients;
  private final TokenCaches tokens;
  private final long maxResponseBodyBytes;
  private final CallObserver observer;

  /**
   * @param authorizer checks callers; empty turns caller authorization off
   * @param tokens token caches that share requested tokens through the {@code <name>-token} Secrets
   * @param maxResponseBodyBytes longest response body returned; longer ones give 502
   */
  public TaskCalls(
      Optional<CallerAuthorizer> authorizer,
      CallTargets targets,
      HttpClientFactory clients,
      TokenCaches tokens,
      long maxResponseBodyBytes,
      CallObserver observer) {
    this.authorizer = authorizer;
    this.targets = targets;
    this.clients = clients;
    this.tokens = tokens;
    this.maxResponseBodyBytes = maxResponseBodyBytes;
    this.observer = observer;
  }

  @Override
  public Object listTasks(String namespace, String integration, Optional<String> authorization)
      throws ApiError {
    Optional<Caller> caller = authenticate(namespace, integration, authorization);
    authorize(caller, TaskAccess.list(namespace, integration));
    CallTarget target = targets.resolve(namespace, integration);
    return TaskListing.of(namespace, integration, target.catalog());
  }

  @Override
  public Answer callTask(
      String namespace,
      String integration,
      String taskName,
      Optional<String> authorization,
      byte[] body) {
    long startNanos = System.nanoTime();
    try {
      Optional<Caller> caller = authenticate(namespace, integration, authorization);
      CallTarget target = resolve(caller, namespace, integration);
      Task task = task(caller, target, taskName);
      authorize(caller, TaskAccess.call(namespace, integration, task.method()));
      TaskInput input = TaskInputs.parse(body);
      Request request = request(task, target, input);
      return send(target, task, request);
    } catch (ApiError e) {
      if (e.status() != 401 && e.status() != 403) {
        observer.callRejected(
            namespace,
            integration,
            taskName,
            e.status(),
            e.reason(),
            Duration.ofNanos(System.nanoTime() - startNanos));
      }
      return new Answer(e.status(), JsonResponses.errorBody(e));
    }
  }

  private Answer send(CallTarget target, Task task, Request request) {
    CallResult result =
        new IntegrationClient(target.settings(), clients, tokens, maxResponseBodyBytes)
            .send(request);
    String url =
        result.envelope().map(e -> e.getUrl()).orElse(UrlRedaction.redact(request.url(), Set.of()));
    int status = result.envelope().map(e -> e.getStatus()).orElse(0);
    observer.callCompleted(
        target.integration().getMetadata().getNamespace(),
        target.integration().getMetadata().getName(),
        task.name(),
        request.method(),
        url,
        CallAnswers.outcome(result),
        status,
        result.duration());
    CredentialRedaction redaction = CredentialRedaction.of(target.settings().credentials());
    reportDetails(target, task, request, url, result, redaction);
    return CallAnswers.answer(result, redaction);
  }

  /**
   * Reports headers and bodies when the Integration's logger wants them. A failed token or key
   * request is left out, because its exchange carries credentials.
   */
  private void reportDetails(
      CallTarget target,
      Task task,
      Request request,
      String url,
      CallResult result,
      CredentialRedaction redaction) {
    String namespace = target.integration().getMetadata().getNamespace();
    String name = target.integration().getMetadata().getName();
    boolean tokenFailure = result.failure().orElse(null) == CallFailure.TokenRequestFailed;
    if (tokenFailure || !observer.wantsDetails(namespace, name)) {
      return;
    }
    Optional<ResponseEnvelope> envelope = result.envelope();
    CallDetails details =
        new CallDetails(
            request.method(),
            url,
            headers(request),
            bodyText(request.body()),
            envelope.map(ResponseEnvelope::getStatus).orElse(0),
            envelope.map(ResponseEnvelope::getHeaders).orElse(Map.of()),
            envelope.map(ResponseEnvelope::getBody).map(TaskCalls::text).orElse(null));
    observer.callDetails(namespace, name, task.name(), details, redaction);
  }

  /**
   * Returns the headers the task's inputs set, with the body's Content-Type. Authentication adds
   * its credentials after this point, so they are not among them.
   */
  private static Map<String, String> headers(Request request) {
    Headers headers = request.headers();
    Map<String, String> result = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers
        .names()
        .forEach(header -> result.put(header, String.join(", ", headers.values(header))));
    if (request.body() != null && request.body().contentType() != null) {
      result.putIfAbsent("Content-Type", request.body().contentType().toString());
    }
    return result;
  }

  private static String bodyText(RequestBody body) {
    if (body == null) {
      return null;
    }
    try (Buffer buffer = new Buffer()) {
      body.writeTo(buffer);
      return buffer.readUtf8();
    } catch (IOException e) {
      return "(body not readable: " + e.getClass().getSimpleName() + ")";
    }
  }

  private static String text(JsonNode body) {
    return body.isTextual() ? body.asText() : body.toString();
  }

  private static Request request(Task task, CallTarget target, TaskInput input) throws ApiError {
    try {
      return TaskRequestBuilder.build(task, target.settings().baseUrl(), input);
    } catch (InvalidTaskInputException e) {
      throw new ApiError(400, e.reason(), e.getMessage());
    } catch (IllegalArgumentException e) {
      // OkHttp rejects header names and values with characters HTTP does not allow.
      throw new ApiError(
          400,
          "InvalidHeader",
          "A header of the request is invalid: " + e.getMessage() + "; correct headers.");
    }
  }

  private Optional<Caller> authenticate(
      String namespace, String integration, Optional<String> authorization) throws ApiError {
    if (authorizer.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(authorizer.get().authenticate(authorization));
    } catch (ApiError e) {
      reportDenial(namespace, integration, e);
      throw e;
    }
  }

  private void authorize(Optional<Caller> caller, TaskAccess access) throws ApiError {
    if (authorizer.isEmpty() || caller.isEmpty()) {
      return;
    }
    try {
      authorizer.get().authorize(caller.get(), access);
    } catch (ApiError e) {
      reportDenial(access.namespace(), access.integration(), e);
      throw e;
    }
  }

  /** Reports 401 and 403 responses; a review that could not be made (503) is no denial. */
  private void reportDenial(String namespace, String integration, ApiError error) {
    if (error.status() == 401 || error.status() == 403) {
      observer.authorizationDenied(namespace, integration, error.reason());
    }
  }

  /** Resolves the Integration; a failure is shown only to callers that may read it. */
  private CallTarget resolve(Optional<Caller> caller, String namespace, String integration)
      throws ApiError {
    try {
      return targets.resolve(namespace, integration);
    } catch (ApiError e) {
      authorize(caller, TaskAccess.list(namespace, integration));
      throw e;
    }
  }

  private Task task(Optional<Caller> caller, CallTarget target, String taskName) throws ApiError {
    Optional<Task> task = target.catalog().task(taskName);
    if (task.isPresent()) {
      return task.get();
    }
    String namespace = target.integration().getMetadata().getNamespace();
    String integration = target.integration().getMetadata().getName();
    authorize(caller, TaskAccess.list(namespace, integration));
    throw new ApiError(
        404,
        "TaskNotFound",
        "The model of Integration "
            + integration
            + " has no task "
            + taskName
            + "; list the tasks with GET /v1/namespaces/"
            + namespace
            + "/integrations/"
            + integration
            + "/tasks.");
  }
}
