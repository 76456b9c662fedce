package io.integrationoperator.client.auth;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The signing service and region that an AWS endpoint host name carries, for example {@code
 * execute-api} and {@code eu-west-1} in {@code a1b2c3.execute-api.eu-west-1.amazonaws.com}.
 *
 * <p>Recognised forms, under {@code amazonaws.com} or {@code amazonaws.com.cn}:
 *
 * <ul>
 *   <li>{@code <service>.<region>.amazonaws.com}, with a {@code -fips} suffix on the service
 *       removed
 *   <li>{@code <api-id>.execute-api.<region>.amazonaws.com}
 *   <li>{@code s3.<region>.amazonaws.com}, {@code s3-<region>.amazonaws.com}, {@code
 *       s3.dualstack.<region>.amazonaws.com} and the same with a bucket name in front
 *       (virtual-hosted style); {@code s3-fips}, {@code s3-control} and {@code s3-accesspoint} in
 *       place of {@code s3} also give service s3
 *   <li>{@code <service>.amazonaws.com} and {@code <bucket>.s3.amazonaws.com}, global endpoints
 *       that AWS signs with region us-east-1
 * </ul>
 *
 * <p>NOTE: the service read from the host is the endpoint prefix. A few services sign with another
 * name (SES endpoints {@code email.*} sign as {@code ses}, Bedrock runtime endpoints as {@code
 * bedrock}), so spec.authentication.awsSigV4.service must be set for them.
 *
 * @param service the signing service name
 * @param region the signing region, empty when the host names none and the partition has no global
 *     default
 */
record AwsEndpoint(String service, Optional<String> region) {

  private static final String COMMERCIAL_SUFFIX = ".amazonaws.com";
  private static final String CHINA_SUFFIX = ".amazonaws.com.cn";

  /** Region of global endpoints in the commercial partition. */
  private static final String GLOBAL_REGION = "us-east-1";

  /** Endpoint prefixes of S3 APIs that sign with the service name s3. */
  private static final Set<String> S3_LABELS =
      Set.of("s3", "s3-fips", "s3-control", "s3-accesspoint");

  /** AWS region names: us-east-1, eu-central-2, us-gov-west-1, cn-north-1, us-isob-east-1. */
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");

  /** Returns the service and region of {@code host}, or empty when it is no AWS endpoint. */
  static Optional<AwsEndpoint> parse(String host) {
    String lower = host.toLowerCase(Locale.ROOT);
    boolean china = lower.endsWith(CHINA_SUFFIX);
    String suffix = china ? CHINA_SUFFIX : COMMERCIAL_SUFFIX;
    if (!lower.endsWith(suffix) || lower.length() == suffix.length()) {
      return Optional.empty();
    }
    List<String> labels =
        Arrays.asList(lower.substring(0, lower.length() - suffix.length()).split("\\."));
    Optional<AwsEndpoint> s3 = s3(labels, china);
    if (s3.isPresent()) {
      return s3;
    }
    int regionIndex = lastRegionIndex(labels);
    if (regionIndex >= 1) {
      String service = labels.get(regionIndex - 1).replaceFirst("-fips$", "");
      return Optional.of(new AwsEndpoint(service, Optional.of(labels.get(regionIndex))));
    }
    if (regionIndex < 0 && labels.size() == 1) {
      return Optional.of(new AwsEndpoint(labels.get(0), globalRegion(china)));
    }
    return Optional.empty();
  }

  /** Reads S3 hosts, with or without a bucket name or account ID in front. */
  private static Optional<AwsEndpoint> s3(List<String> labels, boolean china) {
    for (int i = 0; i < labels.size(); i++) {
      String label = labels.get(i);
      if (S3_LABELS.contains(label)) {
        int regionIndex = lastRegionIndex(labels.subList(i, labels.size()));
        Optional<String> region =
            regionIndex < 0 ? globalRegion(china) : Optional.of(labels.get(i + regionIndex));
        return Optional.of(new AwsEndpoint("s3", region));
      }
      if (label.startsWith("s3-") && REGION.matcher(label.substring(3)).matches()) {
        return Optional.of(new AwsEndpoint("s3", Optional.of(label.substring(3))));
      }
    }
    return Optional.empty();
  }

  private static int lastRegionIndex(List<String> labels) {
    for (int i = labels.size() - 1; i >= 0; i--) {
      if (REGION.matcher(labels.get(i)).matches()) {
        return i;
      }
    }
    return -1;
  }

  private static Optional<String> globalRegion(boolean china) {
    return china ? Optional.empty() : Optional.of(GLOBAL_REGION);
  }
}
