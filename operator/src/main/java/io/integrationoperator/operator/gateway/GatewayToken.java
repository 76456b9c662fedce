package io.integrationoperator.operator.gateway;

import java.io.IOException;
import java.util.Optional;

/** Source of the bearer token the operator sends with probe requests to gateway executors. */
@FunctionalInterface
public interface GatewayToken {
  /**
   * Returns the token to send now, or empty to send no Authorization header.
   *
   * @throws IOException when the token cannot be read; the message names the source, never a token
   */
  Optional<String> current() throws IOException;
}
