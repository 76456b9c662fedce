package io.integrationoperator.api.integration;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** TLS settings for connections to the server. */
@JsonIgnoreProperties(ignoreUnknown = true)
public class Tls {

  @JsonPropertyDescription(
      "Whether the server certificate and host name are verified; defaults to true. False"
          + " accepts any server and sets the condition TlsVerified to False.")
  private Boolean verify;

  @JsonPropertyDescription(
      "PEM CA certificates trusted in addition to the JVM's default trust store, which stays"
          + " in use.")
  private CaBundleSource caBundle;

  @JsonPropertyDescription(
      "Host name sent in SNI and checked against the certificate; defaults to "
          + "the server host.")
  private String serverName;

  public Boolean getVerify() {
    return verify;
  }

  public void setVerify(Boolean verify) {
    this.verify = verify;
  }

  public CaBundleSource getCaBundle() {
    return caBundle;
  }

  public void setCaBundle(CaBundleSource caBundle) {
    this.caBundle = caBundle;
  }

  public String getServerName() {
    return serverName;
  }

  public void setServerName(String serverName) {
    this.serverName = serverName;
  }
}
