package io.integrationoperator.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrationoperator.client.connection.InvalidSettingsException;
import io.integrationoperator.client.testing.ConnectionSettingsBuilder;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Timeouts outside what OkHttp can express are clamped, so a call is never unbounded. */
class TimeoutBoundsTest {
  private static final String BASE_URL = "https://127.0.0.1:8443/api";

  private final HttpClientFactory factory = new HttpClientFactory();

  @AfterEach
  void close() {
    factory.close();
  }

  @Test
  void subMillisecondTimeoutIsRaised() throws InvalidSettingsException {
    OkHttpClient client = clientWithTimeout(Duration.ofNanos(1));

    assertThat(client.callTimeoutMillis()).isEqualTo(1);
    assertThat(client.connectTimeoutMillis()).isEqualTo(1);
    assertThat(client.readTimeoutMillis()).isEqualTo(1);
    assertThat(client.writeTimeoutMillis()).isEqualTo(1);
  }

  @Test
  void hugeTimeoutIsLowered() throws InvalidSettingsException {
    OkHttpClient client = clientWithTimeout(Duration.ofHours(99_999_999_999L));

    assertThat(client.callTimeoutMillis()).isEqualTo(3_600_000);
    assertThat(client.readTimeoutMillis()).isEqualTo(3_600_000);
    assertThat(client.connectTimeoutMillis()).isEqualTo(10_000);
  }

  @Test
  void negativeTimeoutUsesDefault() throws InvalidSettingsException {
    OkHttpClient client = clientWithTimeout(Duration.ofSeconds(-5));

    assertThat(client.callTimeoutMillis()).isEqualTo(30_000);
  }

  @Test
  void zeroTimeoutUsesDefault() throws InvalidSettingsException {
    OkHttpClient client = clientWithTimeout(Duration.ZERO);

    assertThat(client.callTimeoutMillis()).isEqualTo(30_000);
  }

  private OkHttpClient clientWithTimeout(Duration timeout) throws InvalidSettingsException {
    return factory.clientFor(
        ConnectionSettingsBuilder.forBaseUrl(BASE_URL).timeout(timeout).build());
  }
}
