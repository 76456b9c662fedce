package io.integrationoperator.api.authentication;

/** Part of the request that carries an extra authentication parameter. */
public enum ParameterLocation {
  /** An HTTP request header. */
  Header,
  /** A field of the request body. */
  Body,
  /** A query parameter. */
  Query;
}
