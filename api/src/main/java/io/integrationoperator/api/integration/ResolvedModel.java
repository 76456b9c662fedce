package io.integrationoperator.api.integration;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Summary of the model the Integration uses. */
@JsonIgnoreProperties(ignoreUnknown = true)
public class ResolvedModel {

  @JsonPropertyDescription("Name of the IntegrationModel.")
  private String name;

  @JsonPropertyDescription("Title of the OpenAPI document.")
  private String title;

  @JsonPropertyDescription("Version of the OpenAPI document.")
  private String version;

  @JsonPropertyDescription("Number of tasks the model offers.")
  private Integer taskCount;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public Integer getTaskCount() {
    return taskCount;
  }

  public void setTaskCount(Integer taskCount) {
    this.taskCount = taskCount;
  }
}
