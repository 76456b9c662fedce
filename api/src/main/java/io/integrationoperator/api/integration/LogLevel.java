package io.integrationoperator.api.integration;

/** Log level of an Integration's logger. */
public enum LogLevel {
  /** Errors only. */
  Error,
  /** Warnings and errors. */
  Warn,
  /** One line per task call, plus warnings and errors. */
  Info,
  /** Request and response details without credentials. */
  Debug,
  /** Everything Debug logs, plus request and response bodies. */
  Trace;
}
