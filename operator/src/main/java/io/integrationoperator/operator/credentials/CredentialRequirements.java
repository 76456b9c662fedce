package io.integrationoperator.operator.credentials;

import static io.integrationoperator.operator.credentials.CredentialRequirement.optionalSecretKey;
import static io.integrationoperator.operator.credentials.CredentialRequirement.secretKey;

import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.integrationoperator.api.authentication.Authentication;
import io.integrationoperator.api.authentication.AuthenticationParameter;
import io.integrationoperator.api.authentication.OAuth2GrantType;
import io.integrationoperator.api.authentication.SecretValueSource;
import io.integrationoperator.api.integration.CaBundleSource;
import io.integrationoperator.api.integration.IntegrationSpec;
import io.integrationoperator.api.integration.ProxyConfig;
import io.integrationoperator.client.connection.CredentialKeys;
import io.integrationoperator.client.oauth2.OAuth2Grants;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lists the Secret and ConfigMap keys an Integration's spec refers to, and the projected key each
 * one becomes.
 *
 * <p>Fixed Secret keys per authentication block: basic {@code username}, {@code password}; awsSigV4
 * {@code accessKeyId}, {@code secretAccessKey}, optional {@code sessionToken}; mutualTls {@code
 * tls.crt}, {@code tls.key}, optional {@code ca.crt}; oauth2 and openIdConnect {@code clientId},
 * {@code clientSecret} (required for the client credentials grant only), {@code username} and
 * {@code password} (required for the password grant only), and the optional {@code
 * authorizationCode}, {@code refreshToken}, {@code accessToken}. Bearer tokens, static API keys,
 * parameters' valueFrom and tls.caBundle name their key themselves. A proxy from spec.gateway.proxy
 * needs {@code username} and {@code password} of its secretRef (see {@link #proxy}); the operator's
 * default proxy Secret is read by {@link DefaultProxySecret}.
 */
public final class CredentialRequirements {

  private CredentialRequirements() {}

  /**
   * Lists the requirements in a stable order: authentication block, parameters, then CA bundle.
   *
   * @param schemeDetails details of the model's security scheme the authentication applies, used to
   *     find the default OAuth 2.0 grant; empty when there is no scheme
   */
  public static List<CredentialRequirement> list(
      IntegrationSpec spec, Map<String, String> schemeDetails) {
    List<CredentialRequirement> result = new ArrayList<>();
    Authentication auth = spec.getAuthentication();
    if (auth != null) {
      addAuthentication(auth, schemeDetails, result);
      addParameters(auth.getParameters(), result);
    }
    if (spec.getTls() != null && spec.getTls().getCaBundle() != null) {
      addCaBundle(spec.getTls().getCaBundle(), CredentialKeys.CA_CRT, result);
    }
    return result;
  }

  /**
   * Lists the requirements of spec.gateway.proxy, used when the effective routing takes its proxy
   * from the spec: {@code username} and {@code password} of its secretRef, and its caBundle.
   */
  public static List<CredentialRequirement> proxy(ProxyConfig proxy) {
    List<CredentialRequirement> result = new ArrayList<>();
    if (proxy.getSecretRef() != null) {
      String name = proxy.getSecretRef().getName();
      result.add(secretKey(name, "username", CredentialKeys.PROXY_USERNAME));
      result.add(secretKey(name, "password", CredentialKeys.PROXY_PASSWORD));
    }
    if (proxy.getCaBundle() != null) {
      addCaBundle(proxy.getCaBundle(), CredentialKeys.PROXY_CA_BUNDLE, result);
    }
    return result;
  }

  /**
   * Returns the OAuth 2.0 grant in effect: the one the spec names, otherwise the first flow of the
   * model's scheme that the product supports, otherwise the client credentials grant.
   */
  public static OAuth2GrantType effectiveGrant(
      OAuth2GrantType configured, Map<String, String> schemeDetails) {
    return OAuth2Grants.effective(configured, schemeDetails);
  }

  private static void addAuthentication(
      Authentication auth, Map<String, String> details, List<CredentialRequirement> result) {
    if (auth.getBasic() != null) {
      String name = nameOf(auth.getBasic().getSecretRef());
      result.add(secretKey(name, "username", CredentialKeys.USERNAME));
      result.add(secretKey(name, "password", CredentialKeys.PASSWORD));
    }
    if (auth.getBearer() != null) {
      addSecretValue(auth.getBearer().getToken(), CredentialKeys.TOKEN, result);
    }
    if (auth.getApiKey() != null && auth.getApiKey().getValue() != null) {
      addSecretValue(auth.getApiKey().getValue(), CredentialKeys.API_KEY, result);
    }
    if (auth.getAwsSigV4() != null) {
      String name = nameOf(auth.getAwsSigV4().getSecretRef());
      result.add(secretKey(name, "accessKeyId", CredentialKeys.ACCESS_KEY_ID));
      result.add(secretKey(name, "secretAccessKey", CredentialKeys.SECRET_ACCESS_KEY));
      result.add(optionalSecretKey(name, "sessionToken", CredentialKeys.SESSION_TOKEN));
    }
    if (auth.getOauth2() != null) {
      OAuth2GrantType grant = effectiveGrant(auth.getOauth2().getGrantType(), details);
      addOAuthClient(nameOf(auth.getOauth2().getSecretRef()), grant, result);
    }
    if (auth.getOpenIdConnect() != null) {
      OAuth2GrantType grant =
          Optional.ofNullable(auth.getOpenIdConnect().getGrantType())
              .orElse(OAuth2GrantType.ClientCredentials);
      addOAuthClient(nameOf(auth.getOpenIdConnect().getSecretRef()), grant, result);
    }
    if (auth.getMutualTls() != null) {
      String name = nameOf(auth.getMutualTls().getSecretRef());
      result.add(secretKey(name, "tls.crt", CredentialKeys.TLS_CRT));
      result.add(secretKey(name, "tls.key", CredentialKeys.TLS_KEY));
      result.add(optionalSecretKey(name, "ca.crt", CredentialKeys.CA_CRT));
    }
  }

  private static void addOAuthClient(
      String name, OAuth2GrantType grant, List<CredentialRequirement> result) {
    boolean password = grant == OAuth2GrantType.Password;
    result.add(secretKey(name, "clientId", CredentialKeys.CLIENT_ID));
    result.add(
        new CredentialRequirement(
            CredentialRequirement.Source.SECRET,
            name,
            "clientSecret",
            CredentialKeys.CLIENT_SECRET,
            grant == OAuth2GrantType.ClientCredentials));
    result.add(
        new CredentialRequirement(
            CredentialRequirement.Source.SECRET,
            name,
            "username",
            CredentialKeys.USERNAME,
            password));
    result.add(
        new CredentialRequirement(
            CredentialRequirement.Source.SECRET,
            name,
            "password",
            CredentialKeys.PASSWORD,
            password));
    result.add(optionalSecretKey(name, "authorizationCode", CredentialKeys.AUTHORIZATION_CODE));
    result.add(optionalSecretKey(name, "refreshToken", CredentialKeys.REFRESH_TOKEN));
    result.add(optionalSecretKey(name, "accessToken", CredentialKeys.ACCESS_TOKEN));
  }

  private static void addParameters(
      List<AuthenticationParameter> parameters, List<CredentialRequirement> result) {
    if (parameters == null) {
      return;
    }
    for (AuthenticationParameter parameter : parameters) {
      if (parameter.getValueFrom() != null) {
        addSecretValue(
            parameter.getValueFrom(),
            CredentialKeys.PARAMETER_PREFIX + parameter.getName(),
            result);
      }
    }
  }

  private static void addCaBundle(
      CaBundleSource caBundle, String targetKey, List<CredentialRequirement> result) {
    ConfigMapKeySelector configMap = caBundle.getConfigMapKeyRef();
    if (configMap != null) {
      result.add(
          new CredentialRequirement(
              CredentialRequirement.Source.CONFIG_MAP,
              configMap.getName(),
              configMap.getKey(),
              targetKey,
              true));
    }
    SecretKeySelector secret = caBundle.getSecretKeyRef();
    if (secret != null) {
      result.add(secretKey(secret.getName(), secret.getKey(), targetKey));
    }
  }

  private static void addSecretValue(
      SecretValueSource source, String targetKey, List<CredentialRequirement> result) {
    if (source == null || source.getSecretKeyRef() == null) {
      return;
    }
    SecretKeySelector selector = source.getSecretKeyRef();
    boolean optional = Boolean.TRUE.equals(selector.getOptional());
    result.add(
        new CredentialRequirement(
            CredentialRequirement.Source.SECRET,
            selector.getName(),
            selector.getKey(),
            targetKey,
            !optional));
  }

  private static String nameOf(LocalObjectReference reference) {
    return reference == null ? null : reference.getName();
  }
}
