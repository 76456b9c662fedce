package io.integrationoperator.operator.rbac;

import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.integrationoperator.api.integration.Integration;
import io.integrationoperator.operator.GeneratedObjects;
import java.net.HttpURLConnection;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the Roles of an Integration match the desired ones: creates missing Roles, corrects changed
 * ones and deletes labelled Roles that are no longer desired.
 *
 * <p>Plain create, JSON Patch and delete calls are used here in place of JOSDK dependent resources:
 * the desired Roles depend on the model, which the reconciler resolves first, and the stale-Role
 * cleanup needs the label-selected set anyway. Existing Roles come from the informer cache, so a
 * reconcile where nothing changed makes no API call.
 */
public final class RoleUpdater {
  private static final Logger LOG = LoggerFactory.getLogger(RoleUpdater.class);

  private final KubernetesClient client;

  public RoleUpdater(KubernetesClient client) {
    this.client = client;
  }

  /**
   * Writes the desired Roles and deletes stale ones.
   *
   * @param existing Roles that carry the Integration's label, as the informer cache has them
   * @throws KubernetesClientException when the API server rejects a write
   */
  public void update(Integration integration, List<Role> desired, Collection<Role> existing) {
    Map<String, Role> actual =
        existing.stream()
            .collect(Collectors.toMap(r -> r.getMetadata().getName(), Function.identity()));
    for (Role role : desired) {
      Role current = actual.get(role.getMetadata().getName());
      if (current == null) {
        create(role);
      } else if (!matches(current, role, integration)) {
        correct(role);
      }
    }

    Set<String> desiredNames =
        desired.stream().map(r -> r.getMetadata().getName()).collect(Collectors.toSet());
    for (Role role : existing) {
      if (!desiredNames.contains(role.getMetadata().getName()) && isOwnedBy(role, integration)) {
        delete(role);
      }
    }
  }

  /** Returns true when the Role has the desired rules, labels and owner reference. */
  static boolean matches(Role actual, Role desired, Integration integration) {
    return Objects.equals(actual.getRules(), desired.getRules())
        && GeneratedObjects.hasMetadataOf(actual, integration);
  }

  private static boolean isOwnedBy(Role role, Integration integration) {
    return role.getMetadata().getOwnerReferences() != null
        && role.getMetadata().getOwnerReferences().stream()
            .anyMatch(o -> Objects.equals(o.getUid(), integration.getMetadata().getUid()));
  }

  private void create(Role role) {
    try {
      roles(role).resource(role).create();
      LOG.info("Created Role {}", role.getMetadata().getName());
    } catch (KubernetesClientException e) {
      // The informer cache can lag behind an earlier create; then correct the existing Role.
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
      correct(role);
    }
  }

  private void correct(Role desired) {
    roles(desired)
        .withName(desired.getMetadata().getName())
        .edit(
            current -> {
              current.setRules(desired.getRules());
              current.getMetadata().setOwnerReferences(desired.getMetadata().getOwnerReferences());
              Map<String, String> labels =
                  current.getMetadata().getLabels() == null
                      ? new HashMap<>()
                      : new HashMap<>(current.getMetadata().getLabels());
              labels.putAll(desired.getMetadata().getLabels());
              current.getMetadata().setLabels(labels);
              return current;
            });
    LOG.info("Updated Role {}", desired.getMetadata().getName());
  }

  private void delete(Role role) {
    roles(role).withName(role.getMetadata().getName()).delete();
    LOG.info(
        "Deleted Role {}, which the model's methods no longer need", role.getMetadata().getName());
  }

  private NonNamespaceOperation<Role, RoleList, Resource<Role>> roles(Role role) {
    return client.rbac().roles().inNamespace(role.getMetadata().getNamespace());
  }
}
