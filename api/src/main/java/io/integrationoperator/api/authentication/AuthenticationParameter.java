package io.integrationoperator.api.authentication;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** Extra parameter of a token, refresh or key request. */
@JsonIgnoreProperties(ignoreUnknown = true)
@ValidationRule(
    value = "has(self.value) != has(self.valueFrom)",
    message = "set exactly one of value and valueFrom")
public class AuthenticationParameter {

  @JsonPropertyDescription(
      "Parameter name; matches a parameter the model declares in "
          + "x-itential-parameters, if any.")
  @Required
  private String name;

  @JsonPropertyDescription(
      "Where the parameter goes; needed only when the model does not declare " + "the parameter.")
  private ParameterLocation in;

  @JsonPropertyDescription(
      "Requests that carry the parameter; needed only when the model does not " + "declare it.")
  private List<ParameterUsage> usedIn;

  @JsonPropertyDescription("Literal value; not for credentials, which belong in valueFrom.")
  private String value;

  @JsonPropertyDescription("Secret key that holds the value.")
  private SecretValueSource valueFrom;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public ParameterLocation getIn() {
    return in;
  }

  public void setIn(ParameterLocation in) {
    this.in = in;
  }

  public List<ParameterUsage> getUsedIn() {
    return usedIn;
  }

  public void setUsedIn(List<ParameterUsage> usedIn) {
    this.usedIn = usedIn;
  }

  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value;
  }

  public SecretValueSource getValueFrom() {
    return valueFrom;
  }

  public void setValueFrom(SecretValueSource valueFrom) {
    this.valueFrom = valueFrom;
  }
}
