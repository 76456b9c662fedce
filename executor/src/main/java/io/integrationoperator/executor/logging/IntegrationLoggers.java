package io.integrationoperator.executor.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.integrationoperator.api.integration.Integration;
import io.integrationoperator.api.integration.LogLevel;
import io.integrationoperator.api.integration.Logging;
import io.integrationoperator.api.integration.Syslog;
import io.integrationoperator.client.connection.CredentialRedaction;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/**
 * One Logback logger per Integration, named {@code integration.<namespace>.<name>}, whose level
 * follows {@code spec.logging.level} and which also sends to the syslog server of {@code
 * spec.logging.syslog} when one is set.
 *
 * <p>Dots in the namespace or name become underscores in the logger name: Kubernetes names never
 * contain underscores, so the mapping is unique, and the logger of {@code shop/a.b} does not become
 * a child of the logger of {@code shop/a}, which would send its records to the other Integration's
 * syslog server.
 *
 * <p>The logger's records also reach the appenders of the root logger (stdout). A syslog server
 * that is slow or unreachable never blocks the logging thread: see {@link
 * SyslogForwardingAppender}.
 *
 * <p>What each method logs, and never logs: task calls at INFO (task, method, URL without
 * credentials, status, duration); request and response headers at DEBUG, with credential headers
 * masked; bodies only at TRACE. Credential values that the caller's {@link CredentialRedaction}
 * contains are masked in everything the DEBUG and TRACE lines contain. Callers pass no Secret data
 * and no token or key exchange to these methods.
 */
public final class IntegrationLoggers implements AutoCloseable {

  /** First segment of every Integration logger name. */
  public static final String LOGGER_PREFIX = "integration";

  /** APP-NAME (RFC 5424) or tag (RFC 3164) of the syslog messages. */
  public static final String APP_NAME = "integration-executor";

  /** Headers whose values are always masked, in lower case. */
  static final Set<String> CREDENTIAL_HEADERS =
      Set.of(
          "authorization",
          "proxy-authorization",
          "cookie",
          "set-cookie",
          "x-api-key",
          "x-amz-security-token");

  private static final Pattern URL_USER_INFO = Pattern.compile("(?<=://)[^/?#@]*@");

  private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(IntegrationLoggers.class);

  private final LoggerContext context;
  private final String hostname;
  private final ZoneId zone;
  private final SyslogDropListener dropListener;
  private final ConcurrentMap<String, SyslogForwardingAppender> appenders =
      new ConcurrentHashMap<>();

  /**
   * Creates the loggers.
   *
   * @param context Logback context that owns the loggers
   * @param hostname HOSTNAME field of syslog messages, normally the pod name
   * @param zone time zone of RFC 3164 timestamps
   * @param dropListener called for each syslog record that was dropped
   */
  public IntegrationLoggers(
      LoggerContext context, String hostname, ZoneId zone, SyslogDropListener dropListener) {
    this.context = context;
    this.hostname = hostname;
    this.zone = zone;
    this.dropListener = dropListener;
  }

  /**
   * Creates the loggers in SLF4J's Logback context, with the host name from the {@code HOSTNAME}
   * environment variable (the pod name in Kubernetes) and the JVM's default time zone. The host
   * name is not looked up in DNS, so no traffic leaves the process for it.
   */
  public static IntegrationLoggers create(SyslogDropListener dropListener) {
    String hostname = System.getenv("HOSTNAME");
    return new IntegrationLoggers(
        (LoggerContext) LoggerFactory.getILoggerFactory(),
        hostname == null || hostname.isBlank() ? "-" : hostname,
        ZoneId.systemDefault(),
        dropListener);
  }

  /** Returns the logger name of the Integration {@code namespace/name}. */
  public static String loggerName(String namespace, String name) {
    return LOGGER_PREFIX + "." + namespace.replace('.', '_') + "." + name.replace('.', '_');
  }

  /** Returns the logger of the Integration {@code namespace/name}. */
  public org.slf4j.Logger logger(String namespace, String name) {
    return context.getLogger(loggerName(namespace, name));
  }

  /**
   * Sets the level of the Integration's logger from {@code spec.logging.level} (Info when unset),
   * and attaches, replaces or removes its syslog appender to match {@code spec.logging.syslog}.
   * Takes effect for the next record. An unchanged syslog setting keeps its appender and
   * connection. Invalid syslog settings are logged as a warning and leave the Integration without
   * syslog forwarding.
   */
  public void apply(Integration integration) {
    String namespace = integration.getMetadata().getNamespace();
    String name = integration.getMetadata().getName();
    Logging logging = integration.getSpec() == null ? null : integration.getSpec().getLogging();
    Logger logger = context.getLogger(loggerName(namespace, name));

    Level level = level(logging == null ? null : logging.getLevel());
    if (!level.equals(logger.getLevel())) {
      logger.setLevel(level);
      LOG.info("Log level of Integration {}/{} is {}", namespace, name, level);
    }
    applySyslog(namespace, name, logger, logging == null ? null : logging.getSyslog());
  }

  /** Detaches and stops the syslog appender of {@code namespace/name} and clears its level. */
  public void remove(String namespace, String name) {
    Logger logger = context.getLogger(loggerName(namespace, name));
    SyslogForwardingAppender appender = appenders.remove(key(namespace, name));
    if (appender != null) {
      logger.detachAppender(appender);
      appender.stop();
      logSyslogChange(namespace, name, null);
    }
    logger.setLevel(null);
  }

  /** Logs one task call that got a response, at INFO. See the other overload. */
  public void logCall(
      Integration integration,
      String task,
      String method,
      String redactedUrl,
      int status,
      Duration duration) {
    logCall(
        integration.getMetadata().getNamespace(),
        integration.getMetadata().getName(),
        task,
        method,
        redactedUrl,
        status,
        duration);
  }

  /**
   * Logs one task call that got a response, at INFO on the Integration's logger: task, method, URL,
   * status and duration in milliseconds.
   *
   * @param redactedUrl URL with credentials already removed; user information in it is removed
   *     again here
   * @param status HTTP status of the response
   */
  public void logCall(
      String namespace,
      String name,
      String task,
      String method,
      String redactedUrl,
      int status,
      Duration duration) {
    logger(namespace, name)
        .info(
            "task={} method={} url={} status={} durationMs={}",
            task,
            method,
            withoutUserInfo(redactedUrl),
            status,
            duration.toMillis());
  }

  /**
   * Logs one task call that this sidecar forwarded to a gateway cluster, on the Integration's
   * logger: at INFO when a gateway executor responded, otherwise at WARN.
   *
   * @param executor the gateway executor as {@code host:port}; empty when none was ready, which the
   *     log line shows as {@code executor=none}
   * @param outcome the forwarded calls counter's outcome label
   * @param status HTTP status returned to the caller
   */
  public void logForwardedCall(
      String namespace,
      String name,
      String task,
      String cluster,
      String executor,
      String outcome,
      int status,
      Duration duration) {
    org.slf4j.Logger logger = logger(namespace, name);
    String format =
        "task={} forwarded to gateway cluster={} executor={} outcome={} status={} durationMs={}";
    String picked = executor == null || executor.isEmpty() ? "none" : executor;
    Object[] values = {task, cluster, picked, outcome, status, duration.toMillis()};
    if (status < 500) {
      logger.info(format, values);
    } else {
      logger.warn(format, values);
    }
  }

  /**
   * Logs one task call that got no response, at WARN on the Integration's logger: task, method,
   * URL, the failure reason (for example {@code ConnectionFailed}) and the duration.
   */
  public void logFailedCall(
      String namespace,
      String name,
      String task,
      String method,
      String redactedUrl,
      String reason,
      Duration duration) {
    logger(namespace, name)
        .warn(
            "task={} method={} url={} failed reason={} durationMs={}",
            task,
            method,
            withoutUserInfo(redactedUrl),
            reason,
            duration.toMillis());
  }

  /**
   * Logs the headers of a call's request and response at DEBUG, and the bodies at TRACE, on the
   * Integration's logger. Credential headers ({@link #CREDENTIAL_HEADERS}) are masked by name, and
   * every credential value that {@code redaction} contains is masked wherever it appears.
   *
   * @param redaction the Integration's credential values; null masks credential headers only
   */
  public void logCallDetails(
      String namespace,
      String name,
      String task,
      CallDetails details,
      CredentialRedaction redaction) {
    org.slf4j.Logger logger = logger(namespace, name);
    if (!logger.isDebugEnabled()) {
      return;
    }
    CredentialRedaction masking = redaction == null ? CredentialRedaction.of(null) : redaction;
    String url = masking.redact(withoutUserInfo(details.redactedUrl()));
    logger.debug(
        "task={} request method={} url={} headers={}",
        task,
        details.method(),
        url,
        maskHeaders(details.requestHeaders(), masking));
    logger.debug(
        "task={} response status={} headers={}",
        task,
        details.status(),
        maskHeaders(details.responseHeaders(), masking));
    if (logger.isTraceEnabled()) {
      logger.trace("task={} request body={}", task, masking.redact(details.requestBody()));
      logger.trace("task={} response body={}", task, masking.redact(details.responseBody()));
    }
  }

  /** Stops every syslog appender. The loggers keep their levels. */
  @Override
  public void close() {
    appenders.forEach(
        (key, appender) -> {
          appenders.remove(key, appender);
          context.getLogger(appender.loggerName()).detachAppender(appender);
          appender.stop();
        });
  }

  private void applySyslog(String namespace, String name, Logger logger, Syslog syslog) {
    SyslogTarget target = syslogTarget(namespace, name, syslog);
    appenders.compute(
        key(namespace, name),
        (key, current) -> {
          if (Objects.equals(current == null ? null : current.target(), target)) {
            return current;
          }
          // The new appender is attached before the old one is detached, so every record logged
          // during the switch reaches one of them. Records still queued in the old one are
          // discarded when it stops.
          SyslogForwardingAppender replacement =
              target == null ? null : startAppender(namespace, name, target);
          if (replacement != null) {
            logger.addAppender(replacement);
          }
          if (current != null) {
            logger.detachAppender(current);
            current.stop();
          }
          logSyslogChange(namespace, name, target);
          return replacement;
        });
  }

  private static SyslogTarget syslogTarget(String namespace, String name, Syslog syslog) {
    if (syslog == null) {
      return null;
    }
    try {
      return SyslogTarget.of(syslog);
    } catch (IllegalArgumentException e) {
      LOG.warn(
          "Syslog forwarding of Integration {}/{} is off: {}", namespace, name, e.getMessage());
      return null;
    }
  }

  private SyslogForwardingAppender startAppender(
      String namespace, String name, SyslogTarget target) {
    String integration = namespace + "/" + name;
    SyslogMessageEncoder encoder =
        new SyslogMessageEncoder(
            target.format(),
            target.facility(),
            hostname,
            APP_NAME,
            ProcessHandle.current().pid(),
            integration,
            zone);
    SyslogForwardingAppender appender =
        new SyslogForwardingAppender(
            integration,
            loggerName(namespace, name),
            target,
            encoder,
            SyslogTransport.of(target),
            () -> dropListener.recordDropped(namespace, name));
    appender.setContext(context);
    appender.start();
    return appender;
  }

  private static void logSyslogChange(String namespace, String name, SyslogTarget target) {
    if (target == null) {
      LOG.info("Stopped syslog forwarding of Integration {}/{}", namespace, name);
    } else {
      LOG.info("Forwarding logs of Integration {}/{} to syslog {}", namespace, name, target);
    }
  }

  static Level level(LogLevel level) {
    if (level == null) {
      return Level.INFO;
    }
    return switch (level) {
      case Error -> Level.ERROR;
      case Warn -> Level.WARN;
      case Info -> Level.INFO;
      case Debug -> Level.DEBUG;
      case Trace -> Level.TRACE;
    };
  }

  static String withoutUserInfo(String url) {
    return url == null ? null : URL_USER_INFO.matcher(url).replaceFirst("");
  }

  private static Map<String, String> maskHeaders(
      Map<String, String> headers, CredentialRedaction redaction) {
    Map<String, String> masked = new LinkedHashMap<>();
    if (headers != null) {
      headers.forEach(
          (header, value) ->
              masked.put(
                  header,
                  CREDENTIAL_HEADERS.contains(header.toLowerCase(Locale.ROOT))
                      ? CredentialRedaction.MASK
                      : redaction.redact(value)));
    }
    return masked;
  }

  private static String key(String namespace, String name) {
    return namespace + "/" + name;
  }
}
