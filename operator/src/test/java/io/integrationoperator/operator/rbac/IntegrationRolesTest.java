package io.integrationoperator.operator.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.integrationoperator.api.integration.Integration;
import io.integrationoperator.api.integration.IntegrationSpec;
import io.integrationoperator.operator.TestIntegrations;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IntegrationRolesTest {
  private final Integration integration =
      TestIntegrations.stored("team-a", "inventory", new IntegrationSpec());

  @Test
  void namesAdminRoleThenVerbRolesAlphabetically() {
    List<Role> roles = IntegrationRoles.desired(integration, Set.of("POST", "get", "delete"));

    assertThat(roles)
        .extracting(r -> r.getMetadata().getName())
        .containsExactly("inventory-admin", "inventory-delete", "inventory-get", "inventory-post");
  }

  @Test
  void verbRoleRules() {
    Role post = IntegrationRoles.desired(integration, List.of("post")).get(1);

    assertThat(post.getRules())
        .containsExactly(rule("integrations/tasks", "post"), rule("integrations", "get"));
  }

  @Test
  void adminRoleRules() {
    Role admin = IntegrationRoles.desired(integration, List.of("put", "get")).get(0);

    assertThat(admin.getRules())
        .containsExactly(
            rule("integrations/tasks", "get", "put"),
            rule("integrations", "get", "update", "patch", "delete"));
  }

  @Test
  void modelWithoutTasksGetsAdminRoleOnly() {
    List<Role> roles = IntegrationRoles.desired(integration, List.of());

    assertThat(roles).hasSize(1);
    assertThat(roles.get(0).getRules())
        .containsExactly(rule("integrations", "get", "update", "patch", "delete"));
  }

  @Test
  void rolesCarryLabelAndControllerOwnerReference() {
    Role role = IntegrationRoles.desired(integration, List.of("get")).get(1);

    assertThat(role.getMetadata().getNamespace()).isEqualTo("team-a");
    assertThat(role.getMetadata().getLabels())
        .containsEntry("integration-operator.io/integration", "inventory");
    assertThat(role.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(
            owner -> {
              assertThat(owner.getKind()).isEqualTo("Integration");
              assertThat(owner.getApiVersion()).isEqualTo("integration-operator.io/v1alpha1");
              assertThat(owner.getName()).isEqualTo("inventory");
              assertThat(owner.getUid()).isEqualTo("uid-inventory");
              assertThat(owner.getController()).isTrue();
            });
  }

  @Test
  void updaterAcceptsRoleWithExtraUserLabels() {
    Role desired = IntegrationRoles.desired(integration, List.of("get")).get(1);
    Role actual = IntegrationRoles.desired(integration, List.of("get")).get(1);
    actual.getMetadata().setLabels(new java.util.HashMap<>(actual.getMetadata().getLabels()));
    actual.getMetadata().getLabels().put("team", "a");

    assertThat(RoleUpdater.matches(actual, desired, integration)).isTrue();
  }

  @Test
  void updaterDetectsChangedRules() {
    Role desired = IntegrationRoles.desired(integration, List.of("get")).get(1);
    Role actual = IntegrationRoles.desired(integration, List.of("get")).get(1);
    actual.setRules(List.of(rule("integrations/tasks", "get")));

    assertThat(RoleUpdater.matches(actual, desired, integration)).isFalse();
  }

  private static PolicyRule rule(String resource, String... verbs) {
    return new PolicyRuleBuilder()
        .withApiGroups("integration-operator.io")
        .withResources(resource)
        .withResourceNames("inventory")
        .withVerbs(verbs)
        .build();
  }
}
