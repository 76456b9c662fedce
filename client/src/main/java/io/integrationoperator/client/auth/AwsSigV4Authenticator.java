package io.integrationoperator.client.auth;

import io.integrationoperator.api.authentication.AwsSigV4Authentication;
import io.integrationoperator.client.connection.CredentialKeys;
import io.integrationoperator.client.connection.InvalidSettingsException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * AWS Signature Version 4 in the Authorization header, computed by the AWS SDK for Java v2 signer
 * ({@link AwsV4HttpSigner}). A signed request carries X-Amz-Date, x-amz-content-sha256 (the SHA-256
 * of the body, which that signer adds whenever it signs the payload), X-Amz-Security-Token when a
 * session token is set, and Authorization.
 *
 * <p>The signature covers Host, the headers already on the request except those the SDK leaves out
 * (User-Agent, Expect, Connection, Transfer-Encoding, X-Forwarded-For, X-Amzn-Trace-Id), the body's
 * Content-Type, and the headers the signer adds. Headers that OkHttp adds later, such as
 * Content-Length and Accept-Encoding, are not signed.
 *
 * <p>Before signing, the path and query are re-encoded so that only RFC 3986 unreserved characters
 * stay literal, and the request is sent with exactly that encoding. S3 (service {@code s3} or
 * {@code s3-*}) signs that path as it is. Other services sign it normalised (no empty or dot
 * segments) and percent-encoded a second time, as AWS requires for them.
 *
 * <p>The body is read into memory, up to {@link #MAX_BODY_BYTES}, and sent from there.
 */
final class AwsSigV4Authenticator implements RequestAuthenticator {

  /** Maximum size of a body, read into memory to be hashed: 10 MiB. */
  static final long MAX_BODY_BYTES = 10L * 1024 * 1024;

  /** Headers that this authenticator sets. Values already on a request are replaced. */
  private static final List<String> SIGNATURE_HEADERS =
      List.of("Authorization", "X-Amz-Date", "X-Amz-Security-Token", "x-amz-content-sha256");

  private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

  private final AwsSigningScope scope;
  private final AwsCredentialsIdentity credentials;
  private final boolean s3PathRules;
  private final Clock clock;

  private AwsSigV4Authenticator(
      AwsSigningScope scope, AwsCredentialsIdentity credentials, boolean s3PathRules, Clock clock) {
    this.scope = scope;
    this.credentials = credentials;
    this.s3PathRules = s3PathRules;
    this.clock = clock;
  }

  /**
   * Creates the authenticator for spec.authentication.awsSigV4 and the projected credentials {@code
   * accessKeyId}, {@code secretAccessKey} and optional {@code sessionToken}.
   *
   * @param baseUrl the Integration's base URL, whose host supplies region and service when the spec
   *     leaves them unset
   * @param clock source of the signing time
   * @throws InvalidSettingsException when a credential is missing or invalid, or region or service
   *     is neither set nor derivable
   */
  static AwsSigV4Authenticator forSettings(
      AwsSigV4Authentication spec, String baseUrl, Map<String, String> credentials, Clock clock)
      throws InvalidSettingsException {
    AwsSigningScope scope = AwsSigningScope.resolve(spec, baseUrl);
    return of(scope, identity(credentials), usesS3PathRules(scope.service()), clock);
  }

  /** Creates the authenticator from resolved values, for tests and {@link #forSettings}. */
  static AwsSigV4Authenticator of(
      AwsSigningScope scope, AwsCredentialsIdentity credentials, boolean s3PathRules, Clock clock) {
    return new AwsSigV4Authenticator(scope, credentials, s3PathRules, clock);
  }

  /**
   * Returns the error for an apiKey block whose model scheme is marked as AWS Signature Version 4,
   * because an API key credential contains one value and signing needs a key pair.
   */
  static InvalidSettingsException apiKeyBlockForAwsScheme(String schemeName) {
    return new InvalidSettingsException(
        "the security scheme '"
            + schemeName
            + "' is AWS Signature Version 4 (x-amazon-apigateway-authtype: awsSigv4), which"
            + " apiKey authentication cannot sign; set spec.authentication.awsSigV4 with a Secret"
            + " that holds accessKeyId and secretAccessKey instead");
  }

  /** Returns true for the services that sign the path without normalising or double encoding. */
  static boolean usesS3PathRules(String service) {
    String lower = service.toLowerCase(Locale.ROOT);
    return lower.equals("s3") || lower.startsWith("s3-");
  }

  @Override
  public Request authenticate(Request request) {
    byte[] body = SignableBody.read(request.body(), MAX_BODY_BYTES);
    Request prepared = prepare(request, body);
    SdkHttpRequest signed =
        SIGNER
            .sign(
                signRequest ->
                    signRequest
                        .identity(credentials)
                        .request(toSdkRequest(prepared))
                        .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                        .putProperty(AwsV4HttpSigner.REGION_NAME, scope.region())
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, scope.service())
                        .putProperty(HttpSigner.SIGNING_CLOCK, clock)
                        .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, !s3PathRules)
                        .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, !s3PathRules)
                        .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, true))
            .request();
    return withSignatureHeaders(prepared, signed);
  }

  @Override
  public String toString() {
    return "AwsSigV4Authenticator[region="
        + scope.region()
        + ", service="
        + scope.service()
        + ", credentials=****]";
  }

  private static AwsCredentialsIdentity identity(Map<String, String> credentials)
      throws InvalidSettingsException {
    String accessKeyId =
        CredentialValues.require(credentials, CredentialKeys.ACCESS_KEY_ID, "awsSigV4");
    String secretAccessKey =
        CredentialValues.require(credentials, CredentialKeys.SECRET_ACCESS_KEY, "awsSigV4");
    CredentialValues.requireHeaderSafe(accessKeyId, CredentialKeys.ACCESS_KEY_ID);
    if (accessKeyId.chars().anyMatch(c -> c == ' ' || c == ',' || c == '/')) {
      throw new InvalidSettingsException(
          "the credential '"
              + CredentialKeys.ACCESS_KEY_ID
              + "' contains a space, comma or slash, which an AWS access key ID never does");
    }
    if (CredentialValues.hasControlCharacter(secretAccessKey)) {
      throw new InvalidSettingsException(
          "the credential '"
              + CredentialKeys.SECRET_ACCESS_KEY
              + "' contains a control character, often a trailing newline; store the key"
              + " without it (kubectl create secret generic --from-literal)");
    }
    String sessionToken = credentials.get(CredentialKeys.SESSION_TOKEN);
    if (sessionToken == null || sessionToken.isEmpty()) {
      return AwsCredentialsIdentity.create(accessKeyId, secretAccessKey);
    }
    CredentialValues.requireHeaderSafe(sessionToken, CredentialKeys.SESSION_TOKEN);
    return AwsSessionCredentialsIdentity.create(accessKeyId, secretAccessKey, sessionToken);
  }

  /**
   * Returns the request as it will be sent: strict path and query encoding, the body's Content-Type
   * as a header, a replayable body, and no earlier signature headers.
   */
  private static Request prepare(Request request, byte[] body) {
    Request.Builder builder = request.newBuilder().url(strictlyEncoded(request.url()));
    SIGNATURE_HEADERS.forEach(builder::removeHeader);
    RequestBody original = request.body();
    if (original != null) {
      MediaType contentType = original.contentType();
      if (contentType != null) {
        // OkHttp sends the body's media type in place of any Content-Type header.
        builder.header("Content-Type", contentType.toString());
      }
      builder.method(request.method(), RequestBody.create(body, contentType));
    }
    return builder.build();
  }

  /**
   * Re-encodes path segments and query parameters so that only unreserved characters are bare.
   *
   * <p>NOTE: OkHttp decodes a bare '+' in a query as a space, so such a '+' is sent and signed as
   * %20. Parameters added with {@code HttpUrl.Builder.addQueryParameter} carry '+' as %2B and keep
   * it.
   */
  private static HttpUrl strictlyEncoded(HttpUrl url) {
    StringBuilder path = new StringBuilder();
    for (String segment : url.pathSegments()) {
      path.append('/').append(SdkHttpUtils.urlEncode(segment));
    }
    HttpUrl.Builder builder = url.newBuilder().encodedPath(path.toString());
    if (url.querySize() == 0) {
      return builder.build();
    }
    StringBuilder query = new StringBuilder();
    for (int i = 0; i < url.querySize(); i++) {
      query.append(i == 0 ? "" : "&").append(SdkHttpUtils.urlEncode(url.queryParameterName(i)));
      String value = url.queryParameterValue(i);
      if (value != null) {
        query.append('=').append(SdkHttpUtils.urlEncode(value));
      }
    }
    return builder.encodedQuery(query.toString()).build();
  }

  private static SdkHttpRequest toSdkRequest(Request request) {
    HttpUrl url = request.url();
    SdkHttpRequest.Builder builder =
        SdkHttpRequest.builder()
            .method(method(request.method()))
            .protocol(url.scheme())
            .host(url.host())
            .port(url.port())
            .encodedPath(url.encodedPath());
    for (int i = 0; i < url.querySize(); i++) {
      builder.appendRawQueryParameter(url.queryParameterName(i), url.queryParameterValue(i));
    }
    Headers headers = request.headers();
    for (int i = 0; i < headers.size(); i++) {
      builder.appendHeader(headers.name(i), headers.value(i));
    }
    if (request.header("Host") == null) {
      builder.putHeader("Host", hostHeader(url));
    }
    return builder.build();
  }

  private static SdkHttpMethod method(String method) {
    try {
      return SdkHttpMethod.fromValue(method);
    } catch (IllegalArgumentException e) {
      throw new RequestAuthenticationException(
          "the HTTP method " + method + " cannot be signed with AWS Signature Version 4");
    }
  }

  /** Returns the Host header that OkHttp sends for {@code url}. */
  private static String hostHeader(HttpUrl url) {
    String host = url.host().contains(":") ? "[" + url.host() + "]" : url.host();
    boolean defaultPort = url.port() == HttpUrl.defaultPort(url.scheme());
    return defaultPort ? host : host + ":" + url.port();
  }

  /**
   * Copies the headers the signer added (all but Host, which OkHttp sends itself) to the request.
   */
  private static Request withSignatureHeaders(Request prepared, SdkHttpRequest signed) {
    Request.Builder builder = prepared.newBuilder();
    // OkHttp's names() set compares case-insensitively.
    Set<String> existing = prepared.headers().names();
    signed
        .headers()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("Host") && !existing.contains(name)) {
                values.forEach(value -> builder.addHeader(name, value));
              }
            });
    return builder.build();
  }
}
