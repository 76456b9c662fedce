package io.integrationoperator.operator.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataOnlyItemStoreTest {

  @Test
  void secretIsStoredWithoutDataOrAppliedCopy() {
    Secret secret =
        new SecretBuilder()
            .withNewMetadata()
            .withNamespace("ns")
            .withName("login")
            .withResourceVersion("7")
            .withLabels(Map.of("app", "x"))
            .withAnnotations(
                Map.of(
                    MetadataOnlyItemStore.LAST_APPLIED,
                    "{\"data\":{\"password\":\"c2VjcmV0\"}}",
                    "note",
                    "kept"))
            .withManagedFields(new ManagedFieldsEntry())
            .endMetadata()
            .withType("Opaque")
            .withData(Map.of("password", "c2VjcmV0"))
            .withStringData(Map.of("token", "plain"))
            .build();
    MetadataOnlyItemStore<Secret> store = MetadataOnlyItemStore.forSecrets();

    store.put(store.getKey(secret), secret);

    Secret stored = store.get("ns/login");
    assertThat(stored.getData()).isNullOrEmpty();
    assertThat(stored.getStringData()).isNullOrEmpty();
    assertThat(stored.getType()).isEqualTo("Opaque");
    assertThat(stored.getMetadata().getResourceVersion()).isEqualTo("7");
    assertThat(stored.getMetadata().getLabels()).containsEntry("app", "x");
    assertThat(stored.getMetadata().getAnnotations()).containsOnlyKeys("note");
    assertThat(stored.getMetadata().getManagedFields()).isNullOrEmpty();
    assertThat(secret.getData()).containsKey("password");
  }

  @Test
  void configMapIsStoredWithoutData() {
    ConfigMap configMap =
        new ConfigMapBuilder()
            .withNewMetadata()
            .withNamespace("ns")
            .withName("doc")
            .endMetadata()
            .withData(Map.of("openapi.yaml", "openapi: 3.0.0"))
            .withBinaryData(Map.of("blob", "AAAA"))
            .build();
    MetadataOnlyItemStore<ConfigMap> store = MetadataOnlyItemStore.forConfigMaps();

    store.put(store.getKey(configMap), configMap);

    assertThat(store.get("ns/doc").getData()).isNullOrEmpty();
    assertThat(store.get("ns/doc").getBinaryData()).isNullOrEmpty();
    assertThat(store.size()).isEqualTo(1);
    store.remove("ns/doc");
    assertThat(store.size()).isZero();
  }
}
