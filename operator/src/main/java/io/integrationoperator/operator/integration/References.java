package io.integrationoperator.operator.integration;

import io.fabric8.kubernetes.api.model.rbac.Role;
import io.integrationoperator.api.integration.Integration;
import io.integrationoperator.api.integration.IntegrationSpec;
import io.integrationoperator.client.token.SecretTokenStore;
import io.integrationoperator.operator.GeneratedObjects;
import io.integrationoperator.operator.OperatorSettings;
import io.integrationoperator.operator.ReferenceIndex;
import io.integrationoperator.operator.credentials.CredentialRequirement;
import io.integrationoperator.operator.credentials.CredentialRequirements;
import io.integrationoperator.operator.gateway.DefaultProxy;
import io.integrationoperator.operator.gateway.EffectiveRoutings;
import io.integrationoperator.operator.gateway.Routing;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Index functions that list the objects an Integration refers to, for event mapping. */
final class References {

  private References() {}

  static String modelName(Integration integration) {
    IntegrationSpec spec = integration.getSpec();
    return spec == null || spec.getModelRef() == null ? null : spec.getModelRef().getName();
  }

  static List<String> modelKeys(Integration integration) {
    String name = modelName(integration);
    return name == null ? List.of() : List.of(key(integration, name));
  }

  /**
   * Lists the referenced Secrets, the default proxy's Secret in the operator's namespace when the
   * Integration uses that proxy, and the projected Secret, whose edits must be undone.
   */
  static List<String> secretKeys(Integration integration, OperatorSettings settings) {
    List<String> keys = new ArrayList<>();
    keys.add(
        key(
            integration,
            GeneratedObjects.credentialsSecretName(integration.getMetadata().getName())));
    // Token refreshes by the executors change the token Secret, and status.token follows them.
    keys.add(key(integration, SecretTokenStore.secretName(integration.getMetadata().getName())));
    keys.addAll(keys(integration, CredentialRequirement.Source.SECRET));
    Routing routing = routing(integration, settings);
    keys.addAll(proxyKeys(integration, routing, CredentialRequirement.Source.SECRET));
    routing
        .defaultProxy()
        .flatMap(DefaultProxy::secretName)
        .filter(name -> settings.operatorNamespace() != null)
        .ifPresent(name -> keys.add(ReferenceIndex.key(settings.operatorNamespace(), name)));
    return keys.stream().distinct().toList();
  }

  static List<String> configMapKeys(Integration integration, OperatorSettings settings) {
    List<String> keys = new ArrayList<>(keys(integration, CredentialRequirement.Source.CONFIG_MAP));
    keys.addAll(
        proxyKeys(
            integration, routing(integration, settings), CredentialRequirement.Source.CONFIG_MAP));
    return keys.stream().distinct().toList();
  }

  private static Routing routing(Integration integration, OperatorSettings settings) {
    IntegrationSpec spec = integration.getSpec();
    return EffectiveRoutings.resolve(
        spec == null ? null : spec.getGateway(), settings.gatewayDefaults());
  }

  private static List<String> proxyKeys(
      Integration integration, Routing routing, CredentialRequirement.Source source) {
    return routing.specProxy().map(CredentialRequirements::proxy).orElse(List.of()).stream()
        .filter(r -> r.source() == source && r.name() != null)
        .map(r -> key(integration, r.name()))
        .toList();
  }

  /** Maps a generated Role to its Integration through the Integration label. */
  static Set<ResourceID> roleOwner(Role role) {
    Map<String, String> labels = role.getMetadata().getLabels();
    String owner = labels == null ? null : labels.get(GeneratedObjects.INTEGRATION_LABEL);
    return owner == null
        ? Set.of()
        : Set.of(new ResourceID(owner, role.getMetadata().getNamespace()));
  }

  private static List<String> keys(Integration integration, CredentialRequirement.Source source) {
    if (integration.getSpec() == null) {
      return List.of();
    }
    // The object names do not depend on the scheme details, so none are passed.
    return CredentialRequirements.list(integration.getSpec(), Map.of()).stream()
        .filter(r -> r.source() == source && r.name() != null)
        .map(r -> key(integration, r.name()))
        .distinct()
        .toList();
  }

  private static String key(Integration integration, String name) {
    return ReferenceIndex.key(integration.getMetadata().getNamespace(), name);
  }
}
