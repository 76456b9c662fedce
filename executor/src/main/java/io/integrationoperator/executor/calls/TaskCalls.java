package io.integrationoperator.executor.calls;

import com.fasterxml.jackson.databind.JsonNode;
import io.integrationoperator.api.envelope.ResponseEnvelope;
import io.integrationoperator.client.catalog.Task;
import io.integrationoperator.client.connection.CallFailure;
import io.integrationoperator.client.connection.CallResult;
import io.integrationoperator.client.connection.ConnectionSettings;
import io.integrationoperator.client.connection.CredentialRedaction;
import io.integrationoperator.client.connection.IntegrationClient;
import io.integrationoperator.client.envelope.UrlRedaction;
import io.integrationoperator.client.http.HttpClientFactory;
import io.integrationoperator.client.probe.ProbeReport;
import io.integrationoperator.client.request.InvalidTaskInputException;
import io.integrationoperator.client.request.TaskInput;
import io.integrationoperator.client.request.TaskRequestBuilder;
import io.integrationoperator.client.token.TokenCaches;
import io.integrationoperator.executor.authorization.Caller;
import io.integrationoperator.executor.authorization.CallerAuthorizer;
import io.integrationoperator.executor.authorization.TaskAccess;
import io.integrationoperator.executor.forwarding.ForwardResult;
import io.integrationoperator.executor.forwarding.GatewayForwarder;
import io.integrationoperator.executor.integrations.CallTarget;
import io.integrationoperator.executor.integrations.CallTargets;
import io.integrationoperator.executor.integrations.Route;
import io.integrationoperator.executor.logging.CallDetails;
import io.integrationoperator.executor.server.ApiError;
import io.integrationoperator.executor.server.ForwardedCall;
import io.integrationoperator.executor.server.JsonResponses;
import io.integrationoperator.executor.server.TaskApi;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import okhttp3.Headers;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists and calls tasks: authorizes the caller, resolves the Integration and task, builds the
 * request from the caller's input, sends it with the Integration's settings and maps the result.
 *
 * <p>The caller's token is authenticated before anything is looked up. Lookups that fail (an
 * unknown Integration or task, an Integration that is not ready) are reported only to callers that
 * may read the Integration, so that others cannot probe which Integrations exist. The caller's
 * Authorization header is used for the reviews and is never sent to an external server. For an
 * Integration routed to a gateway cluster, it is sent unchanged to the gateway executor, which
 * reviews it again.
 *
 * <p>Gateway executors also run probes for the operator (see {@link #probe}).
 */
public final class TaskCalls implements TaskApi {
  private static final Logger LOG = LoggerFactory.getLogger(TaskCalls.class);

  private final Optional<CallerAuthorizer> authorizer;
  private final CallTargets targets;
  private final HttpClientFactory clients;
  private final TokenCaches tokens;
  private final long maxResponseBodyBytes;
  private final CallObserver observer;
  private final Optional<GatewayForwarder> forwarder;

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
    this(authorizer, targets, clients, tokens, maxResponseBodyBytes, observer, Optional.empty());
  }

  /**
   * @param forwarder forwards calls of Integrations routed to a gateway cluster; a sidecar has one
   */
  public TaskCalls(
      Optional<CallerAuthorizer> authorizer,
      CallTargets targets,
      HttpClientFactory clients,
      TokenCaches tokens,
      long maxResponseBodyBytes,
      CallObserver observer,
      Optional<GatewayForwarder> forwarder) {
    this.authorizer = authorizer;
    this.targets = targets;
    this.clients = clients;
    this.tokens = tokens;
    this.maxResponseBodyBytes = maxResponseBodyBytes;
    this.observer = observer;
    this.forwarder = forwarder;
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
      byte[] body,
      Optional<ForwardedCall> forwarded) {
    long startNanos = System.nanoTime();
    try {
      Optional<Caller> caller = authenticate(namespace, integration, authorization);
      CallTarget target = resolve(caller, namespace, integration, forwarded.isPresent());
      Task task = task(caller, target, taskName);
      authorize(caller, TaskAccess.call(namespace, integration, task.method()));
      if (target.route() instanceof Route.Forward forward) {
        return forward(target, task, forward, authorization, body, startNanos);
      }
      ConnectionSettings settings =
          withDeadline(((Route.Execute) target.route()).settings(), forwarded);
      TaskInput input = TaskInputs.parse(body);
      Request request = request(task, settings, input);
      return send(target, settings, task, request);
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

  @Override
  public Answer probe(
      String namespace, String integration, Optional<String> authorization, byte[] body) {
    try {
      Optional<Caller> caller = authenticate(namespace, integration, authorization);
      authorize(caller, TaskAccess.probe(namespace, integration));
      long generation = ProbeRequest.generation(body);
      // Serving comes first, so that an executor of another cluster never answers ProbePending.
      // Right after spec.gateway.cluster changes, the cached routing can still name the old
      // cluster; the operator treats that 409 like a gateway behind by a generation and asks again.
      targets.requireServed(namespace, integration);
      long routed = targets.routedGeneration(namespace, integration);
      if (routed < generation) {
        // The watch has not delivered the operator's latest status.routing yet.
        return new Answer(200, ProbeRequest.pending(integration, routed, generation));
      }
      CallTarget target = targets.resolveForProbe(namespace, integration);
      ConnectionSettings settings = ((Route.Execute) target.route()).settings();
      ProbeReport report = ProbeReport.run(settings, ProbeRequest.task(target), clients, tokens);
      LOG.debug(
          "Probed Integration {}/{} for the operator: {}",
          namespace,
          integration,
          report.outcome().reason());
      return new Answer(200, ProbeRequest.answer(target.integration(), report));
    } catch (ApiError e) {
      return new Answer(e.status(), JsonResponses.errorBody(e));
    }
  }

  /** Forwards the call to the gateway cluster within the time left of the Integration's timeout. */
  private Answer forward(
      CallTarget target,
      Task task,
      Route.Forward forward,
      Optional<String> authorization,
      byte[] body,
      long startNanos)
      throws ApiError {
    if (forwarder.isEmpty()) {
      throw new ApiError(
          500, "InternalError", "This executor cannot forward calls; see the executor's log.");
    }
    String namespace = target.integration().getMetadata().getNamespace();
    String name = target.integration().getMetadata().getName();
    Duration remaining = forward.timeout().minusNanos(System.nanoTime() - startNanos);
    List<String> path =
        List.of("v1", "namespaces", namespace, "integrations", name, "tasks", task.name());
    ForwardResult result =
        forwarder.get().forward(forward.cluster(), path, authorization, body, remaining);
    observer.callForwarded(
        namespace,
        name,
        task.name(),
        forward.cluster(),
        result.executor(),
        result.outcome(),
        result.answer().status(),
        Duration.ofNanos(System.nanoTime() - startNanos));
    return result.answer();
  }

  /**
   * Shortens the call's timeout to the deadline a forwarding sidecar sent, so that the forwarded
   * call ends within the Integration's timeout as a whole.
   */
  private static ConnectionSettings withDeadline(
      ConnectionSettings settings, Optional<ForwardedCall> forwarded) throws ApiError {
    Optional<Duration> deadline = forwarded.flatMap(ForwardedCall::deadline);
    if (deadline.isEmpty() || deadline.get().compareTo(settings.timeout()) >= 0) {
      return settings;
    }
    if (deadline.get().isZero()) {
      throw new ApiError(
          504,
          "Timeout",
          "The forwarded call arrived after the Integration's timeout had passed; raise"
              + " spec.timeout.");
    }
    return new ConnectionSettings(
        settings.id(),
        settings.baseUrl(),
        settings.spec(),
        settings.scheme(),
        settings.credentials(),
        settings.caBundlePem(),
        deadline.get(),
        settings.proxy());
  }

  private Answer send(CallTarget target, ConnectionSettings settings, Task task, Request request) {
    CallResult result =
        new IntegrationClient(settings, clients, tokens, maxResponseBodyBytes).send(request);
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
    CredentialRedaction redaction = CredentialRedaction.of(settings.credentials());
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

  private static Request request(Task task, ConnectionSettings settings, TaskInput input)
      throws ApiError {
    try {
      return TaskRequestBuilder.build(task, settings.baseUrl(), input);
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
  private CallTarget resolve(
      Optional<Caller> caller, String namespace, String integration, boolean forwarded)
      throws ApiError {
    try {
      return targets.resolve(namespace, integration, forwarded);
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
