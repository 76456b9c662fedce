package io.integrationoperator.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import java.util.stream.Collectors;

/**
 * Index keys and mappers for primary resources that refer to other objects by name in their own
 * namespace. The primary cache indexes each primary under {@code <namespace>/<referenced name>}; an
 * event about a referenced object then maps to the primaries under its key.
 */
public final class ReferenceIndex {

  private ReferenceIndex() {}

  /** Builds the index key of a referenced object. */
  public static String key(String namespace, String name) {
    return namespace + "/" + name;
  }

  /** Builds a mapper from a referenced object to the primaries that the index lists for it. */
  public static <R extends HasMetadata, P extends HasMetadata> SecondaryToPrimaryMapper<R> mapper(
      IndexedResourceCache<P> primaries, String indexName) {
    return object ->
        primaries
            .byIndex(
                indexName, key(object.getMetadata().getNamespace(), object.getMetadata().getName()))
            .stream()
            .map(ResourceID::fromResource)
            .collect(Collectors.toSet());
  }
}
