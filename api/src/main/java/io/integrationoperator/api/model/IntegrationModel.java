package io.integrationoperator.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;
import io.integrationoperator.api.integration.Integration;

/** One OpenAPI document whose operations become callable tasks. */
@JsonIgnoreProperties(ignoreUnknown = true)
@Group(Integration.GROUP)
@Version(Integration.VERSION)
@ShortNames("im")
@AdditionalPrinterColumn(
    name = "Title",
    jsonPath = ".status.title",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Version",
    jsonPath = ".status.version",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Tasks",
    jsonPath = ".status.taskCount",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Reason",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class IntegrationModel extends CustomResource<IntegrationModelSpec, IntegrationModelStatus>
    implements Namespaced {

  @Override
  @JsonPropertyDescription("The OpenAPI or Swagger 2.0 document, inline or from a ConfigMap.")
  public IntegrationModelSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription(
      "What the operator read from the document: title, version, default server, security schemes, tasks and conditions.")
  public IntegrationModelStatus getStatus() {
    return super.getStatus();
  }

  @Override
  protected IntegrationModelStatus initStatus() {
    return new IntegrationModelStatus();
  }
}
