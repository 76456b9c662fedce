package io.integrationoperator.api.integration;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** One configured connection to a real system that an IntegrationModel describes. */
@JsonIgnoreProperties(ignoreUnknown = true)
@Group(Integration.GROUP)
@Version(Integration.VERSION)
@ShortNames("intg")
@AdditionalPrinterColumn(
    name = "Model",
    jsonPath = ".spec.modelRef.name",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Endpoint",
    jsonPath = ".status.endpoint",
    type = AdditionalPrinterColumn.Type.STRING)
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
public class Integration extends CustomResource<IntegrationSpec, IntegrationStatus>
    implements Namespaced {
  public static final String GROUP = "integration-operator.io";
  public static final String VERSION = "v1alpha1";

  @Override
  @JsonPropertyDescription(
      "Desired connection: the model, server, authentication, TLS, timeout, routing, logging and probe.")
  public IntegrationSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription(
      "State the operator observed: endpoint, resolved model, generated objects, last probe, token state and conditions.")
  public IntegrationStatus getStatus() {
    return super.getStatus();
  }

  @Override
  protected IntegrationStatus initStatus() {
    return new IntegrationStatus();
  }
}
