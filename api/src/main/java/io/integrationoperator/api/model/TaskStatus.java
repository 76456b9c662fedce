package io.integrationoperator.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One callable task: an operation of the document. */
@JsonIgnoreProperties(ignoreUnknown = true)
public class TaskStatus {

  @JsonPropertyDescription("Task name: the operationId, or a name derived from method and path.")
  private String name;

  @JsonPropertyDescription("HTTP method in upper case.")
  private String method;

  @JsonPropertyDescription("Path template of the operation.")
  private String path;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getMethod() {
    return method;
  }

  public void setMethod(String method) {
    this.method = method;
  }

  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }
}
