package io.integrationoperator.client.oauth2;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import io.integrationoperator.client.connection.CredentialRedaction;
import io.integrationoperator.client.envelope.ReasonPhrases;
import io.integrationoperator.client.token.TokenRequestException;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.OkHttpClient;

/**
 * Reads OpenID Connect discovery documents ({@code <issuer>/.well-known/openid-configuration}) with
 * Nimbus, checks that the document names the configured issuer, and keeps each document for {@link
 * #CACHE_DURATION} per discovery URL. Failed reads are not cached; the token cache's backoff spaces
 * out retries.
 */
final class OidcDiscovery {

  /** How long a discovery document is reused before it is read again. */
  static final Duration CACHE_DURATION = Duration.ofMinutes(15);

  /** Path below the issuer where the discovery document lies. */
  static final String WELL_KNOWN_PATH = "/.well-known/openid-configuration";

  private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

  private OidcDiscovery() {}

  /**
   * The endpoints a discovery document names.
   *
   * @param issuer the issuer the document names
   * @param tokenEndpoint the token_endpoint
   * @param authorizationEndpoint the authorization_endpoint, if any
   */
  record Endpoints(String issuer, URI tokenEndpoint, Optional<URI> authorizationEndpoint) {}

  private record Cached(Endpoints endpoints, Instant expiresAt) {}

  /**
   * Returns the issuer of {@code url}: the URL itself, or the part before {@value #WELL_KNOWN_PATH}
   * when it is the discovery document's URL, as OpenAPI openIdConnectUrl values are. A trailing
   * slash is kept.
   */
  static String issuerOf(String url) {
    return url.endsWith(WELL_KNOWN_PATH)
        ? url.substring(0, url.length() - WELL_KNOWN_PATH.length())
        : url;
  }

  /** Returns the discovery document URL of {@code issuer}, with or without a trailing slash. */
  static String discoveryUrl(String issuer) {
    return withoutTrailingSlash(issuer) + WELL_KNOWN_PATH;
  }

  /**
   * Returns the endpoints of {@code issuer}, from the cache when it was read less than {@link
   * #CACHE_DURATION} ago.
   *
   * @throws TokenRequestException when the document cannot be read, is not valid, or names another
   *     issuer; with the GET exchange's envelope when the server answered
   */
  static Endpoints discover(
      String issuer, OkHttpClient client, Clock clock, CredentialRedaction redaction)
      throws TokenRequestException {
    String url = discoveryUrl(issuer);
    Instant now = clock.instant();
    Cached cached = CACHE.get(url);
    if (cached != null && now.isBefore(cached.expiresAt())) {
      return cached.endpoints();
    }
    Endpoints endpoints = read(url, issuer, client, redaction);
    CACHE.put(url, new Cached(endpoints, now.plus(CACHE_DURATION)));
    return endpoints;
  }

  /** Empties the cache, for tests that change a discovery document. */
  static void clearCache() {
    CACHE.clear();
  }

  private static Endpoints read(
      String url, String issuer, OkHttpClient client, CredentialRedaction redaction)
      throws TokenRequestException {
    TokenEndpointExchange.Answer answer;
    try {
      answer = TokenEndpointExchange.send(client, get(url), Set.of());
    } catch (IOException e) {
      throw new TokenRequestException(
          redaction.redact(
              "the OpenID Connect discovery document " + url + " could not be read: " + e),
          e);
    }
    if (answer.status() != 200) {
      throw new TokenRequestException(
          "the OpenID Connect discovery document "
              + url
              + " returned "
              + answer.status()
              + " "
              + ReasonPhrases.of(answer.status()),
          TokenResponses.envelope(answer, redaction));
    }
    OIDCProviderMetadata metadata;
    try {
      metadata = OIDCProviderMetadata.parse(answer.body());
    } catch (ParseException e) {
      throw new TokenRequestException(
          "the OpenID Connect discovery document "
              + url
              + " is not a valid discovery document: "
              + e.getMessage(),
          TokenResponses.envelope(answer, redaction));
    }
    String named = metadata.getIssuer().getValue();
    if (!withoutTrailingSlash(named).equals(withoutTrailingSlash(issuer))) {
      throw new TokenRequestException(
          "the OpenID Connect discovery document "
              + url
              + " names the issuer "
              + named
              + " instead of "
              + issuer
              + "; set issuerUrl to the issuer the provider names",
          TokenResponses.envelope(answer, redaction));
    }
    if (metadata.getTokenEndpointURI() == null) {
      throw new TokenRequestException(
          "the OpenID Connect discovery document " + url + " names no token_endpoint; set tokenUrl",
          TokenResponses.envelope(answer, redaction));
    }
    return new Endpoints(
        named,
        metadata.getTokenEndpointURI(),
        Optional.ofNullable(metadata.getAuthorizationEndpointURI()));
  }

  private static com.nimbusds.oauth2.sdk.http.HTTPRequest get(String url) {
    var request =
        new com.nimbusds.oauth2.sdk.http.HTTPRequest(
            com.nimbusds.oauth2.sdk.http.HTTPRequest.Method.GET, URI.create(url));
    request.setAccept("application/json");
    return request;
  }

  private static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
