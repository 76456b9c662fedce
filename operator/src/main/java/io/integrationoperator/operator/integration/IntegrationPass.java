package io.integrationoperator.operator.integration;

import static io.integrationoperator.operator.status.IntegrationConditions.CONNECTED;
import static io.integrationoperator.operator.status.IntegrationConditions.CREDENTIALS_RESOLVED;
import static io.integrationoperator.operator.status.IntegrationConditions.MODEL_RESOLVED;
import static io.integrationoperator.operator.status.IntegrationConditions.READY;
import static io.integrationoperator.operator.status.IntegrationConditions.ROLES_READY;
import static io.integrationoperator.operator.status.IntegrationConditions.SPEC_VALID;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.integrationoperator.api.integration.EffectiveRouting;
import io.integrationoperator.api.integration.Integration;
import io.integrationoperator.api.integration.IntegrationStatus;
import io.integrationoperator.api.integration.Probe;
import io.integrationoperator.api.integration.ProbeResult;
import io.integrationoperator.api.integration.ResolvedModel;
import io.integrationoperator.api.integration.TokenState;
import io.integrationoperator.api.model.IntegrationModel;
import io.integrationoperator.api.model.IntegrationModelStatus;
import io.integrationoperator.api.model.SecuritySchemeStatus;
import io.integrationoperator.client.auth.TokenMethods;
import io.integrationoperator.client.catalog.CatalogCache;
import io.integrationoperator.client.catalog.InvalidDocumentException;
import io.integrationoperator.client.catalog.SecuritySchemeInfo;
import io.integrationoperator.client.catalog.Task;
import io.integrationoperator.client.connection.CallFailure;
import io.integrationoperator.client.connection.ConnectionSettings;
import io.integrationoperator.client.connection.CredentialKeys;
import io.integrationoperator.client.connection.IntegrationId;
import io.integrationoperator.client.gateway.GatewayUnavailableException;
import io.integrationoperator.client.http.HttpClientFactory;
import io.integrationoperator.client.oauth2.AuthorizationRequests;
import io.integrationoperator.client.token.TokenCaches;
import io.integrationoperator.operator.GeneratedObjects;
import io.integrationoperator.operator.OperatorSettings;
import io.integrationoperator.operator.credentials.CredentialRequirement;
import io.integrationoperator.operator.credentials.CredentialRequirements;
import io.integrationoperator.operator.credentials.CredentialResolver;
import io.integrationoperator.operator.credentials.DefaultProxySecret;
import io.integrationoperator.operator.credentials.ProjectedSecret;
import io.integrationoperator.operator.credentials.ResolvedCredentials;
import io.integrationoperator.operator.credentials.TokenSecret;
import io.integrationoperator.operator.gateway.DefaultProxy;
import io.integrationoperator.operator.gateway.EffectiveRoutings;
import io.integrationoperator.operator.gateway.GatewayProbeAnswer;
import io.integrationoperator.operator.gateway.GatewayProbeClient;
import io.integrationoperator.operator.gateway.Routing;
import io.integrationoperator.operator.model.DocumentReader;
import io.integrationoperator.operator.model.DocumentText;
import io.integrationoperator.operator.rbac.IntegrationRoles;
import io.integrationoperator.operator.rbac.RoleUpdater;
import io.integrationoperator.operator.status.ConditionStatus;
import io.integrationoperator.operator.status.Conditions;
import io.integrationoperator.operator.status.EventRecorder;
import io.integrationoperator.operator.status.IntegrationConditions;
import io.integrationoperator.operator.status.Outcome;
import io.integrationoperator.operator.status.StatusComparison;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reconcile of one Integration. Each step runs only when the prerequisites of its condition
 * hold (see {@link IntegrationConditions}), records its outcome, and keeps what later steps and the
 * status need.
 */
final class IntegrationPass {
  private static final Logger LOG = LoggerFactory.getLogger(IntegrationPass.class);

  private final Integration integration;
  private final KubernetesClient client;
  private final OperatorSettings settings;
  private final Map<String, String> probedSettings;
  private final CatalogCache probeCatalogs;
  private final TokenCaches tokens;
  private final GatewayProbeClient gatewayProbes;
  private final GatewayWaits gatewayWaits;
  private final Map<String, Outcome> checks = new LinkedHashMap<>();

  private IntegrationModel model;
  private SpecCheck spec;
  private ResolvedCredentials credentials;
  private List<String> roleNames;
  private boolean roleWriteFailed;
  private ProbeResult lastProbe;
  private Duration probeInterval;
  private boolean probed;
  private String authorizationUrl;
  private Optional<Secret> tokenSecret = Optional.empty();
  private Routing routing;
  private Duration gatewayRetry;

  IntegrationPass(
      Integration integration,
      KubernetesClient client,
      OperatorSettings settings,
      Map<String, String> probedSettings,
      CatalogCache probeCatalogs,
      TokenCaches tokens,
      GatewayProbeClient gatewayProbes,
      GatewayWaits gatewayWaits) {
    this.integration = integration;
    this.client = client;
    this.settings = settings;
    this.probedSettings = probedSettings;
    this.probeCatalogs = probeCatalogs;
    this.tokens = tokens;
    this.gatewayProbes = gatewayProbes;
    this.gatewayWaits = gatewayWaits;
  }

  void resolveModel(Optional<IntegrationModel> found) {
    Outcome outcome = ModelCheck.check(found, References.modelName(integration), namespace());
    checks.put(MODEL_RESOLVED, outcome);
    if (outcome.isTrue()) {
      model = found.get();
    }
  }

  void checkSpec() {
    if (!IntegrationConditions.prerequisitesMet(SPEC_VALID, checks)) {
      return;
    }
    String name = integration.getMetadata().getName();
    if (name.length() > GeneratedObjects.MAX_NAME_LENGTH) {
      checks.put(
          SPEC_VALID,
          Outcome.failed(
              IntegrationConditions.INVALID_NAME,
              "The Integration name has "
                  + name.length()
                  + " characters, but the generated objects carry it as a label value, which"
                  + " Kubernetes limits to "
                  + GeneratedObjects.MAX_NAME_LENGTH
                  + "; recreate the Integration under a shorter name."));
      return;
    }
    routing =
        EffectiveRoutings.resolve(integration.getSpec().getGateway(), settings.gatewayDefaults());
    spec =
        SpecCheck.check(
            integration.getSpec(), model.getStatus(), settings.defaultProbeInterval(), routing);
    checks.put(SPEC_VALID, spec.outcome());
    spec.endpoint()
        .flatMap(endpoint -> TlsCheck.check(integration.getSpec(), endpoint))
        .ifPresent(outcome -> checks.put(IntegrationConditions.TLS_VERIFIED, outcome));
  }

  void resolveCredentials() {
    if (!IntegrationConditions.prerequisitesMet(CREDENTIALS_RESOLVED, checks)) {
      return;
    }
    Map<String, String> details = spec.scheme().map(SecuritySchemeStatus::getDetails).orElse(null);
    List<CredentialRequirement> requirements =
        new ArrayList<>(
            CredentialRequirements.list(
                integration.getSpec(), details == null ? Map.of() : details));
    routing.specProxy().ifPresent(p -> requirements.addAll(CredentialRequirements.proxy(p)));
    Optional<String> defaultProxySecret = routing.defaultProxy().flatMap(DefaultProxy::secretName);
    CredentialResolver.Resolution resolution =
        new CredentialResolver(client).resolve(namespace(), requirements);
    if (defaultProxySecret.isPresent()) {
      DefaultProxySecret secret = new DefaultProxySecret(client);
      resolution =
          resolution.and(() -> secret.read(settings.operatorNamespace(), defaultProxySecret.get()));
    }
    checks.put(CREDENTIALS_RESOLVED, resolution.outcome());
    credentials = resolution.credentials().orElse(null);
  }

  /** Writes the Roles; a rejected write becomes RolesReady=False instead of an exception. */
  void writeRoles(List<Role> existing) {
    if (!IntegrationConditions.prerequisitesMet(ROLES_READY, checks)) {
      return;
    }
    List<String> methods = model.getStatus().getMethods();
    List<Role> desired =
        IntegrationRoles.desired(integration, methods == null ? List.of() : methods);
    roleNames = desired.stream().map(r -> r.getMetadata().getName()).toList();
    try {
      new RoleUpdater(client).update(integration, desired, existing);
      checks.put(
          ROLES_READY,
          Outcome.passed(
              ROLES_READY, "Roles " + String.join(", ", roleNames) + " are up to date."));
    } catch (KubernetesClientException e) {
      LOG.warn("Failed to write Roles: {} {}", e.getCode(), e.getMessage());
      roleWriteFailed = true;
      checks.put(
          ROLES_READY,
          Outcome.failed(
              IntegrationConditions.ROLE_CREATE_FAILED,
              "Writing the Roles failed with HTTP status "
                  + e.getCode()
                  + "; the operator tries again in "
                  + IntegrationReconciler.ROLE_RETRY.toMinutes()
                  + " minute. Check that the operator's ClusterRole grants the integrations/tasks"
                  + " verbs and Role writes."));
    }
  }

  /**
   * Writes the projected Secret, or deletes it when the credentials check failed, so that a
   * credential removed at its source stops reaching the executor. When an earlier check failed (the
   * model is gone, say), the Secret keeps its last content.
   */
  void writeProjectedSecret() {
    if (credentials != null) {
      new ProjectedSecret(client).update(integration, credentials);
    } else if (checks.containsKey(CREDENTIALS_RESOLVED)
        && !checks.get(CREDENTIALS_RESOLVED).isTrue()) {
      new ProjectedSecret(client).delete(integration);
    }
  }

  /**
   * Creates the token Secret when the authentication requests tokens, and deletes it when the
   * Integration validly stopped doing so. After an earlier failed check it is left as it is.
   */
  void writeTokenSecret() {
    if (spec == null || !spec.outcome().isTrue()) {
      return;
    }
    TokenSecret secrets = new TokenSecret(client);
    if (TokenMethods.requestsTokens(
        integration.getSpec(), spec.scheme().map(IntegrationPass::schemeInfo))) {
      tokenSecret = Optional.of(secrets.ensure(integration));
    } else {
      secrets.delete(integration);
    }
  }

  /**
   * Probes the server when a probe is due; otherwise keeps the last result. Integrations routed to
   * a gateway cluster are probed by that cluster, see {@link #probeThroughGateway}.
   */
  void probeIfDue(IntegrationStatus previous, Instant now) {
    if (!IntegrationConditions.prerequisitesMet(CONNECTED, checks)) {
      return;
    }

    ConnectionSettings connection = connectionSettings();
    // The routing enters the fingerprint because operator defaults can change it without a spec
    // change.
    String fingerprint =
        ConnectionProbe.fingerprint(connection) + Serialization.asJson(routing.status());
    String uid = integration.getMetadata().getUid();
    boolean changed = !fingerprint.equals(probedSettings.get(uid));
    Condition connected = Conditions.find(previous.getConditions(), CONNECTED).orElse(null);
    probeInterval = spec.probeInterval();
    Duration interval = ConnectionProbe.interval(probeInterval, connected);
    if (!ConnectionProbe.isDue(previous.getLastProbe(), connected, changed, interval, now)) {
      keepConnected(connected);
      return;
    }
    if (routing.routed()) {
      probeThroughGateway(previous, connected, fingerprint, now);
      return;
    }

    LOG.debug("Probing {}", connection.baseUrl());
    ConnectionProbe.Result result;
    try {
      result = ConnectionProbe.run(connection, probeTask(), tokens);
      tokenSecret = tokenSecret.map(this::reread);
    } catch (InvalidDocumentException e) {
      // The model was valid when ModelResolved was checked, so its document changed since then.
      // The model's next reconcile triggers this one again.
      checks.put(
          CONNECTED,
          Outcome.failed(
              CallFailure.InvalidRequest.name(),
              "The probe task cannot be read from the model's document: " + e.getMessage()));
      return;
    }

    probedSettings.put(uid, fingerprint);
    checks.put(CONNECTED, result.connected());
    lastProbe = result.lastProbe();
    probed = true;
    authorizationUrl = authorizationUrlIfNeeded(connection, result);
  }

  /**
   * Asks the Integration's gateway cluster to probe, so that Connected reflects the path calls
   * take. The gateway executes only Integrations whose status.routing names its cluster, so a
   * changed routing is first written to the status, with Connected Unknown and reason ProbePending,
   * and probed in the next reconcile. When the gateway responds for an older generation than this
   * reconcile's, its informer has not caught up: Connected is Unknown with reason ProbePending and
   * the probe is repeated with the back-off of {@link GatewayWaits}. After {@link
   * GatewayWaits#LIMIT}, and for a cluster without a ready executor or an unreachable gateway,
   * Connected is False with reason GatewayUnavailable and a lastProbe entry, so the failed-probe
   * interval applies to the retry.
   */
  private void probeThroughGateway(
      IntegrationStatus previous, Condition connected, String fingerprint, Instant now) {
    String cluster = routing.cluster();
    if (!StatusComparison.sameJson(previous.getRouting(), routingStatus())) {
      waitForGateway(
          fingerprint,
          now,
          "The effective routing changed; the probe runs through gateway cluster "
              + cluster
              + " once status.routing names it, in ");
      return;
    }
    long generation = generation();
    Instant started = Instant.now();
    try {
      GatewayProbeAnswer answer =
          gatewayProbes.probe(
              cluster,
              namespace(),
              integration.getMetadata().getName(),
              generation,
              spec.timeout());
      tokenSecret = tokenSecret.map(this::reread);
      if (answer.observedGeneration() < generation) {
        gatewayBehind(connected, fingerprint, answer.observedGeneration(), started, now);
        return;
      }
      checks.put(
          CONNECTED,
          answer.connected()
              ? Outcome.passed(answer.reason(), answer.message())
              : Outcome.failed(answer.reason(), answer.message()));
      lastProbe =
          answer.lastProbe() != null
              ? answer.lastProbe()
              : probeResult(started, answer.connected() ? null : answer.message());
    } catch (GatewayUnavailableException e) {
      LOG.debug("Probe through gateway cluster {} failed: {}", cluster, e.getMessage());
      gatewayUnavailable(e.getMessage(), started);
    }
    gatewayWaits.end(integration.getMetadata().getUid());
    probedSettings.put(integration.getMetadata().getUid(), fingerprint);
    probed = true;
  }

  /**
   * Handles a gateway that answered for an older generation: Connected Unknown while the wait
   * lasts, then GatewayUnavailable. Once the wait failed for this generation, later probes fail at
   * once, so Connected does not alternate between Unknown and False.
   */
  private void gatewayBehind(
      Condition connected, String fingerprint, long reported, Instant started, Instant now) {
    String uid = integration.getMetadata().getUid();
    long generation = generation();
    boolean failedBefore =
        connected != null
            && IntegrationConditions.GATEWAY_UNAVAILABLE.equals(connected.getReason())
            && connected.getObservedGeneration() != null
            && connected.getObservedGeneration() == generation;
    GatewayWaits.Wait wait = gatewayWaits.next(uid, fingerprint, now);
    if (!failedBefore && !wait.expired(now)) {
      waitForGateway(
          fingerprint,
          wait,
          now,
          "Gateway cluster "
              + routing.cluster()
              + " has not caught up with generation "
              + generation
              + " of the Integration yet (its executors report generation "
              + reported
              + "); the probe is repeated in ");
      return;
    }
    if (!failedBefore) {
      LOG.info(
          "Gateway cluster {} still reports generation {} of {}/{} after {}s",
          routing.cluster(),
          reported,
          namespace(),
          integration.getMetadata().getName(),
          GatewayWaits.LIMIT.toSeconds());
    }
    gatewayUnavailable(
        "Gateway cluster "
            + routing.cluster()
            + " has not caught up with generation "
            + generation
            + " of the Integration within "
            + GatewayWaits.LIMIT.toSeconds()
            + "s (its executors report generation "
            + reported
            + "); check that the gateway executors watch namespace "
            + namespace()
            + " and may list Integrations there, and that they run the same version as the"
            + " operator.",
        started);
    gatewayWaits.end(uid);
    probedSettings.put(uid, fingerprint);
    probed = true;
  }

  private void waitForGateway(String fingerprint, Instant now, String message) {
    waitForGateway(
        fingerprint,
        gatewayWaits.next(integration.getMetadata().getUid(), fingerprint, now),
        now,
        message);
  }

  /**
   * Makes Connected Unknown with reason ProbePending and {@code message} followed by the delay, and
   * schedules the next reconcile after that delay. The start of a wait is logged once.
   */
  private void waitForGateway(
      String fingerprint, GatewayWaits.Wait wait, Instant now, String message) {
    if (wait.retries() == 0) {
      LOG.info(
          "Waiting up to {}s for gateway cluster {} to probe {}/{}",
          GatewayWaits.LIMIT.toSeconds(),
          routing.cluster(),
          namespace(),
          integration.getMetadata().getName());
    }
    gatewayRetry = wait.nextDelay(now);
    checks.put(
        CONNECTED,
        Outcome.unknown(
            IntegrationConditions.PROBE_PENDING, message + gatewayRetry.toSeconds() + "s."));
  }

  private void gatewayUnavailable(String message, Instant started) {
    checks.put(CONNECTED, Outcome.failed(IntegrationConditions.GATEWAY_UNAVAILABLE, message));
    lastProbe = probeResult(started, message);
  }

  /**
   * Keeps the Connected condition and status.lastProbe as they are. Without a Connected condition
   * yet, Connected becomes Unknown with reason ProbePending.
   */
  private void keepConnected(Condition connected) {
    if (connected != null) {
      checks.put(
          CONNECTED,
          new Outcome(connected.getStatus(), connected.getReason(), connected.getMessage()));
    } else {
      checks.put(
          CONNECTED, Outcome.unknown(IntegrationConditions.PROBE_PENDING, "No probe has run yet."));
    }
  }

  private static ProbeResult probeResult(Instant started, String error) {
    ProbeResult result = new ProbeResult();
    result.setTime(Conditions.format(started));
    result.setDuration(Duration.between(started, Instant.now()).toMillis() + "ms");
    result.setError(error);
    return result;
  }

  /**
   * Returns the authorization URL an administrator must open when the token request failed and the
   * Integration uses the authorization code grant, so that status.token shows where to get a new
   * code. The URL carries the client id but no secret.
   */
  private static String authorizationUrlIfNeeded(
      ConnectionSettings connection, ConnectionProbe.Result result) {
    if (!CallFailure.TokenRequestFailed.name().equals(result.connected().reason())) {
      return null;
    }
    return AuthorizationRequests.authorizationUrl(connection, HttpClientFactory.shared())
        .orElse(null);
  }

  /**
   * Returns the task that spec.probe.task names, read from the model's document, or empty when the
   * probe calls no task. The model's status lists tasks without their parameters, so the document
   * is read and parsed (once per document text, through the cache).
   */
  private Optional<Task> probeTask() throws InvalidDocumentException {
    Probe probe = integration.getSpec().getProbe();
    if (probe == null || probe.getTask() == null) {
      return Optional.empty();
    }
    DocumentText document = new DocumentReader(client).read(model);
    if (document.text().isEmpty()) {
      throw new InvalidDocumentException("$", document.failure().orElseThrow().message());
    }
    return probeCatalogs.load(document.text().get()).task(probe.getTask());
  }

  IntegrationStatus nextStatus(IntegrationStatus previous, Instant now) {
    long generation = generation();
    IntegrationStatus next = new IntegrationStatus();
    next.setObservedGeneration(generation);
    next.setEndpoint(spec == null ? null : spec.endpoint().orElse(null));
    next.setRouting(routing == null ? previous.getRouting() : routingStatus());
    next.setModel(model == null ? null : summary(model));
    next.setRoles(roleNames != null ? roleNames : previous.getRoles());
    next.setCredentialsSecret(credentialsSecret(previous));
    next.setLastProbe(lastProbe != null ? lastProbe : previous.getLastProbe());
    next.setToken(tokenState(previous));
    next.setConditions(
        Conditions.next(
            previous.getConditions(), IntegrationConditions.complete(checks), generation, now));
    return next;
  }

  /**
   * Records one Event per condition that turned True or False or changed its reason. Unknown
   * conditions follow from an earlier failure, which has its own Event, and so does Ready=False.
   */
  void recordTransitions(IntegrationStatus previous, IntegrationStatus next) {
    EventRecorder events = new EventRecorder(client);
    for (Condition condition : Conditions.changed(previous.getConditions(), next.getConditions())) {
      boolean unknown = ConditionStatus.UNKNOWN.equals(condition.getStatus());
      boolean readyFalse =
          READY.equals(condition.getType()) && ConditionStatus.FALSE.equals(condition.getStatus());
      if (unknown || readyFalse) {
        continue;
      }
      LOG.info(
          "{} is now {} with reason {}: {}",
          condition.getType(),
          condition.getStatus(),
          condition.getReason(),
          condition.getMessage());
      events.recordTransition(integration, condition);
    }
  }

  /**
   * Returns the projected Secret's name while it exists: set when the credentials resolved, empty
   * after the credentials check failed (the Secret was deleted), and unchanged when the check did
   * not run.
   */
  private String credentialsSecret(IntegrationStatus previous) {
    if (credentials != null) {
      return GeneratedObjects.credentialsSecretName(integration.getMetadata().getName());
    }
    return checks.containsKey(CREDENTIALS_RESOLVED) ? null : previous.getCredentialsSecret();
  }

  /**
   * Returns status.routing: the effective routing, where the proxy counts as authenticated when
   * resolved credentials hold a proxy user name, and empty after an InvalidGateway failure.
   */
  private EffectiveRouting routingStatus() {
    EffectiveRouting status = routing.status();
    if (status != null && status.getProxy() != null && credentials != null) {
      status
          .getProxy()
          .setAuthenticated(credentials.base64Data().containsKey(CredentialKeys.PROXY_USERNAME));
    }
    return status;
  }

  private long generation() {
    return Optional.ofNullable(integration.getMetadata().getGeneration()).orElse(0L);
  }

  /**
   * Returns when to reconcile again without an event: the next probe, a Role retry, or a probe
   * through a gateway that has not caught up.
   */
  Optional<Duration> rescheduleDelay(IntegrationStatus next, Instant now) {
    if (gatewayRetry != null) {
      return Optional.of(gatewayRetry);
    }
    Optional<Duration> delay =
        probeInterval == null
            ? Optional.empty()
            : Optional.of(
                ConnectionProbe.untilNext(
                    next.getLastProbe(),
                    ConnectionProbe.interval(
                        probeInterval,
                        Conditions.find(next.getConditions(), CONNECTED).orElse(null)),
                    now));
    if (roleWriteFailed) {
      Duration retry = IntegrationReconciler.ROLE_RETRY;
      return Optional.of(delay.filter(d -> d.compareTo(retry) < 0).orElse(retry));
    }
    return delay;
  }

  /**
   * Returns the token state read from the token Secret, with the authorization URL while the
   * authorization code grant needs a code. It is none when the authentication requests no tokens,
   * and the previous state when an earlier check failed.
   */
  private TokenState tokenState(IntegrationStatus previous) {
    TokenState state = storedTokenState(previous);
    String url = probed ? authorizationUrl : previousAuthorizationUrl(previous);
    if (url == null) {
      return state;
    }
    TokenState withUrl = state == null ? new TokenState() : state;
    withUrl.setAuthorizationUrl(url);
    return withUrl;
  }

  private TokenState storedTokenState(IntegrationStatus previous) {
    if (tokenSecret.isPresent()) {
      return tokenSecret.flatMap(TokenSecret::state).orElse(null);
    }
    return spec != null && spec.outcome().isTrue() ? null : previous.getToken();
  }

  /** Returns the authorization URL of the last probe, which stands until the next probe runs. */
  private static String previousAuthorizationUrl(IntegrationStatus previous) {
    return previous.getToken() == null ? null : previous.getToken().getAuthorizationUrl();
  }

  private Secret reread(Secret secret) {
    Secret current =
        client
            .secrets()
            .inNamespace(secret.getMetadata().getNamespace())
            .withName(secret.getMetadata().getName())
            .get();
    return current == null ? secret : current;
  }

  private ConnectionSettings connectionSettings() {
    Map<String, String> values = credentials.decoded();
    return new ConnectionSettings(
        new IntegrationId(namespace(), integration.getMetadata().getName()),
        spec.endpoint().orElseThrow(),
        integration.getSpec(),
        spec.scheme().map(IntegrationPass::schemeInfo),
        values,
        Optional.ofNullable(values.get(CredentialKeys.CA_CRT)),
        spec.timeout());
  }

  private static SecuritySchemeInfo schemeInfo(SecuritySchemeStatus scheme) {
    Map<String, String> details = scheme.getDetails() == null ? Map.of() : scheme.getDetails();
    return new SecuritySchemeInfo(scheme.getName(), scheme.getType(), details);
  }

  private static ResolvedModel summary(IntegrationModel model) {
    IntegrationModelStatus status = model.getStatus();
    ResolvedModel summary = new ResolvedModel();
    summary.setName(model.getMetadata().getName());
    summary.setTitle(status.getTitle());
    summary.setVersion(status.getVersion());
    summary.setTaskCount(status.getTaskCount());
    return summary;
  }

  private String namespace() {
    return integration.getMetadata().getNamespace();
  }
}
