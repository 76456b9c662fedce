package io.integrationoperator.executor.integrations;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.integrationoperator.api.integration.EffectiveRouting;
import io.integrationoperator.api.integration.ExecutionMode;
import io.integrationoperator.api.integration.Integration;
import io.integrationoperator.api.integration.IntegrationSpec;
import io.integrationoperator.api.integration.IntegrationStatus;
import io.integrationoperator.api.model.IntegrationModel;
import io.integrationoperator.client.catalog.TaskCatalog;
import io.integrationoperator.client.connection.ConnectionSettings;
import io.integrationoperator.client.connection.CredentialKeys;
import io.integrationoperator.client.connection.DurationText;
import io.integrationoperator.client.connection.IntegrationId;
import io.integrationoperator.client.connection.InvalidSettingsException;
import io.integrationoperator.client.http.HttpClientFactory;
import io.integrationoperator.client.http.ProxySettings;
import io.integrationoperator.executor.server.ApiError;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Looks up the Integration a call names and checks that it can be called: it exists (else 404), its
 * Ready condition is True, it has an endpoint and a status.routing of its current generation, its
 * model exists and its credentials are projected (else 409). {@link ExecutionRouting} then decides
 * whether this executor runs the call or forwards it. The connection settings are built as the
 * operator's probe builds them: the base URL is status.endpoint, which the operator resolved, the
 * scheme comes from the model's status, and credentials and the CA bundle ({@code ca.crt}) come
 * from the projected Secret.
 */
public final class CallTargets {
  private static final String READY = "Ready";

  private final IntegrationDirectory directory;
  private final ModelCatalogs catalogs;
  private final ExecutionRouting routing;

  public CallTargets(
      IntegrationDirectory directory, KubernetesClient client, ExecutionRouting routing) {
    this.directory = directory;
    this.catalogs = new ModelCatalogs(client, Clock.systemUTC());
    this.routing = routing;
  }

  /**
   * Resolves the Integration {@code namespace/name} for a call that no other executor forwarded.
   *
   * @throws ApiError 404 when it does not exist, 409 when it cannot be called now
   */
  public CallTarget resolve(String namespace, String name) throws ApiError {
    return resolve(namespace, name, false);
  }

  /**
   * Resolves the Integration {@code namespace/name} and where its call runs.
   *
   * @param forwarded whether another executor forwarded the call
   * @throws ApiError 404 when it does not exist, 409 when it cannot be called now or here
   */
  public CallTarget resolve(String namespace, String name, boolean forwarded) throws ApiError {
    Integration integration = find(namespace, name);
    requireReady(integration);
    requireRouting(integration);
    Optional<String> forwardTo = routing.forwardTarget(integration, forwarded);
    IntegrationModel model = model(integration);
    TaskCatalog catalog = catalogs.catalog(model);
    Route route =
        forwardTo.isPresent()
            ? new Route.Forward(forwardTo.get(), timeout(integration.getSpec()))
            : new Route.Execute(settings(integration, model));
    return new CallTarget(integration, catalog, route);
  }

  /**
   * Returns the latest generation of the Integration whose status.routing this executor has: the
   * smaller of metadata.generation and status.observedGeneration, 0 without a status.
   *
   * @throws ApiError 404 when the Integration does not exist
   */
  public long routedGeneration(String namespace, String name) throws ApiError {
    Integration integration = find(namespace, name);
    long generation = Optional.ofNullable(integration.getMetadata().getGeneration()).orElse(0L);
    IntegrationStatus status = integration.getStatus();
    Long observed = status == null ? null : status.getObservedGeneration();
    return Math.min(generation, observed == null ? 0L : observed);
  }

  /**
   * Checks that the cached status.routing of the Integration names a gateway cluster this executor
   * serves.
   *
   * @throws ApiError 404 when it does not exist, 409 NotInGatewayCluster when it is not served
   */
  public void requireServed(String namespace, String name) throws ApiError {
    routing.requireServed(find(namespace, name));
  }

  /**
   * Resolves the Integration for a probe of its gateway cluster. Unlike a call, a probe does not
   * need the Ready condition, which waits for the probe's result.
   *
   * @throws ApiError 404 when it does not exist, 409 when this executor cannot probe it now
   */
  public CallTarget resolveForProbe(String namespace, String name) throws ApiError {
    Integration integration = find(namespace, name);
    requireRouting(integration);
    routing.requireServed(integration);
    if (integration.getStatus().getEndpoint() == null
        || integration.getStatus().getEndpoint().isBlank()) {
      throw notReady(integration, "has no status.endpoint");
    }
    IntegrationModel model = model(integration);
    return new CallTarget(
        integration, catalogs.catalog(model), new Route.Execute(settings(integration, model)));
  }

  private Integration find(String namespace, String name) throws ApiError {
    return directory
        .integration(namespace, name)
        .orElseThrow(
            () ->
                new ApiError(
                    404,
                    "IntegrationNotFound",
                    "Integration "
                        + name
                        + " not found in namespace "
                        + namespace
                        + "; check the name with kubectl get integrations -n "
                        + namespace
                        + "."));
  }

  /**
   * Checks that status.routing is present and belongs to the current generation, because calls are
   * routed by it and a routing of an older spec may name the wrong cluster or proxy.
   */
  private static void requireRouting(Integration integration) throws ApiError {
    IntegrationStatus status = integration.getStatus();
    EffectiveRouting routing = status == null ? null : status.getRouting();
    if (routing == null || routing.getExecutionMode() == null) {
      throw notReady(
          integration, "has no status.routing yet; the operator has not decided where calls run");
    }
    long generation = Optional.ofNullable(integration.getMetadata().getGeneration()).orElse(0L);
    Long observed = status.getObservedGeneration();
    if (observed == null || observed < generation) {
      throw notReady(
          integration,
          "has status.routing of generation "
              + observed
              + " while the spec is at generation "
              + generation
              + "; the operator has not reconciled the change yet");
    }
    if (routing.getExecutionMode() != ExecutionMode.Direct
        && ExecutionRouting.cluster(routing).isEmpty()) {
      throw notReady(
          integration,
          "has execution mode " + routing.getExecutionMode() + " but no cluster in status.routing");
    }
  }

  private static void requireReady(Integration integration) throws ApiError {
    IntegrationStatus status = integration.getStatus();
    List<Condition> conditions = status == null ? List.of() : status.getConditions();
    Optional<Condition> ready =
        conditions == null
            ? Optional.empty()
            : conditions.stream().filter(c -> READY.equals(c.getType())).findFirst();
    if (ready.isEmpty()) {
      throw notReady(integration, "has no Ready condition yet; the operator has not reconciled it");
    }
    Condition condition = ready.get();
    if (!"True".equals(condition.getStatus())) {
      throw notReady(
          integration,
          "is not ready: Ready is "
              + condition.getStatus()
              + " with reason "
              + condition.getReason()
              + " ("
              + condition.getMessage()
              + ")");
    }
    if (status.getEndpoint() == null || status.getEndpoint().isBlank()) {
      throw notReady(integration, "has no status.endpoint");
    }
  }

  private IntegrationModel model(Integration integration) throws ApiError {
    String namespace = integration.getMetadata().getNamespace();
    String modelName =
        integration.getSpec() == null || integration.getSpec().getModelRef() == null
            ? null
            : integration.getSpec().getModelRef().getName();
    Optional<IntegrationModel> model =
        modelName == null ? Optional.empty() : directory.model(namespace, modelName);
    if (model.isEmpty() || model.get().getStatus() == null) {
      throw new ApiError(
          409,
          "ModelNotFound",
          "IntegrationModel "
              + modelName
              + " of Integration "
              + integration.getMetadata().getName()
              + " is not found in namespace "
              + namespace
              + " or has no status yet; apply the model and wait for the operator.");
    }
    return model.get();
  }

  private ConnectionSettings settings(Integration integration, IntegrationModel model)
      throws ApiError {
    IntegrationSpec spec = integration.getSpec();
    Map<String, String> credentials = credentials(integration);
    return new ConnectionSettings(
        new IntegrationId(
            integration.getMetadata().getNamespace(), integration.getMetadata().getName()),
        integration.getStatus().getEndpoint(),
        spec,
        SchemeChoice.choose(spec.getAuthentication(), model.getStatus().getSecuritySchemes()),
        credentials,
        Optional.ofNullable(credentials.get(CredentialKeys.CA_CRT)),
        timeout(spec),
        proxy(integration.getStatus().getRouting(), credentials));
  }

  /**
   * Returns the proxy of execution mode Proxy, from status.routing.proxy and the projected proxy
   * credentials.
   *
   * @throws ApiError 409 when status.routing.proxy is missing or cannot be used
   */
  static Optional<ProxySettings> proxy(EffectiveRouting routing, Map<String, String> credentials)
      throws ApiError {
    if (routing.getExecutionMode() != ExecutionMode.Proxy) {
      return Optional.empty();
    }
    if (routing.getProxy() == null) {
      throw new ApiError(
          409,
          "IntegrationNotReady",
          "status.routing has execution mode Proxy but no proxy; set spec.gateway.proxy or the"
              + " operator's default proxy.");
    }
    try {
      return Optional.of(ProxySettings.from(routing.getProxy(), credentials));
    } catch (InvalidSettingsException e) {
      throw new ApiError(
          409,
          "InvalidRequest",
          "The proxy in status.routing cannot be used: " + e.getMessage() + ".");
    }
  }

  /**
   * Returns the projected credentials. An Integration without authentication and without a CA
   * bundle needs none, so a missing Secret is an error only when the spec uses credentials or the
   * status names the Secret.
   */
  private Map<String, String> credentials(Integration integration) throws ApiError {
    String namespace = integration.getMetadata().getNamespace();
    String name = integration.getMetadata().getName();
    Optional<Secret> secret = directory.credentialsSecret(namespace, name);
    if (secret.isPresent()) {
      return ProjectedSecrets.decoded(secret.get());
    }
    IntegrationSpec spec = integration.getSpec();
    boolean needed =
        integration.getStatus().getCredentialsSecret() != null
            || spec.getAuthentication() != null
            || (spec.getTls() != null && spec.getTls().getCaBundle() != null);
    if (needed) {
      throw new ApiError(
          409,
          "CredentialsMissing",
          "Integration "
              + name
              + " is not ready: its credentials Secret "
              + ProjectedSecrets.credentialsName(name)
              + " does not exist in namespace "
              + namespace
              + "; the operator writes it once every referenced Secret key exists (see kubectl"
              + " describe integration "
              + name
              + ").");
    }
    return Map.of();
  }

  /** Returns spec.timeout, or the client's default; the operator rejects invalid values. */
  private static Duration timeout(IntegrationSpec spec) {
    if (spec.getTimeout() == null || spec.getTimeout().isBlank()) {
      return HttpClientFactory.DEFAULT_TIMEOUT;
    }
    return DurationText.parse(spec.getTimeout().trim()).orElse(HttpClientFactory.DEFAULT_TIMEOUT);
  }

  private static ApiError notReady(Integration integration, String detail) {
    String name = integration.getMetadata().getName();
    return new ApiError(
        409,
        "IntegrationNotReady",
        "Integration "
            + name
            + " "
            + detail
            + "; see kubectl describe integration "
            + name
            + " -n "
            + integration.getMetadata().getNamespace()
            + ".");
  }
}
