package io.integrationoperator.api.authentication;

/** Authentication request that an extra parameter belongs to. */
public enum ParameterUsage {
  /** The request that obtains a new token. */
  Token,
  /** The request that refreshes a token. */
  Refresh,
  /** The request that obtains an API key dynamically. */
  Key;
}
