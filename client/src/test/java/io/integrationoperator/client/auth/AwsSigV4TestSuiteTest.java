package io.integrationoperator.client.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Signs the requests of the AWS Signature Version 4 test suite (src/test/resources/
 * aws-sig-v4-test-suite, see its README) and compares the Authorization header with the suite's.
 *
 * <p>The AWS SDK v2 signer always adds and signs x-amz-content-sha256, which the 2015 suite
 * predates. So the expected canonical request is the suite's with that one header added, and the
 * expected string to sign and signature follow from it. For every case the test first checks that
 * the suite's own canonical request hashes to the suite's string to sign, and that the suite's
 * string to sign gives the suite's signature, which validates the expectation helpers.
 */
class AwsSigV4TestSuiteTest {

  private static final JsonNode SUITE = readSuite();
  private static final String HOST = "example.amazonaws.com";

  /** Cases that do not describe what this product sends, with the reason. */
  private static final Map<String, String> NOT_APPLICABLE =
      Map.of(
          "post-sts-header-after",
          "adds X-Amz-Security-Token after signing; the SDK signer always signs it",
          "post-x-www-form-urlencoded-parameters",
          "its string to sign matches neither form of its canonical request");

  /**
   * Cases whose canonical path is encoded once, as the suite expects for get-utf8, which matches
   * the S3 path rules; other services encode it twice (see {@code AwsSigV4AuthenticatorTest}).
   */
  private static final List<String> SINGLE_ENCODED_PATH = List.of("get-utf8");

  /** Signed headers that the suite's canonical request lists but its signature did not cover. */
  private static final Map<String, String> UNSIGNED_IN_SUITE =
      Map.of("post-x-www-form-urlencoded", "content-length");

  static Stream<String> applicableCases() {
    List<String> names = new ArrayList<>();
    SUITE.get("cases").forEach(c -> names.add(c.get("name").asText()));
    return names.stream().filter(name -> !NOT_APPLICABLE.containsKey(name));
  }

  @Test
  void suiteHasTheNamedCases() {
    List<String> names = applicableCases().toList();

    assertThat(names)
        .contains(
            "get-vanilla",
            "get-vanilla-query-order-key-case",
            "get-vanilla-query-unreserved",
            "get-vanilla-empty-query-key",
            "get-vanilla-utf8-query",
            "get-utf8",
            "get-slash",
            "get-slashes",
            "get-slash-dot-slash",
            "get-relative",
            "get-relative-relative",
            "post-x-www-form-urlencoded",
            "post-vanilla-query",
            "post-sts-header-before")
        .hasSize(27);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("applicableCases")
  void authorizationMatchesSuite(String name) {
    JsonNode suiteCase = suiteCase(name);
    String suiteCanonical = suiteCase.get("creq").asText();
    String suiteStringToSign = suiteCase.get("sts").asText();
    String suiteAuthorization = suiteCase.get("authz").asText();
    if (UNSIGNED_IN_SUITE.containsKey(name)) {
      suiteCanonical =
          SigV4Expectations.withoutSignedHeader(suiteCanonical, UNSIGNED_IN_SUITE.get(name));
    }
    assertThat(SigV4Expectations.sha256Hex(suiteCanonical))
        .as("hash of the suite's canonical request")
        .isEqualTo(lastLine(suiteStringToSign));
    assertThat(suiteAuthorization)
        .as("signature of the suite's string to sign")
        .endsWith("Signature=" + signature(suiteStringToSign));

    SuiteRequest request = SuiteRequest.parse(suiteCase.get("req").asText());
    Request signed = authenticator(name, request.sessionToken()).authenticate(request.toOkHttp());

    String payloadHash = SigV4Expectations.sha256Hex(request.body());
    String canonical =
        SigV4Expectations.withSignedHeader(suiteCanonical, "x-amz-content-sha256", payloadHash);
    String stringToSign =
        suiteStringToSign.substring(0, suiteStringToSign.lastIndexOf('\n') + 1)
            + SigV4Expectations.sha256Hex(canonical);
    String expected =
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request,"
            + " SignedHeaders="
            + SigV4Expectations.signedHeaders(canonical)
            + ", Signature="
            + signature(stringToSign);
    assertThat(signed.header("Authorization"))
        .as("Authorization for canonical request:%n%s", canonical)
        .isEqualTo(expected);
    assertThat(signed.header("X-Amz-Date")).isEqualTo("20150830T123600Z");
    assertThat(signed.header("x-amz-content-sha256")).isEqualTo(payloadHash);
    assertThat(signed.header("X-Amz-Security-Token")).isEqualTo(request.sessionToken());
  }

  private static AwsSigV4Authenticator authenticator(String name, String sessionToken) {
    String accessKeyId = SUITE.get("accessKeyId").asText();
    String secretAccessKey = SUITE.get("secretAccessKey").asText();
    AwsCredentialsIdentity credentials =
        sessionToken == null
            ? AwsCredentialsIdentity.create(accessKeyId, secretAccessKey)
            : AwsSessionCredentialsIdentity.create(accessKeyId, secretAccessKey, sessionToken);
    Clock clock = Clock.fixed(Instant.parse(SUITE.get("signingTime").asText()), ZoneOffset.UTC);
    AwsSigningScope scope =
        new AwsSigningScope(SUITE.get("region").asText(), SUITE.get("service").asText());
    return AwsSigV4Authenticator.of(scope, credentials, SINGLE_ENCODED_PATH.contains(name), clock);
  }

  private static String signature(String stringToSign) {
    return SigV4Expectations.signature(
        SUITE.get("secretAccessKey").asText(),
        "20150830",
        SUITE.get("region").asText(),
        SUITE.get("service").asText(),
        stringToSign);
  }

  private static JsonNode suiteCase(String name) {
    for (JsonNode suiteCase : SUITE.get("cases")) {
      if (suiteCase.get("name").asText().equals(name)) {
        return suiteCase;
      }
    }
    throw new IllegalArgumentException("no suite case " + name);
  }

  private static String lastLine(String text) {
    return text.substring(text.lastIndexOf('\n') + 1);
  }

  private static JsonNode readSuite() {
    try (InputStream in =
        AwsSigV4TestSuiteTest.class.getResourceAsStream("/aws-sig-v4-test-suite/cases.json")) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A request of the suite (.req): request line, header lines, a blank line and the body. Host and
   * X-Amz-Date come from the URL and the signing clock, Content-Length from OkHttp, Content-Type
   * becomes the body's media type, and X-Amz-Security-Token becomes the session credential.
   */
  private record SuiteRequest(
      String method,
      String target,
      List<String[]> headers,
      String contentType,
      String sessionToken,
      byte[] body) {

    static SuiteRequest parse(String text) {
      String[] parts = text.split("\n\n", 2);
      String[] lines = parts[0].split("\n");
      String[] requestLine = lines[0].split(" ");
      List<String[]> headers = new ArrayList<>();
      String contentType = null;
      String sessionToken = null;
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        String name = lines[i].substring(0, colon);
        String value = lines[i].substring(colon + 1).trim();
        switch (name.toLowerCase()) {
          case "host", "x-amz-date", "content-length" -> {}
          case "content-type" -> contentType = value;
          case "x-amz-security-token" -> sessionToken = value;
          default -> headers.add(new String[] {name, value});
        }
      }
      byte[] body = parts.length > 1 ? parts[1].getBytes(StandardCharsets.UTF_8) : new byte[0];
      return new SuiteRequest(
          requestLine[0], requestLine[1], headers, contentType, sessionToken, body);
    }

    Request toOkHttp() {
      Request.Builder builder = new Request.Builder().url("https://" + HOST + target);
      headers.forEach(header -> builder.addHeader(header[0], header[1]));
      RequestBody requestBody =
          method.equals("GET")
              ? null
              : RequestBody.create(body, contentType == null ? null : MediaType.parse(contentType));
      return builder.method(method, requestBody).build();
    }
  }
}
