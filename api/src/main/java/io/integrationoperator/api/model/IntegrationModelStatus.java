package io.integrationoperator.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/** Observed state of an IntegrationModel. */
@JsonIgnoreProperties(ignoreUnknown = true)
public class IntegrationModelStatus {

  @JsonPropertyDescription("Generation of the spec that this status describes.")
  private Long observedGeneration;

  @JsonPropertyDescription("Title of the document (info.title).")
  private String title;

  @JsonPropertyDescription("Version of the document (info.version).")
  private String version;

  @JsonPropertyDescription("OpenAPI or Swagger version the document declares.")
  private String openapiVersion;

  @JsonPropertyDescription("Base URL of the first server, with variable defaults substituted.")
  private String defaultServer;

  @JsonPropertyDescription("Security schemes the document declares.")
  private List<SecuritySchemeStatus> securitySchemes;

  @JsonPropertyDescription("HTTP methods the tasks use, in lower case.")
  private List<String> methods;

  @JsonPropertyDescription("Number of tasks.")
  private Integer taskCount;

  @JsonPropertyDescription("Callable tasks in document order.")
  private List<TaskStatus> tasks;

  @JsonPropertyDescription("Conditions Valid and Ready.")
  private List<Condition> conditions = new ArrayList<>();

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
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

  public String getOpenapiVersion() {
    return openapiVersion;
  }

  public void setOpenapiVersion(String openapiVersion) {
    this.openapiVersion = openapiVersion;
  }

  public String getDefaultServer() {
    return defaultServer;
  }

  public void setDefaultServer(String defaultServer) {
    this.defaultServer = defaultServer;
  }

  public List<SecuritySchemeStatus> getSecuritySchemes() {
    return securitySchemes;
  }

  public void setSecuritySchemes(List<SecuritySchemeStatus> securitySchemes) {
    this.securitySchemes = securitySchemes;
  }

  public List<String> getMethods() {
    return methods;
  }

  public void setMethods(List<String> methods) {
    this.methods = methods;
  }

  public Integer getTaskCount() {
    return taskCount;
  }

  public void setTaskCount(Integer taskCount) {
    this.taskCount = taskCount;
  }

  public List<TaskStatus> getTasks() {
    return tasks;
  }

  public void setTasks(List<TaskStatus> tasks) {
    this.tasks = tasks;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }
}
