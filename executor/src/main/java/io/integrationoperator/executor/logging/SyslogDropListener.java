package io.integrationoperator.executor.logging;

/** Receives one call for each syslog record that could not be sent and was dropped. */
@FunctionalInterface
public interface SyslogDropListener {

  /** Listener that does nothing. */
  SyslogDropListener NONE = (namespace, name) -> {};

  /**
   * Records one dropped record of the Integration {@code namespace/name}. Called on logging and
   * sender threads, so it must be fast and must not block.
   */
  void recordDropped(String namespace, String name);
}
