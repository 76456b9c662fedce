package io.integrationoperator.api.authentication;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;

/** API key sent in the header, query parameter or cookie that the model's apiKey scheme names. */
@JsonIgnoreProperties(ignoreUnknown = true)
@ValidationRule(
    value = "!(has(self.value) && has(self.dynamicRetrieval))",
    message = "set either value or dynamicRetrieval, not both")
public class ApiKeyAuthentication {

  @JsonPropertyDescription("Secret key that holds a static API key.")
  private SecretValueSource value;

  @JsonPropertyDescription(
      "Request that obtains the key at run time; overrides the model's "
          + "x-itential-dynamic-retrieval extension.")
  private DynamicRetrieval dynamicRetrieval;

  public SecretValueSource getValue() {
    return value;
  }

  public void setValue(SecretValueSource value) {
    this.value = value;
  }

  public DynamicRetrieval getDynamicRetrieval() {
    return dynamicRetrieval;
  }

  public void setDynamicRetrieval(DynamicRetrieval dynamicRetrieval) {
    this.dynamicRetrieval = dynamicRetrieval;
  }
}
