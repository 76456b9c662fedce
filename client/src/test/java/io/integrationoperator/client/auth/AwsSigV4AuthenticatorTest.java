package io.integrationoperator.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrationoperator.api.authentication.AwsSigV4Authentication;
import io.integrationoperator.client.connection.CredentialKeys;
import io.integrationoperator.client.connection.InvalidSettingsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;
import okio.BufferedSink;
import org.junit.jupiter.api.Test;

/**
 * Signs requests as a task would build them and compares the result with canonical requests written
 * out by the Signature Version 4 rules. The requests have query parameters without values, spaces,
 * non-ASCII characters, repeated and unordered parameters, and S3 paths with empty segments and an
 * encoded slash.
 */
class AwsSigV4AuthenticatorTest {

  private static final String ACCESS_KEY_ID = "AKIDEXAMPLE";
  private static final String SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  private static final String SESSION_TOKEN = "FQoGZXIvYXdzEXAMPLE//session+token=";
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
  private static final String EMPTY_SHA256 =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  private static Map<String, String> credentials(String sessionToken) {
    Map<String, String> credentials = new HashMap<>();
    credentials.put(CredentialKeys.ACCESS_KEY_ID, ACCESS_KEY_ID);
    credentials.put(CredentialKeys.SECRET_ACCESS_KEY, SECRET_ACCESS_KEY);
    if (sessionToken != null) {
      credentials.put(CredentialKeys.SESSION_TOKEN, sessionToken);
    }
    return credentials;
  }

  private static AwsSigV4Authenticator authenticator(
      String region, String service, String baseUrl, String sessionToken)
      throws InvalidSettingsException {
    AwsSigV4Authentication spec = new AwsSigV4Authentication();
    spec.setRegion(region);
    spec.setService(service);
    return AwsSigV4Authenticator.forSettings(spec, baseUrl, credentials(sessionToken), CLOCK);
  }

  private static String expectedAuthorization(
      String canonicalRequest, String region, String service) {
    String scope = "20260102/" + region + "/" + service + "/aws4_request";
    String stringToSign =
        "AWS4-HMAC-SHA256\n20260102T030405Z\n"
            + scope
            + "\n"
            + SigV4Expectations.sha256Hex(canonicalRequest);
    return "AWS4-HMAC-SHA256 Credential="
        + ACCESS_KEY_ID
        + "/"
        + scope
        + ", SignedHeaders="
        + SigV4Expectations.signedHeaders(canonicalRequest)
        + ", Signature="
        + SigV4Expectations.signature(SECRET_ACCESS_KEY, "20260102", region, service, stringToSign);
  }

  private static byte[] bodyBytes(Request request) throws IOException {
    Buffer buffer = new Buffer();
    request.body().writeTo(buffer);
    return buffer.readByteArray();
  }

  @Test
  void apiGatewayRequestMatchesCanonicalRequest() throws Exception {
    String host = "a1b2c3.execute-api.eu-west-1.amazonaws.com";
    HttpUrl url =
        new HttpUrl.Builder()
            .scheme("https")
            .host(host)
            .addPathSegment("prod")
            .addPathSegment("pets")
            .addPathSegment("my dog")
            .addPathSegment("ሴ")
            .addQueryParameter("flag", null)
            .addQueryParameter("name", "a b")
            .addQueryParameter("name", "ä")
            .addQueryParameter("empty", "")
            .addQueryParameter("Zeta", "1")
            .build();
    byte[] body = "{\"name\":\"Rex\"}".getBytes(StandardCharsets.UTF_8);
    Request request =
        new Request.Builder()
            .url(url)
            .header("Accept", "application/json")
            .header("X-Custom", "  spaced   value ")
            .post(RequestBody.create(body, MediaType.get("application/json; charset=utf-8")))
            .build();

    Request signed =
        authenticator(null, null, "https://" + host + "/prod", null).authenticate(request);

    String bodyHash = SigV4Expectations.sha256Hex(body);
    String canonical =
        String.join(
            "\n",
            "POST",
            "/prod/pets/my%2520dog/%25E1%2588%25B4",
            "Zeta=1&empty=&flag=&name=%C3%A4&name=a%20b",
            "accept:application/json",
            "content-type:application/json; charset=utf-8",
            "host:" + host,
            "x-amz-content-sha256:" + bodyHash,
            "x-amz-date:20260102T030405Z",
            "x-custom:spaced value",
            "",
            "accept;content-type;host;x-amz-content-sha256;x-amz-date;x-custom",
            bodyHash);
    assertThat(signed.header("Authorization"))
        .isEqualTo(expectedAuthorization(canonical, "eu-west-1", "execute-api"));
    assertThat(signed.url().encodedPath()).isEqualTo("/prod/pets/my%20dog/%E1%88%B4");
    assertThat(signed.url().encodedQuery()).isEqualTo("flag&name=a%20b&name=%C3%A4&empty=&Zeta=1");
    assertThat(signed.header("X-Amz-Date")).isEqualTo("20260102T030405Z");
    assertThat(signed.header("x-amz-content-sha256")).isEqualTo(bodyHash);
    assertThat(signed.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(signed.header("X-Amz-Security-Token")).isNull();
    assertThat(bodyBytes(signed)).isEqualTo(body);
    assertThat(bodyBytes(signed)).as("body read a second time").isEqualTo(body);
  }

  @Test
  void s3PathKeepsEmptySegmentsAndEncodedSlash() throws Exception {
    String host = "examplebucket.s3.us-west-2.amazonaws.com";
    Request request =
        new Request.Builder().url("https://" + host + "//photos%2F2024/a b.jpg?acl").build();

    Request signed =
        authenticator(null, null, "https://" + host, SESSION_TOKEN).authenticate(request);

    String canonical =
        String.join(
            "\n",
            "GET",
            "//photos%2F2024/a%20b.jpg",
            "acl=",
            "host:" + host,
            "x-amz-content-sha256:" + EMPTY_SHA256,
            "x-amz-date:20260102T030405Z",
            "x-amz-security-token:" + SESSION_TOKEN,
            "",
            "host;x-amz-content-sha256;x-amz-date;x-amz-security-token",
            EMPTY_SHA256);
    assertThat(signed.header("Authorization"))
        .isEqualTo(expectedAuthorization(canonical, "us-west-2", "s3"));
    assertThat(signed.url().encodedPath()).isEqualTo("//photos%2F2024/a%20b.jpg");
    assertThat(signed.url().encodedQuery()).isEqualTo("acl");
    assertThat(signed.header("x-amz-content-sha256")).isEqualTo(EMPTY_SHA256);
    assertThat(signed.header("X-Amz-Security-Token")).isEqualTo(SESSION_TOKEN);
  }

  @Test
  void otherServicesNormaliseEmptySegments() throws Exception {
    Request request =
        new Request.Builder()
            .url("https://mq.us-east-1.amazonaws.com//v1//brokers/?b=2&a=3&a=1")
            .build();

    Request signed =
        authenticator(null, null, "https://mq.us-east-1.amazonaws.com", null).authenticate(request);

    String canonical =
        String.join(
            "\n",
            "GET",
            "/v1/brokers/",
            "a=1&a=3&b=2",
            "host:mq.us-east-1.amazonaws.com",
            "x-amz-content-sha256:" + EMPTY_SHA256,
            "x-amz-date:20260102T030405Z",
            "",
            "host;x-amz-content-sha256;x-amz-date",
            EMPTY_SHA256);
    assertThat(signed.header("Authorization"))
        .isEqualTo(expectedAuthorization(canonical, "us-east-1", "mq"));
    assertThat(signed.url().encodedPath()).isEqualTo("//v1//brokers/");
  }

  @Test
  void nonDefaultPortIsPartOfHost() throws Exception {
    Request request = new Request.Builder().url("http://127.0.0.1:8080/api/v3/pet/1").build();

    Request signed =
        authenticator("us-east-1", "execute-api", "http://127.0.0.1:8080/api/v3", null)
            .authenticate(request);

    String canonical =
        String.join(
            "\n",
            "GET",
            "/api/v3/pet/1",
            "",
            "host:127.0.0.1:8080",
            "x-amz-content-sha256:" + EMPTY_SHA256,
            "x-amz-date:20260102T030405Z",
            "",
            "host;x-amz-content-sha256;x-amz-date",
            EMPTY_SHA256);
    assertThat(signed.header("Authorization"))
        .isEqualTo(expectedAuthorization(canonical, "us-east-1", "execute-api"));
  }

  @Test
  void earlierSignatureHeadersAreReplaced() throws Exception {
    Request request =
        new Request.Builder()
            .url("https://sqs.us-east-1.amazonaws.com/")
            .header("Authorization", "Bearer stale")
            .header("X-Amz-Date", "20000101T000000Z")
            .header("X-Amz-Security-Token", "stale-token")
            .build();

    Request signed =
        authenticator(null, null, "https://sqs.us-east-1.amazonaws.com", null)
            .authenticate(request);

    assertThat(signed.headers("Authorization")).hasSize(1);
    assertThat(signed.header("Authorization"))
        .startsWith(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260102/us-east-1/sqs/aws4_request,"
                + " SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=");
    assertThat(signed.headers("X-Amz-Date")).containsExactly("20260102T030405Z");
    assertThat(signed.headers("X-Amz-Security-Token")).isEmpty();
  }

  @Test
  void bodyAboveLimitIsRejected() throws Exception {
    byte[] body = new byte[(int) AwsSigV4Authenticator.MAX_BODY_BYTES + 1];
    Request request =
        new Request.Builder()
            .url("https://sqs.us-east-1.amazonaws.com/")
            .post(RequestBody.create(body, MediaType.get("application/octet-stream")))
            .build();
    AwsSigV4Authenticator authenticator =
        authenticator(null, null, "https://sqs.us-east-1.amazonaws.com", null);

    assertThatThrownBy(() -> authenticator.authenticate(request))
        .isInstanceOf(RequestAuthenticationException.class)
        .hasMessage(
            "the request body has 10485761 bytes, more than the 10485760 bytes that AWS"
                + " Signature Version 4 signing reads into memory; send a smaller body");
  }

  @Test
  void streamedBodyAboveLimitIsRejected() throws Exception {
    RequestBody streamed =
        new RequestBody() {
          @Override
          public MediaType contentType() {
            return null;
          }

          @Override
          public void writeTo(BufferedSink sink) throws IOException {
            byte[] chunk = new byte[64 * 1024];
            for (long written = 0; written <= AwsSigV4Authenticator.MAX_BODY_BYTES; ) {
              sink.write(chunk);
              written += chunk.length;
            }
          }
        };
    Request request =
        new Request.Builder().url("https://sqs.us-east-1.amazonaws.com/").post(streamed).build();
    AwsSigV4Authenticator authenticator =
        authenticator(null, null, "https://sqs.us-east-1.amazonaws.com", null);

    assertThatThrownBy(() -> authenticator.authenticate(request))
        .isInstanceOf(RequestAuthenticationException.class)
        .hasMessageStartingWith("the request body is larger than the 10485760 bytes");
  }

  @Test
  void unknownRegionNamesTheField() {
    assertThatThrownBy(
            () -> authenticator(null, "execute-api", "https://api.example.test/v1", null))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage(
            "spec.authentication.awsSigV4.region is not set and the host 'api.example.test' is"
                + " not an AWS endpoint such as <service>.<region>.amazonaws.com; set"
                + " spec.authentication.awsSigV4.region, for example us-east-1");
  }

  @Test
  void unknownServiceNamesTheField() {
    assertThatThrownBy(() -> authenticator("us-east-1", null, "https://api.example.test/v1", null))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageStartingWith("spec.authentication.awsSigV4.service is not set and the host");
  }

  @Test
  void invalidBaseUrlNeedsRegion() {
    assertThatThrownBy(() -> authenticator(null, "s3", "not a URL", null))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage(
            "spec.authentication.awsSigV4.region is not set and the base URL has no host to"
                + " derive it from; set spec.authentication.awsSigV4.region, for example us-east-1");
  }

  @Test
  void chinaGlobalEndpointNeedsRegion() {
    assertThatThrownBy(() -> authenticator(null, null, "https://iam.amazonaws.com.cn", null))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageStartingWith(
            "spec.authentication.awsSigV4.region is not set and the AWS endpoint host"
                + " 'iam.amazonaws.com.cn' names no region");
  }

  @Test
  void regionWithSlashIsRejected() {
    assertThatThrownBy(() -> authenticator("us-east-1/x", "s3", "https://api.example.test", null))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage(
            "spec.authentication.awsSigV4.region 'us-east-1/x' is invalid; use only letters,"
                + " digits, '.', '_' and '-'");
  }

  @Test
  void missingSecretKeyIsNamed() {
    Map<String, String> credentials = credentials(null);
    credentials.remove(CredentialKeys.SECRET_ACCESS_KEY);
    AwsSigV4Authentication spec = new AwsSigV4Authentication();

    assertThatThrownBy(
            () ->
                AwsSigV4Authenticator.forSettings(
                    spec, "https://sqs.us-east-1.amazonaws.com", credentials, CLOCK))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage(
            "the credential 'secretAccessKey' for awsSigV4 authentication is missing or empty");
  }

  @Test
  void secretKeyWithNewlineIsRejectedWithoutValue() {
    Map<String, String> credentials = credentials(null);
    credentials.put(CredentialKeys.SECRET_ACCESS_KEY, SECRET_ACCESS_KEY + "\n");
    AwsSigV4Authentication spec = new AwsSigV4Authentication();

    assertThatThrownBy(
            () ->
                AwsSigV4Authenticator.forSettings(
                    spec, "https://sqs.us-east-1.amazonaws.com", credentials, CLOCK))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("'secretAccessKey' contains a control character")
        .hasMessageNotContaining(SECRET_ACCESS_KEY);
  }

  @Test
  void sessionTokenWithLineBreakIsRejectedWithoutValue() {
    AwsSigV4Authentication spec = new AwsSigV4Authentication();

    assertThatThrownBy(
            () ->
                AwsSigV4Authenticator.forSettings(
                    spec,
                    "https://sqs.us-east-1.amazonaws.com",
                    credentials("token-1\nX-Injected: 1"),
                    CLOCK))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("'sessionToken'")
        .hasMessageNotContaining("token-1");
  }

  @Test
  void toStringHidesCredentials() throws Exception {
    String text =
        authenticator(null, null, "https://sqs.us-east-1.amazonaws.com", SESSION_TOKEN).toString();

    assertThat(text)
        .isEqualTo("AwsSigV4Authenticator[region=us-east-1, service=sqs, credentials=****]");
  }
}
