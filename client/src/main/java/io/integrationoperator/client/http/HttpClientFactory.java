package io.integrationoperator.client.http;

import io.integrationoperator.api.integration.ServerProtocol;
import io.integrationoperator.api.integration.Tls;
import io.integrationoperator.client.connection.ConnectionSettings;
import io.integrationoperator.client.connection.CredentialKeys;
import io.integrationoperator.client.connection.InvalidSettingsException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates OkHttp clients for connection settings. All clients of one factory share a connection
 * pool and a dispatcher, and each settings' client is derived from a base client with {@code
 * newBuilder()}. Clients are cached per TLS, timeout and proxy configuration, so repeated calls
 * reuse connections.
 *
 * <ul>
 *   <li>TLS: with {@code tls.verify} false the server certificate and host name are not checked,
 *       and a WARN is logged when such a client is created. A {@code caBundlePem} (or, without one,
 *       the mutual TLS credential {@code ca.crt}) adds its CAs to the JVM default trust store
 *       rather than replacing it. {@code tls.serverName} is sent in SNI and checked against the
 *       certificate while the TCP connection goes to the URL host.
 *   <li>Mutual TLS: with {@code authentication.mutualTls} set, the client presents the chain in the
 *       credential {@code tls.crt} with the key in {@code tls.key} whenever the server requests a
 *       client certificate.
 *   <li>Timeouts: the settings' timeout bounds the whole call, and the connect timeout is the
 *       smaller of it and {@link #MAX_CONNECT_TIMEOUT}. A missing, zero or negative timeout means
 *       {@link #DEFAULT_TIMEOUT}, and any other is clamped to {@link #MIN_TIMEOUT} and {@link
 *       #MAX_TIMEOUT}, because OkHttp counts in whole milliseconds and reads 0 ms as no timeout.
 *   <li>Redirects are not followed, so credentials never travel to the host a 3xx names. The caller
 *       receives the 3xx response itself.
 *   <li>Cookies are not stored between calls.
 *   <li>Proxy: with {@code proxy} set, requests go through that HTTP proxy unless the no-proxy list
 *       matches their host. Plain-http requests are sent to the proxy, https ones through a CONNECT
 *       tunnel. Basic proxy credentials are sent with every request and CONNECT, and a 407 fails
 *       the call with {@link ProxyAuthenticationException} instead of being retried. An https proxy
 *       gets its own TLS connection, which trusts the JVM default CAs plus the proxy CA bundle,
 *       independent of the Integration's own TLS settings.
 * </ul>
 */
public final class HttpClientFactory {

  /** Call timeout used when the settings have none. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  /** Smallest call timeout; a shorter positive timeout is raised to it. */
  public static final Duration MIN_TIMEOUT = Duration.ofMillis(1);

  /** Largest call timeout; a longer timeout is lowered to it. */
  public static final Duration MAX_TIMEOUT = Duration.ofHours(1);

  /** Upper bound of the TCP connect timeout. */
  public static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(HttpClientFactory.class);
  private static final int MAX_CACHED_CLIENTS = 64;
  private static final HttpClientFactory SHARED = new HttpClientFactory();

  /** Accepts every name because the TLS handshake has already checked tls.serverName. */
  private static final HostnameVerifier CHECKED_DURING_HANDSHAKE = (host, session) -> true;

  private static final HostnameVerifier NO_VERIFICATION = (host, session) -> true;

  private final OkHttpClient base;

  /** Guarded by itself. */
  private final Map<ClientKey, OkHttpClient> clients =
      new LeastRecentlyUsedMap<>(MAX_CACHED_CLIENTS);

  /** Creates a factory with its own connection pool and dispatcher. */
  public HttpClientFactory() {
    this.base =
        new OkHttpClient.Builder()
            .connectionPool(new ConnectionPool())
            .dispatcher(new Dispatcher())
            .followRedirects(false)
            .followSslRedirects(false)
            .build();
  }

  /** Returns the factory shared by every {@code IntegrationClient} of this JVM. */
  public static HttpClientFactory shared() {
    return SHARED;
  }

  /**
   * Returns a client for the settings' TLS configuration and timeout.
   *
   * @throws InvalidSettingsException when the CA bundle contains no valid certificate, the mutual
   *     TLS certificate or key is missing, invalid or mismatched, a noProxy entry is invalid, or
   *     the proxy CA bundle contains no valid certificate
   */
  public OkHttpClient clientFor(ConnectionSettings settings) throws InvalidSettingsException {
    ClientKey key = ClientKey.of(settings);
    synchronized (clients) {
      OkHttpClient cached = clients.get(key);
      if (cached != null) {
        return cached;
      }
      OkHttpClient client = newClient(key);
      clients.put(key, client);
      return client;
    }
  }

  /**
   * Returns the settings' timeout clamped to {@link #MIN_TIMEOUT} and {@link #MAX_TIMEOUT}, or
   * {@link #DEFAULT_TIMEOUT} when it is missing or not positive. The result is never zero, which
   * OkHttp would read as no timeout at all.
   */
  public static Duration callTimeout(ConnectionSettings settings) {
    Duration timeout = settings.timeout();
    if (timeout == null || timeout.isZero() || timeout.isNegative()) {
      return DEFAULT_TIMEOUT;
    }
    if (timeout.compareTo(MIN_TIMEOUT) < 0) {
      return MIN_TIMEOUT;
    }
    return min(timeout, MAX_TIMEOUT);
  }

  /** Closes idle pooled connections and stops the dispatcher's threads. */
  public void close() {
    base.connectionPool().evictAll();
    base.dispatcher().executorService().shutdown();
  }

  private OkHttpClient newClient(ClientKey key) throws InvalidSettingsException {
    OkHttpClient.Builder builder =
        base.newBuilder()
            .callTimeout(key.timeout())
            .connectTimeout(min(key.timeout(), MAX_CONNECT_TIMEOUT))
            .readTimeout(key.timeout())
            .writeTimeout(key.timeout());
    if (!key.verify()) {
      LOG.warn(
          "TLS verification is off for {} (tls.verify is false): the server certificate and"
              + " host name are not checked",
          key.endpoint());
    }
    if (key.proxy().isPresent()) {
      applyProxy(builder, key.proxy().get());
    }
    if (key.verify()
        && key.caBundlePem().isEmpty()
        && key.serverName().isEmpty()
        && key.identity().isEmpty()) {
      return builder.build();
    }
    X509TrustManager trustManager = trustManager(key);
    KeyManager[] keyManagers =
        key.identity().isEmpty() ? null : new KeyManager[] {key.identity().get().keyManager()};
    SSLSocketFactory socketFactory = socketFactory(keyManagers, trustManager);
    if (key.serverName().isPresent()) {
      socketFactory =
          new ServerNameSocketFactory(socketFactory, key.serverName().get(), key.verify());
      builder.hostnameVerifier(key.verify() ? CHECKED_DURING_HANDSHAKE : NO_VERIFICATION);
    } else if (!key.verify()) {
      builder.hostnameVerifier(NO_VERIFICATION);
    }
    return builder.sslSocketFactory(socketFactory, trustManager).build();
  }

  private static void applyProxy(OkHttpClient.Builder builder, ProxySettings proxy)
      throws InvalidSettingsException {
    NoProxyList noProxy = NoProxyList.parse(proxy.noProxy());
    ProxyAuthentication authentication = new ProxyAuthentication(proxy);
    builder
        .proxySelector(new ProxyRouteSelector(proxy, noProxy))
        .proxyAuthenticator(authentication)
        .addInterceptor(authentication);
    SSLSocketFactory proxyTls = null;
    if (proxy.protocol() == ServerProtocol.https) {
      X509TrustManager proxyTrust =
          proxy.caBundlePem().isPresent()
              ? TrustManagers.withExtraCas(proxy.caBundlePem().get(), "the proxy CA bundle")
              : TrustManagers.jvmDefault();
      proxyTls = socketFactory(null, proxyTrust);
    }
    builder.socketFactory(new ProxySocketFactory(proxy, proxyTls)).dns(new ProxyDns(proxy));
  }

  private static X509TrustManager trustManager(ClientKey key) throws InvalidSettingsException {
    if (!key.verify()) {
      return InsecureTrustManager.INSTANCE;
    }
    if (key.caBundlePem().isPresent()) {
      return TrustManagers.withExtraCas(key.caBundlePem().get(), key.caBundleSource());
    }
    return TrustManagers.jvmDefault();
  }

  private static SSLSocketFactory socketFactory(
      KeyManager[] keyManagers, X509TrustManager trustManager) throws InvalidSettingsException {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers, new TrustManager[] {trustManager}, null);
      return context.getSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new InvalidSettingsException("could not create a TLS context: " + e.getMessage(), e);
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /**
   * The parts of connection settings that shape a client. The identity's and the proxy's {@code
   * toString} hide the key and the proxy password, so this record's {@code toString} does not show
   * them either.
   *
   * @param caBundleSource where {@code caBundlePem} comes from, for error messages
   */
  private record ClientKey(
      String endpoint,
      boolean verify,
      Optional<String> serverName,
      Optional<String> caBundlePem,
      String caBundleSource,
      Optional<ClientIdentity> identity,
      Duration timeout,
      Optional<ProxySettings> proxy) {

    static ClientKey of(ConnectionSettings settings) throws InvalidSettingsException {
      Tls tls = settings.spec() == null ? null : settings.spec().getTls();
      boolean verify = tls == null || tls.getVerify() == null || tls.getVerify();
      Optional<String> serverName =
          Optional.ofNullable(tls == null ? null : tls.getServerName()).filter(s -> !s.isBlank());
      Optional<ClientIdentity> identity = ClientIdentity.of(settings);
      Optional<String> caBundle = settings.caBundlePem().filter(pem -> !pem.isBlank());
      Optional<String> mutualTlsCa =
          identity.flatMap(i -> mutualTlsCa(settings)).filter(pem -> !pem.isBlank());
      return new ClientKey(
          endpoint(settings.baseUrl()),
          verify,
          serverName,
          caBundle.or(() -> mutualTlsCa),
          caBundleSource(tls, mutualTlsCa.isPresent()),
          identity,
          callTimeout(settings),
          settings.proxy() == null ? Optional.empty() : settings.proxy());
    }

    private static Optional<String> mutualTlsCa(ConnectionSettings settings) {
      Map<String, String> credentials = settings.credentials();
      return Optional.ofNullable(
          credentials == null ? null : credentials.get(CredentialKeys.CA_CRT));
    }

    /**
     * Names the trusted CA text in messages. The operator joins tls.caBundle and the mutual TLS
     * Secret's ca.crt into one text, so a message may have to name both.
     */
    private static String caBundleSource(Tls tls, boolean mutualTlsCa) {
      boolean caBundle = tls != null && tls.getCaBundle() != null;
      if (mutualTlsCa && caBundle) {
        return "tls.caBundle or ca.crt of the mutualTls Secret";
      }
      return mutualTlsCa ? "ca.crt of the mutualTls Secret" : "tls.caBundle";
    }

    /** Returns host:port of the base URL, for the log, without any user info or path. */
    private static String endpoint(String baseUrl) {
      HttpUrl url = baseUrl == null ? null : HttpUrl.parse(baseUrl);
      return url == null ? "an invalid base URL" : url.host() + ":" + url.port();
    }
  }

  /** A map that drops its least recently used entry beyond a maximum size. */
  private static final class LeastRecentlyUsedMap<K, V> extends LinkedHashMap<K, V> {
    private final int maxSize;

    LeastRecentlyUsedMap(int maxSize) {
      super(16, 0.75f, true);
      this.maxSize = maxSize;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
      return size() > maxSize;
    }
  }
}
