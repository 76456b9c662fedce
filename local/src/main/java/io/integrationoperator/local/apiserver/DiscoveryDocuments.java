package io.integrationoperator.local.apiserver;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Builds the legacy (not aggregated) discovery documents that kubectl and client libraries read
 * before any other request: {@code /version}, {@code /api}, {@code /apis}, {@code /api/v1} and
 * {@code /apis/<group>/<version>}.
 *
 * <p>kubectl requests aggregated discovery ({@code as=APIGroupDiscoveryList}) first but also
 * accepts {@code application/json}. Returning the legacy documents makes it fall back to one
 * request per group version.
 */
public final class DiscoveryDocuments {

  /** Kubernetes version that {@code /version} reports; kubectl v1.32 warns on a larger skew. */
  public static final String KUBERNETES_VERSION = "v1.32.0";

  private static final List<String> VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");
  private static final List<String> SUBRESOURCE_VERBS = List.of("get", "patch", "update");

  private final ObjectMapper mapper;

  public DiscoveryDocuments(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** Builds the {@code /version} document. */
  public ObjectNode version() {
    ObjectNode version = mapper.createObjectNode();
    version.put("major", "1");
    version.put("minor", "32");
    version.put("gitVersion", KUBERNETES_VERSION);
    version.put("gitCommit", "");
    version.put("gitTreeState", "clean");
    version.put("buildDate", "2024-12-11T00:00:00Z");
    version.put("goVersion", "");
    version.put("compiler", "");
    version.put("platform", "linux/amd64");
    return version;
  }

  /** Builds the {@code /api} document (kind APIVersions). */
  public ObjectNode coreVersions(String serverAddress) {
    ObjectNode versions = mapper.createObjectNode();
    versions.put("kind", "APIVersions");
    versions.putArray("versions").add("v1");
    ObjectNode address = versions.putArray("serverAddressByClientCIDRs").addObject();
    address.put("clientCIDR", "0.0.0.0/0");
    address.put("serverAddress", serverAddress);
    return versions;
  }

  /** Builds the {@code /apis} document (kind APIGroupList). */
  public ObjectNode groupList(ResourceCatalog catalog) {
    ObjectNode list = mapper.createObjectNode();
    list.put("kind", "APIGroupList");
    list.put("apiVersion", "v1");
    ArrayNode groups = list.putArray("groups");
    for (Map.Entry<String, List<String>> group : catalog.groupVersions().entrySet()) {
      groups.add(group(group.getKey(), group.getValue()));
    }
    return list;
  }

  /** Builds the {@code /apis/<group>} document (kind APIGroup). */
  public ObjectNode group(String name, List<String> versions) {
    ObjectNode group = mapper.createObjectNode();
    group.put("kind", "APIGroup");
    group.put("apiVersion", "v1");
    group.put("name", name);
    ArrayNode versionArray = group.putArray("versions");
    for (String version : versions) {
      versionArray.add(groupVersion(name, version));
    }
    group.set("preferredVersion", groupVersion(name, versions.get(0)));
    return group;
  }

  private ObjectNode groupVersion(String group, String version) {
    ObjectNode node = mapper.createObjectNode();
    node.put("groupVersion", group + "/" + version);
    node.put("version", version);
    return node;
  }

  /** Builds the {@code /api/v1} or {@code /apis/<group>/<version>} document. */
  public ObjectNode resourceList(String group, String version, List<ResourceType> types) {
    ObjectNode list = mapper.createObjectNode();
    list.put("kind", "APIResourceList");
    list.put("apiVersion", "v1");
    list.put("groupVersion", group.isEmpty() ? version : group + "/" + version);
    ArrayNode resources = list.putArray("resources");
    for (ResourceType type : types) {
      resources.add(resource(type));
      if (type.statusSubresource()) {
        ObjectNode status = resources.addObject();
        status.put("name", type.plural() + "/status");
        status.put("singularName", "");
        status.put("namespaced", type.namespaced());
        status.put("kind", type.kind());
        SUBRESOURCE_VERBS.forEach(status.putArray("verbs")::add);
      }
    }
    return list;
  }

  private ObjectNode resource(ResourceType type) {
    ObjectNode resource = mapper.createObjectNode();
    resource.put("name", type.plural());
    resource.put("singularName", type.singular());
    resource.put("namespaced", type.namespaced());
    resource.put("kind", type.kind());
    VERBS.forEach(resource.putArray("verbs")::add);
    if (!type.shortNames().isEmpty()) {
      type.shortNames().forEach(resource.putArray("shortNames")::add);
    }
    if (!type.categories().isEmpty()) {
      type.categories().forEach(resource.putArray("categories")::add);
    }
    return resource;
  }
}
