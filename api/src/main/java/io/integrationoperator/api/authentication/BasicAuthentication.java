package io.integrationoperator.api.authentication;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.LocalObjectReference;

/** HTTP Basic authentication. */
@JsonIgnoreProperties(ignoreUnknown = true)
public class BasicAuthentication {

  @JsonPropertyDescription("Secret with the keys username and password.")
  @Required
  private LocalObjectReference secretRef;

  public LocalObjectReference getSecretRef() {
    return secretRef;
  }

  public void setSecretRef(LocalObjectReference secretRef) {
    this.secretRef = secretRef;
  }
}
