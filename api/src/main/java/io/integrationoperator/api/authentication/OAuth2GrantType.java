package io.integrationoperator.api.authentication;

/** OAuth 2.0 grant used to obtain access tokens. */
public enum OAuth2GrantType {
  /** Client credentials grant (RFC 6749 section 4.4). */
  ClientCredentials,
  /** Resource owner password credentials grant (RFC 6749 section 4.3). */
  Password,
  /**
   * Authorization code grant (RFC 6749 section 4.1); an administrator supplies the code through the
   * Secret.
   */
  AuthorizationCode;
}
