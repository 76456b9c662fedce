package io.integrationoperator.api.integration;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;

/** Address of the external server; unset fields come from the model's first server. */
@JsonIgnoreProperties(ignoreUnknown = true)
public class Server {

  @JsonPropertyDescription("URL scheme, http or https.")
  private ServerProtocol protocol;

  @JsonPropertyDescription(
      "Host name or IP address, without scheme, port or path; required unless "
          + "the model supplies one.")
  @Pattern("^(\\[[0-9A-Fa-f:.]+\\]|[^/:?#@\\s\\[\\]]+)$")
  private String host;

  @JsonPropertyDescription("TCP port; defaults to 80 for http and 443 for https.")
  @Min(1)
  @Max(65535)
  private Integer port;

  @JsonPropertyDescription("Path prefix for every task path, for example /api/v3.")
  @Pattern("^(/.*)?$")
  private String basePath;

  public ServerProtocol getProtocol() {
    return protocol;
  }

  public void setProtocol(ServerProtocol protocol) {
    this.protocol = protocol;
  }

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

  public String getBasePath() {
    return basePath;
  }

  public void setBasePath(String basePath) {
    this.basePath = basePath;
  }
}
