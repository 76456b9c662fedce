package io.integrationoperator.client.auth;

import io.integrationoperator.api.authentication.AwsSigV4Authentication;
import io.integrationoperator.client.connection.InvalidSettingsException;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * The region and service of an AWS Signature Version 4 credential scope. Each comes from
 * spec.authentication.awsSigV4 when set there, otherwise from the base URL's host when that is an
 * AWS endpoint (see {@link AwsEndpoint}).
 *
 * @param region signing region, for example us-east-1
 * @param service signing service name, for example execute-api
 */
record AwsSigningScope(String region, String service) {

  private static final String FIELD_PREFIX = "spec.authentication.awsSigV4.";

  /** Characters allowed in a region or service, because a slash would break the scope. */
  private static final Pattern SCOPE_PART = Pattern.compile("[A-Za-z0-9._-]+");

  /**
   * Resolves the scope for calls to {@code baseUrl}.
   *
   * @throws InvalidSettingsException when a value is neither set nor derivable from the host, or
   *     contains a character other than letters, digits, dot, underscore and hyphen
   */
  static AwsSigningScope resolve(AwsSigV4Authentication spec, String baseUrl)
      throws InvalidSettingsException {
    HttpUrl url = baseUrl == null ? null : HttpUrl.parse(baseUrl);
    String host = url == null ? null : url.host();
    Optional<AwsEndpoint> endpoint = host == null ? Optional.empty() : AwsEndpoint.parse(host);

    Optional<String> region = nonBlank(spec.getRegion());
    if (region.isEmpty()) {
      region = endpoint.flatMap(AwsEndpoint::region);
    }
    Optional<String> service = nonBlank(spec.getService());
    if (service.isEmpty()) {
      service = endpoint.map(AwsEndpoint::service);
    }

    String resolvedRegion = require(region, "region", "us-east-1", host, endpoint.isPresent());
    String resolvedService = require(service, "service", "execute-api", host, false);
    return new AwsSigningScope(resolvedRegion, resolvedService);
  }

  private static String require(
      Optional<String> value, String field, String example, String host, boolean awsHost)
      throws InvalidSettingsException {
    if (value.isEmpty()) {
      String reason;
      if (host == null) {
        reason = "the base URL has no host to derive it from";
      } else if (awsHost) {
        reason = "the AWS endpoint host '" + host + "' names no " + field;
      } else {
        reason =
            "the host '"
                + host
                + "' is not an AWS endpoint such as <service>.<region>.amazonaws.com";
      }
      throw new InvalidSettingsException(
          FIELD_PREFIX
              + field
              + " is not set and "
              + reason
              + "; set "
              + FIELD_PREFIX
              + field
              + ", for example "
              + example);
    }
    if (!SCOPE_PART.matcher(value.get()).matches()) {
      throw new InvalidSettingsException(
          FIELD_PREFIX
              + field
              + " '"
              + value.get()
              + "' is invalid; use only letters, digits, '.', '_' and '-'");
    }
    return value.get();
  }

  private static Optional<String> nonBlank(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }
}
