package io.integrationoperator.local.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resource types that the local API server serves at one moment: the built-in types plus one
 * type per served version of every stored CustomResourceDefinition.
 */
public final class ResourceCatalog {

  private final List<ResourceType> types;

  private ResourceCatalog(List<ResourceType> types) {
    this.types = List.copyOf(types);
  }

  /** Returns a catalog of the built-in types and the types the given CRD objects define. */
  public static ResourceCatalog of(List<JsonNode> customResourceDefinitions) {
    List<ResourceType> types = new ArrayList<>(BuiltInResourceTypes.all());
    for (JsonNode crd : customResourceDefinitions) {
      types.addAll(CustomResourceTypes.fromDefinition(crd));
    }
    return new ResourceCatalog(types);
  }

  /** Returns every type in the order discovery lists them. */
  public List<ResourceType> types() {
    return types;
  }

  /** Finds the type served at {@code /api(s)/<group>/<version>/<plural>}. */
  public Optional<ResourceType> find(String group, String version, String plural) {
    return types.stream()
        .filter(t -> t.group().equals(group))
        .filter(t -> t.version().equals(version))
        .filter(t -> t.plural().equals(plural))
        .findFirst();
  }

  /** Finds the type of objects with the given {@code apiVersion} and {@code kind}. */
  public Optional<ResourceType> findByKind(String apiVersion, String kind) {
    return types.stream()
        .filter(t -> t.apiVersion().equals(apiVersion))
        .filter(t -> t.kind().equals(kind))
        .findFirst();
  }

  /** Returns the types of one group and version. */
  public List<ResourceType> typesOf(String group, String version) {
    return types.stream()
        .filter(t -> t.group().equals(group) && t.version().equals(version))
        .toList();
  }

  /** Returns the versions of each non-core group, in the order the types were added. */
  public Map<String, List<String>> groupVersions() {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    for (ResourceType type : types) {
      if (type.group().isEmpty()) {
        continue;
      }
      List<String> versions = groups.computeIfAbsent(type.group(), g -> new ArrayList<>());
      if (!versions.contains(type.version())) {
        versions.add(type.version());
      }
    }
    return groups;
  }
}
