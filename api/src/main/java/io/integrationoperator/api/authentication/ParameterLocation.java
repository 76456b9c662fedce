package io.integrationoperator.api.authentication;

/** Where an extra authentication parameter is placed. */
public enum ParameterLocation {
  /** An HTTP request header. */
  Header,
  /** A field of the request body. */
  Body,
  /** A query parameter. */
  Query;
}
