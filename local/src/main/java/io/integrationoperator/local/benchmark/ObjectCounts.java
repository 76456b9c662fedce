package io.integrationoperator.local.benchmark;

import io.fabric8.kubernetes.client.KubernetesClient;

/** Numbers of the objects in the benchmark namespace that the operator writes. */
record ObjectCounts(int roles, int secrets, int events) {

  static ObjectCounts list(KubernetesClient client, String namespace) {
    return new ObjectCounts(
        client.rbac().roles().inNamespace(namespace).list().getItems().size(),
        client.secrets().inNamespace(namespace).list().getItems().size(),
        client.v1().events().inNamespace(namespace).list().getItems().size());
  }

  String describe() {
    return roles + " Roles, " + secrets + " Secrets, " + events + " Events";
  }
}
