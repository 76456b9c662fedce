package io.integrationoperator.executor.authorization;

import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewStatus;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.integrationoperator.executor.server.ApiError;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks that a caller may list or call tasks, or ask for a probe: its bearer token must pass a
 * TokenReview, and a SubjectAccessReview for the requested {@link TaskAccess} must allow it. Both
 * results, allowed or not, are cached for a short time; tokens are cached under their SHA-256 hash,
 * never as text.
 *
 * <p>With a token audience, the TokenReview names it in {@code spec.audiences}, and a caller is
 * accepted only when the API server returns it in {@code status.audiences}. Tokens issued for that
 * audience alone are rejected by the API server itself, so an executor that receives them cannot
 * use them against it. The audience is fixed per executor, so the cache key stays the token hash.
 */
public final class CallerAuthorizer {
  private static final Logger LOG = LoggerFactory.getLogger(CallerAuthorizer.class);
  private static final String BEARER = "bearer ";

  private final KubernetesClient client;
  private final Optional<String> audience;
  private final ExpiringCache<String, Optional<Caller>> tokenReviews;
  private final ExpiringCache<AccessKey, Boolean> accessReviews;

  private record AccessKey(Caller caller, TaskAccess access) {}

  /**
   * @param ttl how long review results are reused; zero turns caching off
   * @param maxEntries cached results of each kind
   */
  public CallerAuthorizer(KubernetesClient client, Duration ttl, int maxEntries) {
    this(client, Optional.empty(), ttl, maxEntries, Clock.systemUTC());
  }

  /**
   * @param audience the audience callers' tokens must be issued for; empty accepts tokens of the
   *     API server's default audiences
   * @param ttl how long review results are reused; zero turns caching off
   * @param maxEntries cached results of each kind
   */
  public CallerAuthorizer(
      KubernetesClient client, Optional<String> audience, Duration ttl, int maxEntries) {
    this(client, audience, ttl, maxEntries, Clock.systemUTC());
  }

  CallerAuthorizer(
      KubernetesClient client,
      Optional<String> audience,
      Duration ttl,
      int maxEntries,
      Clock clock) {
    this.client = client;
    this.audience = audience;
    this.tokenReviews = new ExpiringCache<>(ttl, maxEntries, clock);
    this.accessReviews = new ExpiringCache<>(ttl, maxEntries, clock);
  }

  /**
   * Authenticates a caller with a TokenReview of its bearer token.
   *
   * @param authorization the Authorization header the caller sent, if any
   * @throws ApiError 401 without a valid bearer token, 503 when the review cannot be made
   */
  public Caller authenticate(Optional<String> authorization) throws ApiError {
    return authenticateToken(bearerToken(authorization));
  }

  /**
   * Checks with a SubjectAccessReview that {@code caller} may perform {@code access}.
   *
   * @throws ApiError 403 when the caller lacks the Role, 503 when the review cannot be made
   */
  public void authorize(Caller caller, TaskAccess access) throws ApiError {
    if (!allowed(caller, access)) {
      throw new ApiError(
          403,
          "Forbidden",
          "User "
              + caller.username()
              + " may not "
              + access.verb()
              + " "
              + access.resourceName()
              + " "
              + access.integration()
              + " in namespace "
              + access.namespace()
              + "; "
              + advice(access));
    }
  }

  private static String bearerToken(Optional<String> authorization) throws ApiError {
    String header = authorization.map(String::trim).orElse("");
    if (header.isEmpty()) {
      throw new ApiError(
          401,
          "MissingToken",
          "The request has no Authorization header; send the caller's ServiceAccount token as"
              + " Authorization: Bearer <token>.");
    }
    if (!header.toLowerCase(Locale.ROOT).startsWith(BEARER)
        || header.substring(BEARER.length()).isBlank()) {
      throw new ApiError(
          401,
          "MissingToken",
          "The Authorization header is not a bearer token; send the caller's ServiceAccount token"
              + " as Authorization: Bearer <token>.");
    }
    return header.substring(BEARER.length()).trim();
  }

  private Caller authenticateToken(String token) throws ApiError {
    String key = sha256(token);
    Optional<Caller> caller = tokenReviews.get(key).orElse(null);
    if (caller == null) {
      caller = review(token);
      tokenReviews.put(key, caller);
    }
    return caller.orElseThrow(this::invalidToken);
  }

  private ApiError invalidToken() {
    String message =
        audience
            .map(
                a ->
                    "The bearer token was rejected by the Kubernetes TokenReview for audience "
                        + a
                        + "; send a current ServiceAccount token of the caller issued for audience "
                        + a
                        + ", such as a projected serviceAccountToken volume with audience: "
                        + a
                        + ".")
            .orElse(
                "The bearer token was rejected by the Kubernetes TokenReview; send a current"
                    + " ServiceAccount token of the caller.");
    return new ApiError(401, "InvalidToken", message);
  }

  private Optional<Caller> review(String token) throws ApiError {
    TokenReview request = new TokenReviewBuilder().withNewSpec().withToken(token).endSpec().build();
    audience.ifPresent(a -> request.getSpec().setAudiences(List.of(a)));
    TokenReviewStatus status;
    try {
      status = client.authentication().v1().tokenReviews().create(request).getStatus();
    } catch (KubernetesClientException e) {
      throw unavailable("TokenReview", e);
    }
    if (status == null
        || !Boolean.TRUE.equals(status.getAuthenticated())
        || status.getUser() == null) {
      LOG.debug("TokenReview did not authenticate a caller");
      return Optional.empty();
    }
    // The API reference of TokenReviewStatus.audiences (authentication.k8s.io/v1) says that clients
    // setting spec.audiences should check status.audiences, because an authenticator that ignores
    // audiences returns none. NOTE: tested against the fabric8 mock API server only.
    if (audience.isPresent()
        && (status.getAudiences() == null || !status.getAudiences().contains(audience.get()))) {
      LOG.debug("TokenReview authenticated a caller without audience {}", audience.get());
      return Optional.empty();
    }
    return Optional.of(Caller.of(status.getUser()));
  }

  private boolean allowed(Caller caller, TaskAccess access) throws ApiError {
    AccessKey key = new AccessKey(caller, access);
    Optional<Boolean> cached = accessReviews.get(key);
    if (cached.isPresent()) {
      return cached.get();
    }
    SubjectAccessReviewStatus status;
    try {
      status =
          client
              .authorization()
              .v1()
              .subjectAccessReview()
              .create(accessReview(caller, access))
              .getStatus();
    } catch (KubernetesClientException e) {
      throw unavailable("SubjectAccessReview", e);
    }
    boolean allowed = status != null && Boolean.TRUE.equals(status.getAllowed());
    accessReviews.put(key, allowed);
    return allowed;
  }

  /**
   * Builds the SubjectAccessReview that checks whether {@code caller} may perform {@code access}.
   */
  static SubjectAccessReview accessReview(Caller caller, TaskAccess access) {
    return new SubjectAccessReviewBuilder()
        .withNewSpec()
        .withUser(caller.username())
        .withUid(caller.uid())
        .withGroups(caller.groups())
        .withExtra(caller.extra())
        .withNewResourceAttributes()
        .withGroup(TaskAccess.GROUP)
        .withResource(TaskAccess.RESOURCE)
        .withSubresource(access.subresource().isEmpty() ? null : access.subresource())
        .withName(access.integration())
        .withNamespace(access.namespace())
        .withVerb(access.verb())
        .endResourceAttributes()
        .endSpec()
        .build();
  }

  private static String advice(TaskAccess access) {
    if (TaskAccess.PROBE.equals(access.subresource())) {
      return "only the operator asks for probes, with its ClusterRole that allows create on"
          + " integrations/probe.";
    }
    String role =
        access.subresource().isEmpty()
            ? access.integration() + "-admin or any " + access.integration() + "-<verb> Role"
            : access.integration()
                + "-"
                + access.verb()
                + " (or "
                + access.integration()
                + "-admin)";
    return "bind it to the Role " + role + " with a RoleBinding.";
  }

  private static ApiError unavailable(String review, KubernetesClientException e) {
    LOG.warn("{} failed with HTTP status {}: {}", review, e.getCode(), e.getMessage());
    return new ApiError(
        503,
        "AuthorizationUnavailable",
        "The executor could not create a "
            + review
            + " (HTTP status "
            + e.getCode()
            + "); check that its ServiceAccount may create tokenreviews and subjectaccessreviews.");
  }

  private static String sha256(String token) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }
}
