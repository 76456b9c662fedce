package io.integrationoperator.api.authentication;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.LocalObjectReference;

/** TLS client certificate authentication. */
@JsonIgnoreProperties(ignoreUnknown = true)
public class MutualTlsAuthentication {

  @JsonPropertyDescription(
      "Secret of type kubernetes.io/tls: tls.crt contains the client certificate followed by any"
          + " intermediate CAs, tls.key its unencrypted private key (PKCS#8, PKCS#1 or SEC1"
          + " PEM), and the optional ca.crt CAs trusted for the server in addition to"
          + " tls.caBundle.")
  @Required
  private LocalObjectReference secretRef;

  public LocalObjectReference getSecretRef() {
    return secretRef;
  }

  public void setSecretRef(LocalObjectReference secretRef) {
    this.secretRef = secretRef;
  }
}
