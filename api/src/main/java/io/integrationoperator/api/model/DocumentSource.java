package io.integrationoperator.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;

/** Source of the OpenAPI document: a ConfigMap key. */
@JsonIgnoreProperties(ignoreUnknown = true)
public class DocumentSource {

  @JsonPropertyDescription(
      "ConfigMap key that holds the document; create it with kubectl create "
          + "configmap --from-file.")
  @Required
  private ConfigMapKeySelector configMapKeyRef;

  public ConfigMapKeySelector getConfigMapKeyRef() {
    return configMapKeyRef;
  }

  public void setConfigMapKeyRef(ConfigMapKeySelector configMapKeyRef) {
    this.configMapKeyRef = configMapKeyRef;
  }
}
