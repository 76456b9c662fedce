package io.integrationoperator.executor.authorization;

/**
 * The access a caller requests, in the terms of the SubjectAccessReview's resource attributes.
 *
 * @param namespace the Integration's namespace
 * @param integration the Integration's name
 * @param verb the lower-case HTTP method of the task, {@code get} for listing tasks, or {@code
 *     create} for a probe
 * @param subresource {@code tasks} for calling a task, {@code probe} for a probe through a gateway
 *     cluster; empty for listing tasks, which needs {@code get} on the Integration itself
 */
public record TaskAccess(String namespace, String integration, String verb, String subresource) {

  /** API group of the Integration resource. */
  public static final String GROUP = "integration-operator.io";

  /** Plural resource name of Integrations. */
  public static final String RESOURCE = "integrations";

  /** Subresource whose verbs allow task calls. */
  public static final String TASKS = "tasks";

  /** Subresource whose {@code create} verb allows probes through a gateway cluster. */
  public static final String PROBE = "probe";

  /** Access needed to call a task whose HTTP method is {@code method}. */
  public static TaskAccess call(String namespace, String integration, String method) {
    return new TaskAccess(namespace, integration, method.toLowerCase(java.util.Locale.ROOT), TASKS);
  }

  /**
   * Access needed to list tasks: {@code get} on the Integration, which every generated Role grants
   * (the admin Role and each verb Role), so whoever may call any task may also list them.
   */
  public static TaskAccess list(String namespace, String integration) {
    return new TaskAccess(namespace, integration, "get", "");
  }

  /**
   * Access needed to ask a gateway executor to probe the Integration: {@code create} on {@code
   * integrations/probe}, which the operator's ClusterRole holds and generated Roles do not.
   */
  public static TaskAccess probe(String namespace, String integration) {
    return new TaskAccess(namespace, integration, "create", PROBE);
  }

  /** Returns the resource as RBAC names it, for example {@code integrations/tasks}. */
  public String resourceName() {
    return subresource.isEmpty() ? RESOURCE : RESOURCE + "/" + subresource;
  }
}
