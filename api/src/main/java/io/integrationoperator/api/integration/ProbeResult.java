package io.integrationoperator.api.integration;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.integrationoperator.api.envelope.ResponseEnvelope;

/** Result of the last connectivity probe. */
@JsonIgnoreProperties(ignoreUnknown = true)
public class ProbeResult {

  @JsonPropertyDescription("Time the probe started, RFC 3339.")
  private String time;

  @JsonPropertyDescription("Time the probe took, for example 120ms.")
  private String duration;

  @JsonPropertyDescription("Response envelope when the probe reached a server.")
  private ResponseEnvelope response;

  @JsonPropertyDescription("Why no response was received, when the probe failed before one.")
  private String error;

  public String getTime() {
    return time;
  }

  public void setTime(String time) {
    this.time = time;
  }

  public String getDuration() {
    return duration;
  }

  public void setDuration(String duration) {
    this.duration = duration;
  }

  public ResponseEnvelope getResponse() {
    return response;
  }

  public void setResponse(ResponseEnvelope response) {
    this.response = response;
  }

  public String getError() {
    return error;
  }

  public void setError(String error) {
    this.error = error;
  }
}
