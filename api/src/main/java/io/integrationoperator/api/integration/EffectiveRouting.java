package io.integrationoperator.api.integration;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/**
 * Where an Integration's calls run, after the operator's gateway defaults were applied to
 * spec.gateway. Executors route calls by this status, so it is written by the operator only.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public class EffectiveRouting {

  @JsonPropertyDescription("Effective execution mode: Direct, ClusterNoProxy or Proxy.")
  private ExecutionMode executionMode;

  @JsonPropertyDescription("Gateway cluster that runs the calls; empty in execution mode Direct.")
  private String cluster;

  @JsonPropertyDescription("Proxy the calls go through; set in execution mode Proxy only.")
  private EffectiveProxy proxy;

  @JsonPropertyDescription(
      "Where each value comes from: spec when spec.gateway sets it, default when the operator's"
          + " configuration supplies it.")
  private List<String> sources;

  public ExecutionMode getExecutionMode() {
    return executionMode;
  }

  public void setExecutionMode(ExecutionMode executionMode) {
    this.executionMode = executionMode;
  }

  public String getCluster() {
    return cluster;
  }

  public void setCluster(String cluster) {
    this.cluster = cluster;
  }

  public EffectiveProxy getProxy() {
    return proxy;
  }

  public void setProxy(EffectiveProxy proxy) {
    this.proxy = proxy;
  }

  public List<String> getSources() {
    return sources;
  }

  public void setSources(List<String> sources) {
    this.sources = sources;
  }
}
