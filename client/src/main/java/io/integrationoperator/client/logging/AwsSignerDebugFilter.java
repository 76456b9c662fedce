package io.integrationoperator.client.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Logback TurboFilter that denies DEBUG and TRACE records of the AWS SDK's Signature Version 4
 * signer, whatever level its logger has.
 *
 * <p>The signer of AWS SDK for Java v2 (2.59, {@code DefaultV4RequestSigner}) logs the canonical
 * request at DEBUG, and the canonical request contains every signed header with its value,
 * including X-Amz-Security-Token, the session token. A logger level alone does not keep that line
 * out, because raising the root logger or {@code software.amazon.awssdk} to DEBUG lets it through.
 * A TurboFilter runs before the level check, so the product's Logback configurations install this
 * filter and the line stays out at any level. Records at INFO and above pass unchanged.
 */
public final class AwsSignerDebugFilter extends TurboFilter {

  /** Logger name prefix of the SDK's request signers. */
  public static final String SIGNER_LOGGERS = "software.amazon.awssdk.http.auth.aws";

  @Override
  public FilterReply decide(
      Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (level != null
        && !level.isGreaterOrEqual(Level.INFO)
        && logger != null
        && logger.getName().startsWith(SIGNER_LOGGERS)) {
      return FilterReply.DENY;
    }
    return FilterReply.NEUTRAL;
  }
}
