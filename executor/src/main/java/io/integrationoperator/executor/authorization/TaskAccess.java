package io.integrationoperator.executor.authorization;

/**
 * The access a caller requests, in the terms of the SubjectAccessReview's resource attributes.
 *
 * @param namespace the Integration's namespace
 * @param integration the Integration's name
 * @param verb the lower-case HTTP method of the task, or {@code get} for listing tasks
 * @param subresource {@code tasks} for calling a task; empty for listing tasks, which needs {@code
 *     get} on the Integration itself
 */
public record TaskAccess(String namespace, String integration, String verb, String subresource) {

  /** API group of the Integration resource. */
  public static final String GROUP = "integration-operator.io";

  /** Plural resource name of Integrations. */
  public static final String RESOURCE = "integrations";

  /** Subresource whose verbs allow task calls. */
  public static final String TASKS = "tasks";

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

  /** Returns the resource as RBAC names it, for example {@code integrations/tasks}. */
  public String resourceName() {
    return subresource.isEmpty() ? RESOURCE : RESOURCE + "/" + subresource;
  }
}
