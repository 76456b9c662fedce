package io.integrationoperator.api.integration;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** Syslog server that also receives the Integration's log records. */
@JsonIgnoreProperties(ignoreUnknown = true)
public class Syslog {

  @JsonPropertyDescription("Syslog server host name or IP address.")
  @Required
  private String host;

  @JsonPropertyDescription("Syslog server port; defaults to 514.")
  @Min(1)
  @Max(65535)
  private Integer port;

  @JsonPropertyDescription("UDP or TCP; defaults to UDP.")
  private SyslogProtocol protocol;

  @JsonPropertyDescription("Syslog facility name, for example local0; defaults to user.")
  @Pattern("^(kern|user|mail|daemon|auth|syslog|lpr|news|uucp|cron|authpriv|ftp|local[0-7])$")
  private String facility;

  @JsonPropertyDescription(
      "Message format: RFC5424 (the syslog protocol) or RFC3164 (BSD syslog); defaults to"
          + " RFC5424. Over TCP, each message is framed by octet counting (RFC 6587).")
  private SyslogFormat format;

  public String getHost() {
    return host;
  }

  public void setHost(String host) {
    this.host = host;
  }

  public Integer getPort() {
    return port;
  }

  public void setPort(Integer port) {
    this.port = port;
  }

  public SyslogProtocol getProtocol() {
    return protocol;
  }

  public void setProtocol(SyslogProtocol protocol) {
    this.protocol = protocol;
  }

  public String getFacility() {
    return facility;
  }

  public void setFacility(String facility) {
    this.facility = facility;
  }

  public SyslogFormat getFormat() {
    return format;
  }

  public void setFormat(SyslogFormat format) {
    this.format = format;
  }
}
