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

  @JsonPropertyDescription("Absolute URL of the key request.")
  @Required
  private String url;

  @JsonPropertyDescription(
      "JSON Pointer (RFC 6901) to the key in the response body, for example " + "/token.")
  @Pattern("^(/.*)?$")
  private String responsePointer;

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
}
