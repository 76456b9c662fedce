package io.integrationoperator.api.integration;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import java.util.List;

/** HTTP proxy used for outbound calls. */
@JsonIgnoreProperties(ignoreUnknown = true)
public class ProxyConfig {

  @JsonPropertyDescription("Protocol spoken to the proxy, http or https; defaults to http.")
  private ServerProtocol protocol;

  @JsonPropertyDescription("Proxy host name or IP address.")
  @Required
  private String host;

  @JsonPropertyDescription("Proxy TCP port.")
  @Required
  @Min(1)
  @Max(65535)
  private Integer port;

  @JsonPropertyDescription(
      "Secret with the keys username and password for proxy Basic " + "authentication.")
  private LocalObjectReference secretRef;

  @JsonPropertyDescription(
      "Hosts reached without the proxy: exact host names, domain suffixes "
          + "starting with a dot, or CIDR ranges.")
  private List<String> noProxy;

  @JsonPropertyDescription(
      "CA certificates that sign an https proxy's certificate, added to the JVM's default trust"
          + " store.")
  private CaBundleSource caBundle;

  public CaBundleSource getCaBundle() {
    return caBundle;
  }

  public void setCaBundle(CaBundleSource caBundle) {
    this.caBundle = caBundle;
  }

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

  public LocalObjectReference getSecretRef() {
    return secretRef;
  }

  public void setSecretRef(LocalObjectReference secretRef) {
    this.secretRef = secretRef;
  }

  public List<String> getNoProxy() {
    return noProxy;
  }

  public void setNoProxy(List<String> noProxy) {
    this.noProxy = noProxy;
  }
}
