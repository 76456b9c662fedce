package io.integrationoperator.api.integration;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;

/** Routing of outbound calls: the gateway cluster that runs them and the proxy they use. */
@JsonIgnoreProperties(ignoreUnknown = true)
@ValidationRule(
    value = "!has(self.executionMode) || self.executionMode != 'Proxy' || has(self.proxy)",
    message = "proxy is required when executionMode is Proxy")
public class Gateway {

  @JsonPropertyDescription("Name of the gateway cluster (a pool of executors) that runs the calls.")
  private String cluster;

  @JsonPropertyDescription(
      "Direct, ClusterNoProxy or Proxy; defaults to the operator's configured " + "default.")
  private ExecutionMode executionMode;

  @JsonPropertyDescription("HTTP proxy; required when executionMode is Proxy.")
  private ProxyConfig proxy;

  public String getCluster() {
    return cluster;
  }

  public void setCluster(String cluster) {
    this.cluster = cluster;
  }

  public ExecutionMode getExecutionMode() {
    return executionMode;
  }

  public void setExecutionMode(ExecutionMode executionMode) {
    this.executionMode = executionMode;
  }

  public ProxyConfig getProxy() {
    return proxy;
  }

  public void setProxy(ProxyConfig proxy) {
    this.proxy = proxy;
  }
}
