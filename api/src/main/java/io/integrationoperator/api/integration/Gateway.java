package io.integrationoperator.api.integration;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * Routing of outbound calls: the gateway cluster that runs them and the proxy they use. Each field
 * that is not set takes the operator's configured default; the effective routing is shown in
 * status.routing.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public class Gateway {

  @JsonPropertyDescription(
      "Name of the gateway cluster (a pool of executors) that runs the calls in execution modes ClusterNoProxy and Proxy; defaults to the operator's configured default cluster.")
  private String cluster;

  @JsonPropertyDescription(
      "Direct, ClusterNoProxy or Proxy; defaults to the operator's configured " + "default.")
  private ExecutionMode executionMode;

  @JsonPropertyDescription(
      "HTTP proxy used in executionMode Proxy; replaces the operator's default proxy as a whole.")
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
