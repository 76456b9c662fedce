package io.integrationoperator.api.authentication;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.SecretKeySelector;

/** Reference to one key of a Secret in the Integration's namespace. */
@JsonIgnoreProperties(ignoreUnknown = true)
public class SecretValueSource {

  @JsonPropertyDescription("Secret name and key that hold the value.")
  @Required
  private SecretKeySelector secretKeyRef;

  public SecretKeySelector getSecretKeyRef() {
    return secretKeyRef;
  }

  public void setSecretKeyRef(SecretKeySelector secretKeyRef) {
    this.secretKeyRef = secretKeyRef;
  }
}
