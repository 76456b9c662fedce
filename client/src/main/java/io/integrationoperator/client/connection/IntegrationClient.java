package io.integrationoperator.client.connection;

import io.integrationoperator.api.envelope.ResponseEnvelope;
import io.integrationoperator.api.integration.Probe;
import io.integrationoperator.api.integration.Tls;
import io.integrationoperator.client.auth.Authenticators;
import io.integrationoperator.client.auth.RequestAuthenticationException;
import io.integrationoperator.client.auth.RequestAuthenticator;
import io.integrationoperator.client.catalog.Task;
import io.integrationoperator.client.catalog.TaskParameter;
import io.integrationoperator.client.envelope.ResponseEnvelopes;
import io.integrationoperator.client.envelope.ResponseTooLargeException;
import io.integrationoperator.client.envelope.UrlRedaction;
import io.integrationoperator.client.http.HttpClientFactory;
import io.integrationoperator.client.http.ProxySettings;
import io.integrationoperator.client.token.TokenCaches;
import io.integrationoperator.client.token.TokenRequestException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls one Integration's server with its TLS, timeout and authentication settings applied.
 * Instances are cheap to create and hold no connections of their own beyond a shared pool.
 */
public final class IntegrationClient {

  private static final Logger LOG = LoggerFactory.getLogger(IntegrationClient.class);

  /** Methods for which OkHttp requires a request body. A probe sends an empty one. */
  private static final Set<String> METHODS_WITH_BODY = Set.of("POST", "PUT", "PATCH");

  private final ConnectionSettings settings;
  private final HttpClientFactory clients;
  private final TokenCaches tokens;
  private final Optional<Long> maxBodyBytes;

  public IntegrationClient(ConnectionSettings settings) {
    this(settings, HttpClientFactory.shared());
  }

  /** Creates a client that takes its OkHttp clients from {@code clients}. */
  public IntegrationClient(ConnectionSettings settings, HttpClientFactory clients) {
    this(settings, clients, TokenCaches.shared());
  }

  /**
   * Creates a client that takes its OkHttp clients from {@code clients} and keeps requested tokens
   * in {@code tokens}.
   */
  public IntegrationClient(
      ConnectionSettings settings, HttpClientFactory clients, TokenCaches tokens) {
    this.settings = settings;
    this.clients = clients;
    this.tokens = tokens;
    this.maxBodyBytes = Optional.empty();
  }

  /**
   * Creates a client as {@link #IntegrationClient(ConnectionSettings, HttpClientFactory,
   * TokenCaches)} does whose calls fail with {@link CallFailure#ResponseTooLarge} when a response
   * body is longer than {@code maxBodyBytes}, where the other constructors truncate the body into
   * the envelope.
   */
  public IntegrationClient(
      ConnectionSettings settings,
      HttpClientFactory clients,
      TokenCaches tokens,
      long maxBodyBytes) {
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxBodyBytes must be positive, not " + maxBodyBytes);
    }
    this.settings = settings;
    this.clients = clients;
    this.tokens = tokens;
    this.maxBodyBytes = Optional.of(maxBodyBytes);
  }

  /**
   * Checks connectivity the way spec.probe says: GET the probe path, call the probe task (which
   * must need no parameters), or, with neither set, GET the base URL. Any HTTP answer yields an
   * envelope; a non-2xx answer is a result with an envelope and no failure.
   *
   * <p>This form cannot call a probe task because the task comes from the model: with
   * spec.probe.task set it returns an InvalidRequest result. Use {@link #probe(Optional)}.
   */
  public CallResult probe() {
    return probe(Optional.empty());
  }

  /**
   * Checks connectivity as {@link #probe()} does, calling {@code task} when present. The caller
   * looks up spec.probe.task in the model's task catalog and passes the result, so an empty {@code
   * task} with spec.probe.task set means the model has no such task and gives an InvalidRequest
   * result. A task with required parameters or a required request body also gives InvalidRequest,
   * naming them. Optional parameters are left out, and POST, PUT and PATCH tasks are sent with an
   * empty body.
   */
  public CallResult probe(Optional<Task> task) {
    Instant started = Instant.now();
    long startNanos = System.nanoTime();
    try {
      Request request = probeRequest(task);
      return send(request, started, startNanos);
    } catch (InvalidSettingsException e) {
      return invalid(started, startNanos, e);
    }
  }

  /**
   * Sends {@code request} with the settings' authentication, TLS and timeout applied, and returns
   * the envelope of the response, whatever its status. The request's URL should lie below the base
   * URL; this method does not check that. When the authentication uses a requested token and the
   * API answers 401, the token is dropped and the request is sent once more with a new one, so its
   * body must be replayable. When the token request fails, the result carries that exchange's
   * envelope and the failure TokenRequestFailed.
   */
  public CallResult send(Request request) {
    return send(request, Instant.now(), System.nanoTime());
  }

  private CallResult send(Request request, Instant started, long startNanos) {
    RequestAuthenticator authenticator;
    OkHttpClient client;
    try {
      authenticator = Authenticators.forSettings(settings, tokens, clients);
      client = clients.clientFor(settings);
    } catch (InvalidSettingsException e) {
      return invalid(started, startNanos, e);
    }
    Set<String> masked = authenticator.credentialQueryParameters();
    String loggedUrl = UrlRedaction.redact(request.url(), masked);
    try {
      Request authenticated = authenticator.authenticate(request);
      try (Response response = client.newCall(authenticated).execute()) {
        if (response.code() == 401 && authenticator.retryAfterUnauthorized()) {
          LOG.debug(
              "{} {} returned 401; retrying once with a new token", request.method(), loggedUrl);
        } else {
          return answered(request, response, masked, loggedUrl, started, startNanos);
        }
      }
      // The API rejected the token: the authenticator dropped it, so this requests a new one.
      Request retried = authenticator.authenticate(request);
      try (Response response = client.newCall(retried).execute()) {
        return answered(request, response, masked, loggedUrl, started, startNanos);
      }
    } catch (RequestAuthenticationException e) {
      return invalid(started, startNanos, new InvalidSettingsException(e.getMessage(), e));
    } catch (TokenRequestException e) {
      LOG.debug("{} {} not sent: {}", request.method(), loggedUrl, e.getMessage());
      String error = CallFailures.redact(e.getMessage(), settings.credentials());
      // A proxy failure of the token request is the same failure the call itself would meet.
      CallFailure failure =
          proxy()
              .flatMap(proxy -> CallFailures.proxyFailure(e, proxy.url()))
              .map(CallFailures.Classified::failure)
              .orElse(CallFailure.TokenRequestFailed);
      return new CallResult(
          started, elapsed(startNanos), e.envelope(), Optional.of(failure), Optional.of(error));
    } catch (ResponseTooLargeException e) {
      String error =
          "The response of "
              + request.method()
              + " "
              + loggedUrl
              + " has a body longer than the limit of "
              + e.maxBodyBytes()
              + " bytes; request less data or raise the limit (the executor's --max-response-body-size).";
      LOG.debug("{}", error);
      return CallResult.failed(started, elapsed(startNanos), CallFailure.ResponseTooLarge, error);
    } catch (IOException e) {
      CallFailures.Classified classified =
          CallFailures.classify(
              e,
              request.url(),
              HttpClientFactory.callTimeout(settings),
              verifiedName(request.url()),
              settings.credentials(),
              proxyFor(request.url()));
      LOG.debug(
          "{} {} failed: {}: {}",
          request.method(),
          loggedUrl,
          classified.failure(),
          classified.error());
      return CallResult.failed(
          started, elapsed(startNanos), classified.failure(), classified.error());
    }
  }

  private CallResult answered(
      Request request,
      Response response,
      Set<String> masked,
      String loggedUrl,
      Instant started,
      long startNanos)
      throws IOException {
    ResponseEnvelope envelope =
        maxBodyBytes.isPresent()
            ? ResponseEnvelopes.fromResponseWithinLimit(response, masked, maxBodyBytes.get())
            : ResponseEnvelopes.fromResponse(response, masked);
    Duration duration = elapsed(startNanos);
    LOG.debug(
        "{} {} returned {} in {} ms",
        request.method(),
        loggedUrl,
        response.code(),
        duration.toMillis());
    return CallResult.answered(started, duration, envelope);
  }

  private Request probeRequest(Optional<Task> task) throws InvalidSettingsException {
    Probe probe = settings.spec() == null ? null : settings.spec().getProbe();
    if (task.isPresent()) {
      Task probeTask = task.get();
      requireNoRequiredInput(probeTask);
      return request(probeTask.method(), url(probeTask.path()));
    }
    if (probe != null && probe.getTask() != null && !probe.getTask().isBlank()) {
      throw new InvalidSettingsException(
          "the probe task '" + probe.getTask() + "' is not a task of the model");
    }
    if (probe != null && probe.getPath() != null && !probe.getPath().isBlank()) {
      return request("GET", url(probe.getPath()));
    }
    return request("GET", baseUrl());
  }

  private static void requireNoRequiredInput(Task task) throws InvalidSettingsException {
    List<String> required = new ArrayList<>();
    for (TaskParameter parameter : task.parameters()) {
      if (parameter.required()) {
        required.add(parameter.name());
      }
    }
    boolean bodyRequired =
        task.operation() != null
            && task.operation().getRequestBody() != null
            && Boolean.TRUE.equals(task.operation().getRequestBody().getRequired());
    if (bodyRequired) {
      required.add("request body");
    }
    if (!required.isEmpty()) {
      throw new InvalidSettingsException(
          "the probe task '"
              + task.name()
              + "' needs "
              + String.join(", ", required)
              + "; choose a task without required parameters or set probe.path");
    }
    if (task.path().contains("{")) {
      throw new InvalidSettingsException(
          "the probe task '"
              + task.name()
              + "' has path parameters in "
              + task.path()
              + "; choose a task without them or set probe.path");
    }
  }

  private static Request request(String method, HttpUrl url) {
    String upperCase = method.toUpperCase(Locale.ROOT);
    RequestBody body =
        METHODS_WITH_BODY.contains(upperCase) ? RequestBody.create(new byte[0]) : null;
    return new Request.Builder().url(url).method(upperCase, body).build();
  }

  private HttpUrl baseUrl() throws InvalidSettingsException {
    HttpUrl url = settings.baseUrl() == null ? null : HttpUrl.parse(settings.baseUrl());
    if (url == null) {
      throw new InvalidSettingsException(
          "the base URL '"
              + CallFailures.redact(String.valueOf(settings.baseUrl()), settings.credentials())
              + "' is not a valid http or https URL");
    }
    return url;
  }

  /** Returns the base URL followed by {@code path}, which starts with a slash. */
  private HttpUrl url(String path) throws InvalidSettingsException {
    String base = baseUrl().newBuilder().query(null).fragment(null).build().toString();
    String joined = base.replaceAll("/+$", "") + (path.startsWith("/") ? path : "/" + path);
    HttpUrl url = HttpUrl.parse(joined);
    if (url == null) {
      throw new InvalidSettingsException("the path '" + path + "' does not form a valid URL");
    }
    return url;
  }

  /** Returns the proxy that requests to {@code url} go through, if any. */
  private Optional<ProxySettings> proxyFor(HttpUrl url) {
    return proxy().filter(proxy -> proxy.proxies(url.host()));
  }

  private Optional<ProxySettings> proxy() {
    return settings.proxy() == null ? Optional.empty() : settings.proxy();
  }

  /** Returns the name the server certificate must match: tls.serverName, else the URL host. */
  private String verifiedName(HttpUrl url) {
    Tls tls = settings.spec() == null ? null : settings.spec().getTls();
    if (tls != null && tls.getServerName() != null && !tls.getServerName().isBlank()) {
      return tls.getServerName();
    }
    return url.host();
  }

  private static CallResult invalid(Instant started, long startNanos, InvalidSettingsException e) {
    LOG.debug("call not made: {}", e.getMessage());
    return CallResult.failed(
        started, elapsed(startNanos), CallFailure.InvalidRequest, e.getMessage());
  }

  private static Duration elapsed(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }
}
