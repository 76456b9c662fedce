package io.integrationoperator.api.envelope;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import java.util.Map;

/** Standardized result of one HTTP exchange with an external server. */
@JsonIgnoreProperties(ignoreUnknown = true)
public class ResponseEnvelope {

  @JsonPropertyDescription("True when the server answered with a 2xx status.")
  private Boolean ok;

  @JsonPropertyDescription("HTTP method of the request, for example GET.")
  private String method;

  @JsonPropertyDescription("Request URL with credentials removed and API keys in the query masked.")
  private String url;

  @JsonPropertyDescription("HTTP status code of the response.")
  private Integer status;

  @JsonPropertyDescription("Reason phrase of the status code, for example Not Found.")
  private String statusText;

  @JsonPropertyDescription("Response headers; repeated headers are joined with a comma.")
  private Map<String, String> headers;

  @JsonPropertyDescription("Response body: parsed JSON when the response is JSON, otherwise text.")
  @PreserveUnknownFields
  private JsonNode body;

  public Boolean getOk() {
    return ok;
  }

  public void setOk(Boolean ok) {
    this.ok = ok;
  }

  public String getMethod() {
    return method;
  }

  public void setMethod(String method) {
    this.method = method;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public Integer getStatus() {
    return status;
  }

  public void setStatus(Integer status) {
    this.status = status;
  }

  public String getStatusText() {
    return statusText;
  }

  public void setStatusText(String statusText) {
    this.statusText = statusText;
  }

  public Map<String, String> getHeaders() {
    return headers;
  }

  public void setHeaders(Map<String, String> headers) {
    this.headers = headers;
  }

  public JsonNode getBody() {
    return body;
  }

  public void setBody(JsonNode body) {
    this.body = body;
  }
}
