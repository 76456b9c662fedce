package io.integrationoperator.local.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One resource type that the local API server serves, as discovery documents describe it.
 *
 * @param group API group; empty for the core group
 * @param version API version
 * @param kind object kind, such as {@code ConfigMap}
 * @param plural resource name in paths, such as {@code configmaps}
 * @param singular singular resource name, such as {@code configmap}
 * @param namespaced whether objects live in a namespace
 * @param shortNames short names that kubectl accepts, such as {@code cm}
 * @param categories categories such as {@code all}
 * @param statusSubresource whether the type has a {@code status} subresource
 * @param printerColumns columns for the {@code meta.k8s.io/v1} Table form, after the name
 * @param schema OpenAPI v3 schema of a custom resource, or null for built-in types
 */
public record ResourceType(
    String group,
    String version,
    String kind,
    String plural,
    String singular,
    boolean namespaced,
    List<String> shortNames,
    List<String> categories,
    boolean statusSubresource,
    List<PrinterColumn> printerColumns,
    JsonNode schema) {

  /** Returns the {@code apiVersion} value of objects of this type. */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** Returns true for types defined by a CustomResourceDefinition. */
  public boolean isCustom() {
    return schema != null;
  }

  /** Returns the resource name with its group, such as {@code roles.rbac.authorization.k8s.io}. */
  public String qualifiedPlural() {
    return group.isEmpty() ? plural : plural + "." + group;
  }
}
