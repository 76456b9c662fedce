package io.integrationoperator.local.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiRequestTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "/api/v1/namespaces/default/configmaps | '' | v1 | default | configmaps | - | -",
        "/api/v1/namespaces/default/secrets/s | '' | v1 | default | secrets | s | -",
        "/api/v1/namespaces/default | '' | v1 | - | namespaces | default | -",
        "/api/v1/namespaces/default/status | '' | v1 | - | namespaces | default | status",
        "/api/v1/events?fieldSelector=a%3Db | '' | v1 | - | events | - | -",
        "/apis/integration-operator.io/v1alpha1/namespaces/ns/integrations/p/status"
            + " | integration-operator.io | v1alpha1 | ns | integrations | p | status",
        "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/x"
            + " | apiextensions.k8s.io | v1 | - | customresourcedefinitions | x | -"
      })
  void splitsResourcePaths(
      String target,
      String group,
      String version,
      String namespace,
      String plural,
      String name,
      String subresource) {
    ApiRequest request = ApiRequest.parse(target);

    assertThat(request.group()).isEqualTo(group);
    assertThat(request.version()).isEqualTo(version);
    assertThat(request.namespace()).isEqualTo(namespace);
    assertThat(request.plural()).isEqualTo(plural);
    assertThat(request.name()).isEqualTo(name);
    assertThat(request.subresource()).isEqualTo(subresource);
  }

  @ParameterizedTest(name = "{0} is not a resource")
  @CsvSource({"/api", "/apis", "/apis/rbac.authorization.k8s.io", "/api/v1", "/version"})
  void discoveryPathsAreNotResources(String target) {
    assertThat(ApiRequest.parse(target).isResource()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/api/v1/events?watch=true&fieldSelector=involvedObject.name%3Dp%2Ctype%3DWarning"
            + " | /api/v1/events?watch=true",
        "/api/v1/secrets?fieldSelector=metadata.name%3Ds%2Ctype%3DOpaque&limit=500"
            + " | /api/v1/secrets?fieldSelector=metadata.name=s",
        "/apis/rbac.authorization.k8s.io/v1/namespaces/d/roles?labelSelector=a%3Db%2Cc"
            + " | /apis/rbac.authorization.k8s.io/v1/namespaces/d/roles?labelSelector=a=b,c"
      })
  void storeQueryKeepsWhatStoreUnderstands(String target, String expected) {
    assertThat(StoreQuery.storePath(ApiRequest.parse(target))).isEqualTo(expected);
  }
}
