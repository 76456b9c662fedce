package io.integrationoperator.api.integration;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** The proxy an Integration's calls go through, without its credentials. */
@JsonIgnoreProperties(ignoreUnknown = true)
public class EffectiveProxy {

  @JsonPropertyDescription("Proxy URL, for example http://proxy.example.test:3128.")
  private String url;

  /**
   * Whether the routing names a proxy Secret (spec.gateway.proxy.secretRef or the operator's
   * default proxy Secret) and, once that Secret was read, it holds a user name. It stays true while
   * the Secret is missing; the CredentialsResolved condition tells whether it was found.
   */
  @JsonPropertyDescription(
      "Whether the routing names a proxy Secret (spec.gateway.proxy.secretRef or the operator's"
          + " default proxy Secret) and, once that Secret was read, it holds a user name. It"
          + " stays true while the Secret is missing; the CredentialsResolved condition tells"
          + " whether it was found.")
  private Boolean authenticated;

  @JsonPropertyDescription(
      "Hosts reached without the proxy: exact host names, domain suffixes starting with a dot,"
          + " or CIDR ranges.")
  private List<String> noProxy;

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public Boolean getAuthenticated() {
    return authenticated;
  }

  public void setAuthenticated(Boolean authenticated) {
    this.authenticated = authenticated;
  }

  public List<String> getNoProxy() {
    return noProxy;
  }

  public void setNoProxy(List<String> noProxy) {
    this.noProxy = noProxy;
  }
}
