package io.integrationoperator.client.testing;

import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.integrationoperator.api.authentication.ApiKeyAuthentication;
import io.integrationoperator.api.authentication.Authentication;
import io.integrationoperator.api.authentication.AwsSigV4Authentication;
import io.integrationoperator.api.authentication.BasicAuthentication;
import io.integrationoperator.api.authentication.BearerAuthentication;
import io.integrationoperator.api.authentication.MutualTlsAuthentication;
import io.integrationoperator.api.integration.IntegrationSpec;
import io.integrationoperator.api.integration.Probe;
import io.integrationoperator.api.integration.Tls;
import io.integrationoperator.client.catalog.SecuritySchemeInfo;
import io.integrationoperator.client.connection.ConnectionSettings;
import io.integrationoperator.client.connection.CredentialKeys;
import io.integrationoperator.client.connection.IntegrationId;
import io.integrationoperator.client.http.ProxySettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Builds {@link ConnectionSettings} for tests with the spec blocks and projected credentials that
 * the operator would resolve. The timeout defaults to 5 seconds.
 */
public final class ConnectionSettingsBuilder {

  private final String baseUrl;
  private final IntegrationSpec spec = new IntegrationSpec();
  private final Map<String, String> credentials = new HashMap<>();
  private SecuritySchemeInfo scheme;
  private String caBundlePem;
  private Duration timeout = Duration.ofSeconds(5);
  private ProxySettings proxy;

  private ConnectionSettingsBuilder(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** Starts settings for an Integration whose effective base URL is {@code baseUrl}. */
  public static ConnectionSettingsBuilder forBaseUrl(String baseUrl) {
    return new ConnectionSettingsBuilder(baseUrl);
  }

  /** Sets Basic authentication with this username and password. */
  public ConnectionSettingsBuilder basic(String username, String password) {
    authentication().setBasic(new BasicAuthentication());
    credentials.put(CredentialKeys.USERNAME, username);
    credentials.put(CredentialKeys.PASSWORD, password);
    scheme = new SecuritySchemeInfo("basicAuth", "http", Map.of("scheme", "basic"));
    return this;
  }

  /** Sets Bearer authentication with this token. */
  public ConnectionSettingsBuilder bearer(String token) {
    authentication().setBearer(new BearerAuthentication());
    credentials.put(CredentialKeys.TOKEN, token);
    scheme = new SecuritySchemeInfo("bearerAuth", "http", Map.of("scheme", "bearer"));
    return this;
  }

  /**
   * Sets a static API key and a model apiKey scheme named api_key that sends it {@code in} header,
   * query or cookie under {@code name}.
   */
  public ConnectionSettingsBuilder apiKey(String in, String name, String value) {
    authentication().setApiKey(new ApiKeyAuthentication());
    credentials.put(CredentialKeys.API_KEY, value);
    scheme = new SecuritySchemeInfo("api_key", "apiKey", Map.of("in", in, "name", name));
    return this;
  }

  /** Adds a projected credential, for example {@code parameter.password} for a valueFrom. */
  public ConnectionSettingsBuilder credential(String key, String value) {
    credentials.put(key, value);
    return this;
  }

  /**
   * Sets mutual TLS with the credentials tls.crt and tls.key, as the operator projects them from a
   * kubernetes.io/tls Secret. The model's scheme is left unset.
   */
  public ConnectionSettingsBuilder mutualTls(String certificatePem, String privateKeyPem) {
    MutualTlsAuthentication mutualTls = new MutualTlsAuthentication();
    mutualTls.setSecretRef(new LocalObjectReference("client-tls"));
    authentication().setMutualTls(mutualTls);
    credentials.put(CredentialKeys.TLS_CRT, certificatePem);
    credentials.put(CredentialKeys.TLS_KEY, privateKeyPem);
    return this;
  }

  /** Sets the credential ca.crt, as a mutual TLS Secret with that key would provide it. */
  public ConnectionSettingsBuilder mutualTlsCa(String caPem) {
    credentials.put(CredentialKeys.CA_CRT, caPem);
    return this;
  }

  /**
   * Sets AWS Signature Version 4 with this region and service (null leaves a field unset), the
   * access key pair and an optional session token, and a model apiKey scheme named sigv4 marked
   * with x-amazon-apigateway-authtype.
   */
  public ConnectionSettingsBuilder awsSigV4(
      String region,
      String service,
      String accessKeyId,
      String secretAccessKey,
      String sessionToken) {
    AwsSigV4Authentication awsSigV4 = new AwsSigV4Authentication();
    awsSigV4.setRegion(region);
    awsSigV4.setService(service);
    authentication().setAwsSigV4(awsSigV4);
    credentials.put(CredentialKeys.ACCESS_KEY_ID, accessKeyId);
    credentials.put(CredentialKeys.SECRET_ACCESS_KEY, secretAccessKey);
    if (sessionToken != null) {
      credentials.put(CredentialKeys.SESSION_TOKEN, sessionToken);
    }
    scheme =
        new SecuritySchemeInfo(
            "sigv4", "awsSigV4", Map.of("in", "header", "name", "Authorization"));
    return this;
  }

  /** Replaces the model's security scheme. */
  public ConnectionSettingsBuilder scheme(SecuritySchemeInfo scheme) {
    this.scheme = scheme;
    return this;
  }

  /** Returns the spec's authentication block, creating it, for methods this builder lacks. */
  public Authentication authentication() {
    if (spec.getAuthentication() == null) {
      spec.setAuthentication(new Authentication());
    }
    return spec.getAuthentication();
  }

  /** Sets tls.verify. */
  public ConnectionSettingsBuilder verify(boolean verify) {
    tls().setVerify(verify);
    return this;
  }

  /** Sets tls.serverName. */
  public ConnectionSettingsBuilder serverName(String serverName) {
    tls().setServerName(serverName);
    return this;
  }

  /** Sets the PEM text that tls.caBundle resolves to. */
  public ConnectionSettingsBuilder caBundlePem(String pem) {
    this.caBundlePem = pem;
    return this;
  }

  /** Sets the call timeout. */
  public ConnectionSettingsBuilder timeout(Duration timeout) {
    this.timeout = timeout;
    return this;
  }

  /**
   * Routes calls through {@code proxy}, and adds its user name and password to the credentials as
   * the operator projects them.
   */
  public ConnectionSettingsBuilder proxy(ProxySettings proxy) {
    this.proxy = proxy;
    proxy.username().ifPresent(name -> credentials.put(CredentialKeys.PROXY_USERNAME, name));
    proxy.password().ifPresent(value -> credentials.put(CredentialKeys.PROXY_PASSWORD, value));
    return this;
  }

  /** Sets probe.path. */
  public ConnectionSettingsBuilder probePath(String path) {
    probe().setPath(path);
    return this;
  }

  /** Sets probe.task. */
  public ConnectionSettingsBuilder probeTask(String task) {
    probe().setTask(task);
    return this;
  }

  /** Returns the settings. */
  public ConnectionSettings build() {
    return new ConnectionSettings(
        new IntegrationId("default", "test"),
        baseUrl,
        spec,
        Optional.ofNullable(scheme),
        Map.copyOf(credentials),
        Optional.ofNullable(caBundlePem),
        timeout,
        Optional.ofNullable(proxy));
  }

  private Tls tls() {
    if (spec.getTls() == null) {
      spec.setTls(new Tls());
    }
    return spec.getTls();
  }

  private Probe probe() {
    if (spec.getProbe() == null) {
      spec.setProbe(new Probe());
    }
    return spec.getProbe();
  }
}
