package io.integrationoperator.executor.calls;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs each task call and each denied caller at INFO, without bodies or tokens. */
public final class LoggingCallObserver implements CallObserver {
  private static final Logger LOG = LoggerFactory.getLogger(LoggingCallObserver.class);

  @Override
  public void callCompleted(
      String namespace,
      String integration,
      String task,
      String method,
      String redactedUrl,
      String outcome,
      int status,
      Duration duration) {
    LOG.info(
        "Task {} of Integration {}/{}: {} {} returned {} ({}) in {} ms",
        task,
        namespace,
        integration,
        method,
        redactedUrl,
        status,
        outcome,
        duration.toMillis());
  }

  @Override
  public void authorizationDenied(String namespace, String integration, String reason) {
    LOG.info("Caller of Integration {}/{} denied: {}", namespace, integration, reason);
  }
}
