package io.integrationoperator.operator.credentials;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Informer store that keeps only the metadata of Secrets or ConfigMaps, so that watching them for
 * changes costs memory per object rather than per byte of data, and no credential stays in the
 * operator's heap.
 *
 * <p>Besides data and stringData (or binaryData), the copy drops managedFields and the
 * kubectl.kubernetes.io/last-applied-configuration annotation, which contains a full copy of an
 * object that was created with kubectl apply, data included. Readers that need the data GET the
 * object directly.
 */
public final class MetadataOnlyItemStore<T extends HasMetadata> implements ItemStore<T> {
  /** Annotation in which kubectl apply keeps the whole applied object. */
  static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  private final BasicItemStore<T> store = new BasicItemStore<>(Cache::metaNamespaceKeyFunc);
  private final UnaryOperator<T> strip;

  private MetadataOnlyItemStore(UnaryOperator<T> strip) {
    this.strip = strip;
  }

  /** Creates a store for Secrets that keeps their metadata and type. */
  public static MetadataOnlyItemStore<Secret> forSecrets() {
    return new MetadataOnlyItemStore<>(
        secret ->
            new SecretBuilder()
                .withApiVersion(secret.getApiVersion())
                .withKind(secret.getKind())
                .withType(secret.getType())
                .withMetadata(strippedMetadata(secret.getMetadata()))
                .build());
  }

  /** Creates a store for ConfigMaps that keeps their metadata. */
  public static MetadataOnlyItemStore<ConfigMap> forConfigMaps() {
    return new MetadataOnlyItemStore<>(
        configMap ->
            new ConfigMapBuilder()
                .withApiVersion(configMap.getApiVersion())
                .withKind(configMap.getKind())
                .withMetadata(strippedMetadata(configMap.getMetadata()))
                .build());
  }

  static ObjectMeta strippedMetadata(ObjectMeta metadata) {
    ObjectMeta copy = new ObjectMetaBuilder(metadata).withManagedFields().build();
    if (copy.getAnnotations() != null && copy.getAnnotations().containsKey(LAST_APPLIED)) {
      Map<String, String> annotations = new HashMap<>(copy.getAnnotations());
      annotations.remove(LAST_APPLIED);
      copy.setAnnotations(annotations);
    }
    return copy;
  }

  @Override
  public String getKey(T object) {
    return store.getKey(object);
  }

  @Override
  public T put(String key, T object) {
    return store.put(key, strip.apply(object));
  }

  @Override
  public T remove(String key) {
    return store.remove(key);
  }

  @Override
  public Stream<String> keySet() {
    return store.keySet();
  }

  @Override
  public Stream<T> values() {
    return store.values();
  }

  @Override
  public int size() {
    return store.size();
  }

  @Override
  public T get(String key) {
    return store.get(key);
  }
}
