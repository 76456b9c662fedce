package io.integrationoperator.client.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

class AwsSignerDebugFilterTest {
  private static final String SESSION_TOKEN = "session-token-value-7f3a";

  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
  private final Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
  private final Logger aws = context.getLogger("software.amazon.awssdk");
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final AwsSignerDebugFilter filter = new AwsSignerDebugFilter();
  private Level previousAwsLevel;

  @BeforeEach
  void captureAwsDebug() {
    previousAwsLevel = aws.getLevel();
    aws.setLevel(Level.DEBUG);
    appender.setContext(context);
    appender.start();
    root.addAppender(appender);
    filter.setContext(context);
    filter.start();
  }

  @AfterEach
  void restore() {
    context.getTurboFilterList().remove(filter);
    root.detachAppender(appender);
    aws.setLevel(previousAwsLevel);
  }

  @Test
  void signerLogsSessionTokenWithoutFilter() {
    sign();

    assertThat(messages()).anySatisfy(m -> assertThat(m).contains(SESSION_TOKEN));
  }

  @Test
  void filterKeepsSessionTokenOutAtDebug() {
    context.addTurboFilter(filter);

    sign();

    assertThat(messages()).noneSatisfy(m -> assertThat(m).contains(SESSION_TOKEN));
    assertThat(aws.isDebugEnabled()).as("other AWS SDK loggers keep DEBUG").isTrue();
    assertThat(context.getLogger(AwsSignerDebugFilter.SIGNER_LOGGERS + ".x").isInfoEnabled())
        .isTrue();
  }

  private List<String> messages() {
    return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  private static void sign() {
    SdkHttpRequest request =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.GET)
            .uri(URI.create("http://127.0.0.1:9/items"))
            .build();
    AwsV4HttpSigner.create()
        .sign(
            signRequest ->
                signRequest
                    .identity(
                        AwsSessionCredentialsIdentity.create(
                            "AKIDEXAMPLE", "secret-key-value", SESSION_TOKEN))
                    .request(request)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, "eu-west-1")
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                    .putProperty(
                        HttpSigner.SIGNING_CLOCK,
                        Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)));
  }
}
