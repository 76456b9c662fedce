package io.integrationoperator.executor.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.integrationoperator.executor.server.ApiError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Checks the TokenReview and SubjectAccessReview objects the executor sends, and the errors it
 * returns, against the fabric8 mock API server in expectations mode.
 */
@EnableKubernetesMockClient
class CallerAuthorizerIT {
  private static final String TOKEN_REVIEWS = "/apis/authentication.k8s.io/v1/tokenreviews";
  private static final String ACCESS_REVIEWS = "/apis/authorization.k8s.io/v1/subjectaccessreviews";
  private static final String USER = "system:serviceaccount:shop:runner";
  private static final List<String> GROUPS =
      List.of("system:serviceaccounts", "system:serviceaccounts:shop", "system:authenticated");
  private static final String AUDIENCE = "integration-operator";
  private static final String AUDIENCE_REJECTED =
      "The bearer token was rejected by the Kubernetes TokenReview for audience"
          + " integration-operator; send a current ServiceAccount token of the caller issued for"
          + " audience integration-operator, such as a projected serviceAccountToken volume with"
          + " audience: integration-operator.";
  private static final Map<String, List<String>> EXTRA =
      Map.of("authentication.kubernetes.io/pod-name", List.of("runner-7d9f"));

  KubernetesMockServer server;
  KubernetesClient client;

  private final MutableClock clock = new MutableClock();

  @AfterEach
  void drainRequests() throws InterruptedException {
    while (server.takeRequest(10, TimeUnit.MILLISECONDS) != null) {
      // Requests left by a test must not reach the next one.
    }
  }

  @Test
  void sendsTokenReviewAndAccessReviewForTaskCall() throws Exception {
    expectAuthenticated();
    expectAccess(true);
    CallerAuthorizer authorizer = authorizer(Duration.ofSeconds(10));

    Caller caller = authorizer.authenticate(Optional.of("Bearer token-of-runner"));
    authorizer.authorize(caller, TaskAccess.call("shop", "pets", "POST"));

    TokenReview tokenReview = takeBody(TOKEN_REVIEWS, TokenReview.class);
    assertThat(tokenReview.getSpec().getToken()).isEqualTo("token-of-runner");
    assertThat(tokenReview.getSpec().getAudiences()).isEmpty();
    SubjectAccessReview accessReview = takeBody(ACCESS_REVIEWS, SubjectAccessReview.class);
    assertThat(accessReview.getSpec().getUser()).isEqualTo(USER);
    assertThat(accessReview.getSpec().getUid()).isEqualTo("uid-1");
    assertThat(accessReview.getSpec().getGroups()).isEqualTo(GROUPS);
    assertThat(accessReview.getSpec().getExtra()).isEqualTo(EXTRA);
    assertThat(accessReview.getSpec().getResourceAttributes())
        .isEqualTo(
            new SubjectAccessReviewBuilder()
                .withNewSpec()
                .withNewResourceAttributes()
                .withGroup("integration-operator.io")
                .withResource("integrations")
                .withSubresource("tasks")
                .withName("pets")
                .withNamespace("shop")
                .withVerb("post")
                .endResourceAttributes()
                .endSpec()
                .build()
                .getSpec()
                .getResourceAttributes());
    assertThat(accessReview.getSpec().getNonResourceAttributes()).isNull();
  }

  @Test
  void listingAsksForGetOnIntegration() throws Exception {
    expectAuthenticated();
    expectAccess(true);
    CallerAuthorizer authorizer = authorizer(Duration.ofSeconds(10));

    authorizer.authorize(
        authorizer.authenticate(Optional.of("Bearer token-of-runner")),
        TaskAccess.list("shop", "pets"));

    takeBody(TOKEN_REVIEWS, TokenReview.class);
    SubjectAccessReview accessReview = takeBody(ACCESS_REVIEWS, SubjectAccessReview.class);
    assertThat(accessReview.getSpec().getResourceAttributes().getResource())
        .isEqualTo("integrations");
    assertThat(accessReview.getSpec().getResourceAttributes().getSubresource()).isNull();
    assertThat(accessReview.getSpec().getResourceAttributes().getVerb()).isEqualTo("get");
    assertThat(accessReview.getSpec().getResourceAttributes().getName()).isEqualTo("pets");
  }

  @Test
  void deniedAccessIsForbiddenNamingRole() {
    expectAuthenticated();
    expectAccess(false);
    CallerAuthorizer authorizer = authorizer(Duration.ofSeconds(10));

    assertThatThrownBy(
            () ->
                authorizer.authorize(
                    authorizer.authenticate(Optional.of("Bearer token-of-runner")),
                    TaskAccess.call("shop", "pets", "DELETE")))
        .isInstanceOfSatisfying(
            ApiError.class,
            e -> {
              assertThat(e.status()).isEqualTo(403);
              assertThat(e.reason()).isEqualTo("Forbidden");
              assertThat(e.error())
                  .isEqualTo(
                      "User system:serviceaccount:shop:runner may not delete integrations/tasks"
                          + " pets in namespace shop; bind it to the Role pets-delete (or"
                          + " pets-admin) with a RoleBinding.");
            });
  }

  @Test
  void missingHeaderIsUnauthorizedWithoutReview() throws Exception {
    CallerAuthorizer authorizer = authorizer(Duration.ofSeconds(10));

    assertThatThrownBy(() -> authorizer.authenticate(Optional.empty()))
        .isInstanceOfSatisfying(
            ApiError.class,
            e -> {
              assertThat(e.status()).isEqualTo(401);
              assertThat(e.reason()).isEqualTo("MissingToken");
            });
    assertThatThrownBy(() -> authorizer.authenticate(Optional.of("Basic YWxpY2U6eA==")))
        .isInstanceOfSatisfying(
            ApiError.class, e -> assertThat(e.reason()).isEqualTo("MissingToken"));
    assertThat(server.takeRequest(100, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void rejectedTokenIsUnauthorizedWithoutToken() {
    server
        .expect()
        .post()
        .withPath(TOKEN_REVIEWS)
        .andReturn(
            201,
            new TokenReviewBuilder()
                .withNewStatus()
                .withAuthenticated(false)
                .withError("invalid bearer token")
                .endStatus()
                .build())
        .once();
    CallerAuthorizer authorizer = authorizer(Duration.ofSeconds(10));

    assertThatThrownBy(() -> authorizer.authenticate(Optional.of("Bearer stolen-token")))
        .isInstanceOfSatisfying(
            ApiError.class,
            e -> {
              assertThat(e.status()).isEqualTo(401);
              assertThat(e.reason()).isEqualTo("InvalidToken");
              assertThat(e.error()).doesNotContain("stolen-token");
            });
  }

  @Test
  void audienceIsSentAndRequiredInStatus() throws Exception {
    expectAuthenticated(List.of(AUDIENCE));
    CallerAuthorizer authorizer = authorizer(Optional.of(AUDIENCE), Duration.ofSeconds(10));

    Caller caller = authorizer.authenticate(Optional.of("Bearer token-of-runner"));

    assertThat(caller.username()).isEqualTo(USER);
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request.getPath()).isEqualTo(TOKEN_REVIEWS);
    assertThat(Serialization.jsonMapper().readTree(request.getBody().readUtf8()))
        .isEqualTo(
            Serialization.jsonMapper()
                .readTree(
                    """
                    {"apiVersion": "authentication.k8s.io/v1", "kind": "TokenReview",
                     "spec": {"token": "token-of-runner", "audiences": ["integration-operator"]}}
                    """));
  }

  @Test
  void statusWithoutAudienceIsUnauthorized() {
    // An API server returns only the requested audiences the token was issued for; a status that
    // omits the audience must not authenticate the caller.
    expectAuthenticated(List.of("https://kubernetes.default.svc"));
    CallerAuthorizer authorizer = authorizer(Optional.of(AUDIENCE), Duration.ofSeconds(10));

    assertThatThrownBy(() -> authorizer.authenticate(Optional.of("Bearer token-of-runner")))
        .isInstanceOfSatisfying(
            ApiError.class,
            e -> {
              assertThat(e.status()).isEqualTo(401);
              assertThat(e.reason()).isEqualTo("InvalidToken");
              assertThat(e.error()).isEqualTo(AUDIENCE_REJECTED);
            });
  }

  @Test
  void tokenWithoutAudienceIsUnauthorized() {
    server
        .expect()
        .post()
        .withPath(TOKEN_REVIEWS)
        .andReturn(
            201,
            new TokenReviewBuilder()
                .withNewStatus()
                .withAuthenticated(false)
                .withError("token audiences [\"https://kubernetes.default.svc\"] is invalid")
                .endStatus()
                .build())
        .once();
    CallerAuthorizer authorizer = authorizer(Optional.of(AUDIENCE), Duration.ofSeconds(10));

    assertThatThrownBy(() -> authorizer.authenticate(Optional.of("Bearer default-audience")))
        .isInstanceOfSatisfying(
            ApiError.class,
            e -> {
              assertThat(e.status()).isEqualTo(401);
              assertThat(e.reason()).isEqualTo("InvalidToken");
              assertThat(e.error()).isEqualTo(AUDIENCE_REJECTED);
            });
  }

  @Test
  void answersAreCachedUntilTtlEnds() throws Exception {
    expectAuthenticated();
    expectAccess(true);
    CallerAuthorizer authorizer = authorizer(Duration.ofSeconds(10));
    TaskAccess access = TaskAccess.call("shop", "pets", "GET");

    authorizer.authorize(authorizer.authenticate(Optional.of("Bearer token-of-runner")), access);
    clock.advance(Duration.ofSeconds(9));
    authorizer.authorize(authorizer.authenticate(Optional.of("Bearer token-of-runner")), access);

    assertThat(server.getRequestCount()).isEqualTo(2);

    expectAuthenticated();
    expectAccess(true);
    clock.advance(Duration.ofSeconds(2));
    authorizer.authorize(authorizer.authenticate(Optional.of("Bearer token-of-runner")), access);

    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void failedReviewIsServiceUnavailable() {
    server.expect().post().withPath(TOKEN_REVIEWS).andReturn(403, "forbidden").once();
    CallerAuthorizer authorizer = authorizer(Duration.ofSeconds(10));

    assertThatThrownBy(() -> authorizer.authenticate(Optional.of("Bearer token-of-runner")))
        .isInstanceOfSatisfying(
            ApiError.class,
            e -> {
              assertThat(e.status()).isEqualTo(503);
              assertThat(e.reason()).isEqualTo("AuthorizationUnavailable");
              assertThat(e.error()).contains("tokenreviews");
            });
  }

  private CallerAuthorizer authorizer(Duration ttl) {
    return authorizer(Optional.empty(), ttl);
  }

  private CallerAuthorizer authorizer(Optional<String> audience, Duration ttl) {
    return new CallerAuthorizer(client, audience, ttl, 100, clock);
  }

  private void expectAuthenticated() {
    expectAuthenticated(List.of());
  }

  private void expectAuthenticated(List<String> audiences) {
    server
        .expect()
        .post()
        .withPath(TOKEN_REVIEWS)
        .andReturn(
            201,
            new TokenReviewBuilder()
                .withNewStatus()
                .withAuthenticated(true)
                .withAudiences(audiences)
                .withNewUser()
                .withUsername(USER)
                .withUid("uid-1")
                .withGroups(GROUPS)
                .withExtra(EXTRA)
                .endUser()
                .endStatus()
                .build())
        .once();
  }

  private void expectAccess(boolean allowed) {
    server
        .expect()
        .post()
        .withPath(ACCESS_REVIEWS)
        .andReturn(
            201,
            new SubjectAccessReviewBuilder()
                .withNewStatus()
                .withAllowed(allowed)
                .endStatus()
                .build())
        .once();
  }

  private <T> T takeBody(String path, Class<T> type) throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).as("request to " + path).isNotNull();
    assertThat(request.getPath()).isEqualTo(path);
    return Serialization.unmarshal(request.getBody().readUtf8(), type);
  }

  /** A clock the test moves forward by hand. */
  private static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
