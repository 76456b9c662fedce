package io.integrationoperator.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;

/** OpenAPI document of one API. Exactly one of document and documentFrom is set. */
@JsonIgnoreProperties(ignoreUnknown = true)
@ValidationRule(
    value = "has(self.document) != has(self.documentFrom)",
    message = "set exactly one of document and documentFrom")
public class IntegrationModelSpec {

  @JsonPropertyDescription("The OpenAPI 3.0, 3.1 or Swagger 2.0 document as JSON or YAML text.")
  private String document;

  @JsonPropertyDescription(
      "ConfigMap key that holds the document, for documents too large to " + "inline.")
  private DocumentSource documentFrom;

  public String getDocument() {
    return document;
  }

  public void setDocument(String document) {
    this.document = document;
  }

  public DocumentSource getDocumentFrom() {
    return documentFrom;
  }

  public void setDocumentFrom(DocumentSource documentFrom) {
    this.documentFrom = documentFrom;
  }
}
