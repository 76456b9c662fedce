package io.integrationoperator.api.authentication;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.LocalObjectReference;

/** TLS client certificate authentication. */
@JsonIgnoreProperties(ignoreUnknown = true)
public class MutualTlsAuthentication {

  @JsonPropertyDescription(
      "Secret of type kubernetes.io/tls with the keys tls.crt and tls.key, "
          + "and optionally ca.crt.")
  @Required
  private LocalObjectReference secretRef;

  public LocalObjectReference getSecretRef() {
    return secretRef;
  }

  public void setSecretRef(LocalObjectReference secretRef) {
    this.secretRef = secretRef;
  }
}
