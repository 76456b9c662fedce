package io.integrationoperator.client.token;

import java.util.UUID;

/** Name of this process as a token requester, unique among the processes sharing a token. */
public final class TokenHolder {

  private static final String NAME =
      hostName() + "-" + UUID.randomUUID().toString().substring(0, 8);

  private TokenHolder() {}

  /**
   * Returns the host name (the pod name in Kubernetes, from the HOSTNAME variable) followed by a
   * random suffix, so that two processes on one host differ too.
   */
  public static String name() {
    return NAME;
  }

  private static String hostName() {
    String host = System.getenv("HOSTNAME");
    return host == null || host.isBlank() ? "process" : host;
  }
}
