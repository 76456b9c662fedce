package io.integrationoperator.executor.integrations;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.integrationoperator.api.integration.Integration;
import io.integrationoperator.api.integration.IntegrationSpec;
import io.integrationoperator.api.integration.IntegrationStatus;
import io.integrationoperator.api.model.IntegrationModel;
import io.integrationoperator.client.catalog.TaskCatalog;
import io.integrationoperator.client.connection.ConnectionSettings;
import io.integrationoperator.client.connection.CredentialKeys;
import io.integrationoperator.client.connection.DurationText;
import io.integrationoperator.client.connection.IntegrationId;
import io.integrationoperator.client.http.HttpClientFactory;
import io.integrationoperator.executor.server.ApiError;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Looks up the Integration a call names and checks that it can be called: it exists (else 404), its
 * Ready condition is True, it has an endpoint, its model exists and its credentials are projected
 * (else 409). The connection settings are built as the operator's probe builds them: the base URL
 * is status.endpoint, which the operator resolved, the scheme comes from the model's status, and
 * credentials and the CA bundle ({@code ca.crt}) come from the projected Secret.
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
   * Resolves the Integration {@code namespace/name}.
   *
   * @throws ApiError 404 when it does not exist, 409 when it cannot be called now
   */
  public CallTarget resolve(String namespace, String name) throws ApiError {
    Integration integration =
        directory
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
    requireReady(integration);
    routing.check(integration);
    IntegrationModel model = model(integration);
    TaskCatalog catalog = catalogs.catalog(model);
    return new CallTarget(integration, catalog, settings(integration, model));
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
        timeout(spec));
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
