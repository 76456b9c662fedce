package io.integrationoperator.api.integration;

/** Place where task calls run. */
public enum ExecutionMode {
  /** The caller's executor calls the server itself. */
  Direct,
  /** An executor of the named gateway cluster calls the server, without a proxy. */
  ClusterNoProxy,
  /** An executor of the named gateway cluster calls the server through the proxy. */
  Proxy;
}
