package io.integrationoperator.api.integration;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.integrationoperator.api.authentication.Authentication;

/** Desired state of one connection to an external system. */
@JsonIgnoreProperties(ignoreUnknown = true)
public class IntegrationSpec {

  @JsonPropertyDescription("IntegrationModel that describes the system's API.")
  @Required
  private ModelReference modelRef;

  @JsonPropertyDescription("Server address; unset fields come from the model.")
  private Server server;

  @JsonPropertyDescription(
      "Authentication applied to every request; omit it for APIs without " + "authentication.")
  private Authentication authentication;

  @JsonPropertyDescription("TLS settings.")
  private Tls tls;

  @JsonPropertyDescription(
      "Maximum time of one call, as a duration such as 30s or 1m30s; defaults " + "to 30s.")
  @Pattern("^([0-9]+(\\.[0-9]+)?(ns|us|ms|s|m|h))+$")
  private String timeout;

  @JsonPropertyDescription("Where calls run: gateway cluster, execution mode and proxy.")
  private Gateway gateway;

  @JsonPropertyDescription("Logging of task calls.")
  private Logging logging;

  @JsonPropertyDescription("Connectivity probe settings.")
  private Probe probe;

  public ModelReference getModelRef() {
    return modelRef;
  }

  public void setModelRef(ModelReference modelRef) {
    this.modelRef = modelRef;
  }

  public Server getServer() {
    return server;
  }

  public void setServer(Server server) {
    this.server = server;
  }

  public Authentication getAuthentication() {
    return authentication;
  }

  public void setAuthentication(Authentication authentication) {
    this.authentication = authentication;
  }

  public Tls getTls() {
    return tls;
  }

  public void setTls(Tls tls) {
    this.tls = tls;
  }

  public String getTimeout() {
    return timeout;
  }

  public void setTimeout(String timeout) {
    this.timeout = timeout;
  }

  public Gateway getGateway() {
    return gateway;
  }

  public void setGateway(Gateway gateway) {
    this.gateway = gateway;
  }

  public Logging getLogging() {
    return logging;
  }

  public void setLogging(Logging logging) {
    this.logging = logging;
  }

  public Probe getProbe() {
    return probe;
  }

  public void setProbe(Probe probe) {
    this.probe = probe;
  }
}
