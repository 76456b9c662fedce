package io.integrationoperator.api.authentication;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** HTTP Bearer authentication with a static token. */
@JsonIgnoreProperties(ignoreUnknown = true)
public class BearerAuthentication {

  @JsonPropertyDescription("Secret key that holds the bearer token itself.")
  @Required
  private SecretValueSource token;

  public SecretValueSource getToken() {
    return token;
  }

  public void setToken(SecretValueSource token) {
    this.token = token;
  }
}
