package io.integrationoperator.api.integration;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/** Observed state of an Integration. */
@JsonIgnoreProperties(ignoreUnknown = true)
public class IntegrationStatus {

  @JsonPropertyDescription("Generation of the spec that this status describes.")
  private Long observedGeneration;

  @JsonPropertyDescription("Effective base URL of the server.")
  private String endpoint;

  @JsonPropertyDescription("Model the Integration resolved.")
  private ResolvedModel model;

  @JsonPropertyDescription("Names of the generated Roles.")
  private List<String> roles;

  @JsonPropertyDescription(
      "Name of the projected Secret with the credential material the executor " + "uses.")
  private String credentialsSecret;

  @JsonPropertyDescription(
      "Effective routing of calls: execution mode, gateway cluster and proxy, after the"
          + " operator's defaults were applied.")
  private EffectiveRouting routing;

  @JsonPropertyDescription("Result of the last connectivity probe.")
  private ProbeResult lastProbe;

  @JsonPropertyDescription("State of the cached token, for token-based authentication.")
  private TokenState token;

  @JsonPropertyDescription(
      "Conditions ModelResolved, SpecValid, CredentialsResolved, RolesReady, Connected and"
          + " Ready, and for https servers TlsVerified, which is False with reason"
          + " TlsVerificationDisabled when tls.verify is false and does not affect Ready.")
  private List<Condition> conditions = new ArrayList<>();

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public String getEndpoint() {
    return endpoint;
  }

  public void setEndpoint(String endpoint) {
    this.endpoint = endpoint;
  }

  public EffectiveRouting getRouting() {
    return routing;
  }

  public void setRouting(EffectiveRouting routing) {
    this.routing = routing;
  }

  public ResolvedModel getModel() {
    return model;
  }

  public void setModel(ResolvedModel model) {
    this.model = model;
  }

  public List<String> getRoles() {
    return roles;
  }

  public void setRoles(List<String> roles) {
    this.roles = roles;
  }

  public String getCredentialsSecret() {
    return credentialsSecret;
  }

  public void setCredentialsSecret(String credentialsSecret) {
    this.credentialsSecret = credentialsSecret;
  }

  public ProbeResult getLastProbe() {
    return lastProbe;
  }

  public void setLastProbe(ProbeResult lastProbe) {
    this.lastProbe = lastProbe;
  }

  public TokenState getToken() {
    return token;
  }

  public void setToken(TokenState token) {
    this.token = token;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }
}
