package io.integrationoperator.api.authentication;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.LocalObjectReference;

/** AWS Signature Version 4 request signing. */
@JsonIgnoreProperties(ignoreUnknown = true)
public class AwsSigV4Authentication {

  @JsonPropertyDescription(
      "AWS region, for example us-east-1; defaults to the region in an AWS "
          + "endpoint host name.")
  private String region;

  @JsonPropertyDescription(
      "AWS service signing name, for example execute-api; defaults to the "
          + "service in an AWS endpoint host name.")
  private String service;

  @JsonPropertyDescription(
      "Secret with the keys accessKeyId and secretAccessKey, and optionally " + "sessionToken.")
  @Required
  private LocalObjectReference secretRef;

  public String getRegion() {
    return region;
  }

  public void setRegion(String region) {
    this.region = region;
  }

  public String getService() {
    return service;
  }

  public void setService(String service) {
    this.service = service;
  }

  public LocalObjectReference getSecretRef() {
    return secretRef;
  }

  public void setSecretRef(LocalObjectReference secretRef) {
    this.secretRef = secretRef;
  }
}
