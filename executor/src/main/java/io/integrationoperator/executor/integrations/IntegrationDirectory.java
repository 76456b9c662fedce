package io.integrationoperator.executor.integrations;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.integrationoperator.api.integration.Integration;
import io.integrationoperator.api.model.IntegrationModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Informer caches of the Integrations, IntegrationModels and generated Secrets the executor serves,
 * in one namespace, a list of namespaces or all of them. Changes reach the caches through watches,
 * so edits take effect without a restart.
 *
 * <p>Only Secrets labelled {@value ProjectedSecrets#INTEGRATION_LABEL} are listed and watched, the
 * label the operator puts on the objects it generates, and of those only {@code
 * <integration>-credentials} is returned. Users' own Secrets are never read. The {@code
 * <integration>-token} Secrets, which carry the same label, are read and written by the client's
 * SecretTokenStore with direct calls, because their writes need the current resourceVersion.
 */
public final class IntegrationDirectory implements AutoCloseable {
  private final List<SharedIndexInformer<Integration>> integrations = new ArrayList<>();
  private final List<SharedIndexInformer<IntegrationModel>> models = new ArrayList<>();
  private final List<SharedIndexInformer<Secret>> secrets = new ArrayList<>();

  private IntegrationDirectory() {}

  /**
   * Starts the informers without waiting for their first list; {@link #synced()} returns true once
   * they have it.
   *
   * @param namespaces namespaces to serve; empty means all namespaces
   */
  public static IntegrationDirectory start(KubernetesClient client, Set<String> namespaces) {
    IntegrationDirectory directory = new IntegrationDirectory();
    MixedOperation<
            Integration, ? extends KubernetesResourceList<Integration>, Resource<Integration>>
        integrationApi = client.resources(Integration.class);
    MixedOperation<
            IntegrationModel,
            ? extends KubernetesResourceList<IntegrationModel>,
            Resource<IntegrationModel>>
        modelApi = client.resources(IntegrationModel.class);
    if (namespaces.isEmpty()) {
      directory.integrations.add(start(integrationApi.inAnyNamespace().runnableInformer(0)));
      directory.models.add(start(modelApi.inAnyNamespace().runnableInformer(0)));
      directory.secrets.add(
          start(
              client
                  .secrets()
                  .inAnyNamespace()
                  .withLabel(ProjectedSecrets.INTEGRATION_LABEL)
                  .runnableInformer(0)));
      return directory;
    }
    for (String namespace : namespaces) {
      directory.integrations.add(start(integrationApi.inNamespace(namespace).runnableInformer(0)));
      directory.models.add(start(modelApi.inNamespace(namespace).runnableInformer(0)));
      directory.secrets.add(
          start(
              client
                  .secrets()
                  .inNamespace(namespace)
                  .withLabel(ProjectedSecrets.INTEGRATION_LABEL)
                  .runnableInformer(0)));
    }
    return directory;
  }

  private static <T extends HasMetadata> SharedIndexInformer<T> start(
      SharedIndexInformer<T> informer) {
    informer.start();
    return informer;
  }

  /**
   * Calls {@code changed} with each Integration that is added or updated, those already cached
   * included, and {@code deleted} with the namespace and name of each deleted one.
   */
  public void onIntegrationChanges(
      Consumer<Integration> changed, BiConsumer<String, String> deleted) {
    ResourceEventHandler<Integration> handler =
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(Integration integration) {
            changed.accept(integration);
          }

          @Override
          public void onUpdate(Integration previous, Integration integration) {
            changed.accept(integration);
          }

          @Override
          public void onDelete(Integration integration, boolean finalStateUnknown) {
            deleted.accept(
                integration.getMetadata().getNamespace(), integration.getMetadata().getName());
          }
        };
    integrations.forEach(informer -> informer.addEventHandler(handler));
  }

  /** Returns true once every informer has received its first list. */
  public boolean synced() {
    return integrations.stream().allMatch(SharedIndexInformer::hasSynced)
        && models.stream().allMatch(SharedIndexInformer::hasSynced)
        && secrets.stream().allMatch(SharedIndexInformer::hasSynced);
  }

  /** Returns the Integration, if it exists in a served namespace. */
  public Optional<Integration> integration(String namespace, String name) {
    return find(integrations, namespace, name);
  }

  /** Returns the IntegrationModel, if it exists in a served namespace. */
  public Optional<IntegrationModel> model(String namespace, String name) {
    return find(models, namespace, name);
  }

  /**
   * Returns the projected Secret {@code <integration>-credentials}, if the operator has written it.
   */
  public Optional<Secret> credentialsSecret(String namespace, String integration) {
    return generatedSecret(namespace, integration, ProjectedSecrets.credentialsName(integration));
  }

  private Optional<Secret> generatedSecret(String namespace, String integration, String name) {
    return find(secrets, namespace, name)
        .filter(secret -> ProjectedSecrets.belongsTo(secret, integration));
  }

  private static <T extends HasMetadata> Optional<T> find(
      List<SharedIndexInformer<T>> informers, String namespace, String name) {
    String key = namespace + "/" + name;
    Function<SharedIndexInformer<T>, T> lookup = informer -> informer.getStore().getByKey(key);
    return informers.stream().map(lookup).filter(o -> o != null).findFirst();
  }

  @Override
  public void close() {
    integrations.forEach(SharedIndexInformer::close);
    models.forEach(SharedIndexInformer::close);
    secrets.forEach(SharedIndexInformer::close);
  }
}
