package io.integrationoperator.operator.rbac;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.integrationoperator.api.integration.Integration;
import io.integrationoperator.operator.GeneratedObjects;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Builds the Roles generated for an Integration: {@code <integration>-admin} and one {@code
 * <integration>-<verb>} per lower-case HTTP method the model uses. Callers of the executor need the
 * verb of a task's method on {@code integrations/tasks} named after the Integration.
 */
public final class IntegrationRoles {
  /** Resource whose verbs authorise task calls. */
  public static final String TASKS_RESOURCE = "integrations/tasks";

  /** Resource of the Integration itself. */
  public static final String INTEGRATIONS_RESOURCE = "integrations";

  /** Verbs the admin Role holds on the Integration itself. */
  public static final List<String> ADMIN_INTEGRATION_VERBS =
      List.of("get", "update", "patch", "delete");

  private IntegrationRoles() {}

  /** Returns the name of the admin Role. */
  public static String adminRoleName(String integrationName) {
    return integrationName + "-admin";
  }

  /**
   * Returns the name of the Role for one task verb.
   *
   * <p>An Integration name longer than 63 characters does not fit the label value of the generated
   * objects, so a real API server rejects the Roles with RoleCreateFailed as the result; SpecValid
   * reports such a name as InvalidName first.
   */
  public static String verbRoleName(String integrationName, String verb) {
    return integrationName + "-" + verb;
  }

  /**
   * Builds the desired Roles: the admin Role first, then one per verb in alphabetical order.
   *
   * @param methods HTTP methods of the model's tasks, in any case
   */
  public static List<Role> desired(Integration integration, Collection<String> methods) {
    String name = integration.getMetadata().getName();
    SortedSet<String> verbs = verbs(methods);
    List<Role> roles = new ArrayList<>();
    roles.add(role(integration, adminRoleName(name), adminRules(name, verbs)));
    for (String verb : verbs) {
      roles.add(role(integration, verbRoleName(name, verb), verbRules(name, verb)));
    }
    return roles;
  }

  /** Rules of the admin Role: every task verb, plus managing the Integration itself. */
  static List<PolicyRule> adminRules(String integrationName, SortedSet<String> verbs) {
    List<PolicyRule> rules = new ArrayList<>();
    // An empty verb list is invalid in a PolicyRule, so a model without tasks gets no task rule.
    if (!verbs.isEmpty()) {
      rules.add(rule(TASKS_RESOURCE, integrationName, List.copyOf(verbs)));
    }
    rules.add(rule(INTEGRATIONS_RESOURCE, integrationName, ADMIN_INTEGRATION_VERBS));
    return rules;
  }

  /** Rules of a verb Role: that verb on the tasks, plus reading the Integration. */
  static List<PolicyRule> verbRules(String integrationName, String verb) {
    return List.of(
        rule(TASKS_RESOURCE, integrationName, List.of(verb)),
        rule(INTEGRATIONS_RESOURCE, integrationName, List.of("get")));
  }

  private static SortedSet<String> verbs(Collection<String> methods) {
    SortedSet<String> verbs = new TreeSet<>();
    for (String method : methods) {
      verbs.add(method.toLowerCase(Locale.ROOT));
    }
    return verbs;
  }

  private static PolicyRule rule(String resource, String resourceName, List<String> verbs) {
    return new PolicyRuleBuilder()
        .withApiGroups(Integration.GROUP)
        .withResources(resource)
        .withResourceNames(resourceName)
        .withVerbs(verbs)
        .build();
  }

  private static Role role(Integration integration, String name, List<PolicyRule> rules) {
    return new RoleBuilder()
        .withMetadata(GeneratedObjects.metadata(integration, name))
        .withRules(rules)
        .build();
  }
}
