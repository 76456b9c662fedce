package io.integrationoperator.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Map;

/** Security scheme declared by the document. */
@JsonIgnoreProperties(ignoreUnknown = true)
public class SecuritySchemeStatus {

  @JsonPropertyDescription("Name of the scheme in the document.")
  private String name;

  @JsonPropertyDescription(
      "Scheme type: apiKey, http, oauth2, openIdConnect, mutualTLS or " + "awsSigV4.")
  private String type;

  @JsonPropertyDescription(
      "Type-specific details, for example in and name for apiKey or tokenUrl " + "for oauth2.")
  private Map<String, String> details;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public Map<String, String> getDetails() {
    return details;
  }

  public void setDetails(Map<String, String> details) {
    this.details = details;
  }
}
