package io.integrationoperator.api.authentication;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** Request that obtains an API key at run time, for example a login call that returns a token. */
@JsonIgnoreProperties(ignoreUnknown = true)
public class DynamicRetrieval {

  @JsonPropertyDescription("HTTP method of the key request; defaults to POST.")
  @Pattern("^(GET|POST|PUT|PATCH)$")
  private String method;

  @JsonPropertyDescription(
      "URL of the key request: an absolute http or https URL, or a path that is appended to the "
          + "Integration's base URL like a task path.")
  @Required
  private String url;

  @JsonPropertyDescription(
      "JSON Pointer (RFC 6901) to the key in the response body, for example " + "/token.")
  @Pattern("^(/.*)?$")
  private String responsePointer;

  @JsonPropertyDescription(
      "Media type of the key request body: application/json (default) sends the Body "
          + "parameters as a JSON object, application/x-www-form-urlencoded as a form.")
  @Pattern("^(application/json|application/x-www-form-urlencoded)$")
  private String contentType;

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

  public String getResponsePointer() {
    return responsePointer;
  }

  public void setResponsePointer(String responsePointer) {
    this.responsePointer = responsePointer;
  }

  public String getContentType() {
    return contentType;
  }

  public void setContentType(String contentType) {
    this.contentType = contentType;
  }
}
