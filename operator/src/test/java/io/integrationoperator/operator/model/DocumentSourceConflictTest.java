package io.integrationoperator.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.integrationoperator.api.model.DocumentSource;
import io.integrationoperator.api.model.IntegrationModel;
import io.integrationoperator.api.model.IntegrationModelSpec;
import io.integrationoperator.operator.status.Outcome;
import org.junit.jupiter.api.Test;

class DocumentSourceConflictTest {

  @Test
  void bothSourcesAreRejected() {
    IntegrationModel model = new IntegrationModel();
    model.getMetadata().setNamespace("shop");
    model.getMetadata().setName("pets");
    IntegrationModelSpec spec = new IntegrationModelSpec();
    spec.setDocument("openapi: 3.0.3");
    DocumentSource source = new DocumentSource();
    source.setConfigMapKeyRef(new ConfigMapKeySelector("openapi.json", "pets", false));
    spec.setDocumentFrom(source);
    model.setSpec(spec);

    // No API call is needed to detect the conflict, so the reader gets no client.
    DocumentText text = new DocumentReader(null).read(model);

    assertThat(text.text()).isEmpty();
    Outcome failure = text.failure().orElseThrow();
    assertThat(failure.status()).isEqualTo("False");
    assertThat(failure.reason()).isEqualTo(ModelConditions.DOCUMENT_SOURCE_CONFLICT);
    assertThat(failure.message())
        .isEqualTo("spec.document and spec.documentFrom are both set; remove one of them.");
  }
}
