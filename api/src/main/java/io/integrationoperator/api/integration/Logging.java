package io.integrationoperator.api.integration;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Logging of this Integration's task calls. */
@JsonIgnoreProperties(ignoreUnknown = true)
public class Logging {

  @JsonPropertyDescription(
      "Level of the Integration's logger; defaults to Info. Changes apply " + "without a restart.")
  private LogLevel level;

  @JsonPropertyDescription("Syslog server that also receives the records.")
  private Syslog syslog;

  public LogLevel getLevel() {
    return level;
  }

  public void setLevel(LogLevel level) {
    this.level = level;
  }

  public Syslog getSyslog() {
    return syslog;
  }

  public void setSyslog(Syslog syslog) {
    this.syslog = syslog;
  }
}
