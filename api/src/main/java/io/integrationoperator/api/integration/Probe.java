package io.integrationoperator.api.integration;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * Connectivity probe settings. With neither task nor path set, the probe requests the server's base
 * path with authentication applied.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@ValidationRule(
    value = "!(has(self.task) && has(self.path))",
    message = "set task or path, not both")
public class Probe {

  @JsonPropertyDescription("Task (operationId) to call; it must need no parameters.")
  private String task;

  @JsonPropertyDescription("Path below the base path to request with GET, for example /health.")
  @Pattern("^/.*$")
  private String path;

  @JsonPropertyDescription("Time between probes as a duration such as 5m or 30s; defaults to 5m.")
  @Pattern("^([0-9]+(\\.[0-9]+)?(ns|us|ms|s|m|h))+$")
  private String interval;

  public String getTask() {
    return task;
  }

  public void setTask(String task) {
    this.task = task;
  }

  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }

  public String getInterval() {
    return interval;
  }

  public void setInterval(String interval) {
    this.interval = interval;
  }
}
