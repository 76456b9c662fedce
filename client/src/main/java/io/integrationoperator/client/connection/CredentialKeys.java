package io.integrationoperator.client.connection;

/**
 * Normalised keys of the projected credentials Secret. The operator copies values from the users'
 * Secrets under these names; the client reads only these names.
 */
public final class CredentialKeys {
  public static final String USERNAME = "username";
  public static final String PASSWORD = "password";
  public static final String TOKEN = "token";
  public static final String API_KEY = "apiKey";
  public static final String ACCESS_KEY_ID = "accessKeyId";
  public static final String SECRET_ACCESS_KEY = "secretAccessKey";
  public static final String SESSION_TOKEN = "sessionToken";
  public static final String CLIENT_ID = "clientId";
  public static final String CLIENT_SECRET = "clientSecret";
  public static final String AUTHORIZATION_CODE = "authorizationCode";
  public static final String REFRESH_TOKEN = "refreshToken";
  public static final String ACCESS_TOKEN = "accessToken";
  public static final String TLS_CRT = "tls.crt";
  public static final String TLS_KEY = "tls.key";
  public static final String CA_CRT = "ca.crt";

  /** Basic proxy authentication user name, projected from the proxy's Secret. */
  public static final String PROXY_USERNAME = "proxyUsername";

  /** Basic proxy authentication password, projected from the proxy's Secret. */
  public static final String PROXY_PASSWORD = "proxyPassword";

  /** PEM certificates that sign an https proxy's certificate. */
  public static final String PROXY_CA_BUNDLE = "proxyCaBundle";

  /** Prefix of extra authentication parameter values: {@code parameter.<name>}. */
  public static final String PARAMETER_PREFIX = "parameter.";

  private CredentialKeys() {}
}
