package io.integrationoperator.client.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import okhttp3.HttpUrl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlRedactionTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "https://api.example.test/a?x=1 | https://api.example.test/a?x=1",
        "https://alice:pw@api.example.test/a | https://api.example.test/a",
        "https://alice@api.example.test/a | https://api.example.test/a",
        "https://api.example.test/a?key=s3cret | https://api.example.test/a?key=****",
        "https://api.example.test/a?b=2&key=s3cret&c=%2F | https://api.example.test/a?b=2&key=****&c=%2F",
        "https://api.example.test/a?key=1&key=2 | https://api.example.test/a?key=****&key=****",
        "https://api.example.test/a?key | https://api.example.test/a?key",
        "https://api.example.test/a?Key=1 | https://api.example.test/a?Key=1",
        "https://api.example.test/a?k%65y=1 | https://api.example.test/a?k%65y=****"
      })
  void redactsUserInfoAndKeyParameter(String url, String expected) {
    String redacted = UrlRedaction.redact(HttpUrl.get(url), Set.of("key"));

    assertThat(redacted).isEqualTo(expected);
  }
}
