package io.integrationoperator.api.authentication;

/** Client authentication method at the token endpoint. */
public enum ClientAuthenticationMethod {
  /** Client id and secret in an HTTP Basic Authorization header. */
  ClientSecretBasic,
  /** Client id and secret as form parameters in the request body. */
  ClientSecretPost;
}
