package io.integrationoperator.client.http;

import java.io.IOException;
import okhttp3.Authenticator;
import okhttp3.Credentials;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;

/**
 * Sends Basic proxy credentials before the proxy requests them, and never retries after a 407. With
 * credentials, every plain-http request routed through the proxy carries {@code
 * Proxy-Authorization} (added by this class as an application interceptor), and every CONNECT
 * carries it through OkHttp's preemptive proxy authentication. A 407 that still arrives means the
 * proxy rejected those credentials, or that the proxy wants credentials and none are configured:
 * either way the call fails with {@link ProxyAuthenticationException}, so a proxy is never asked
 * twice with the same credentials.
 *
 * <p>A 407 that arrives through a CONNECT tunnel comes from the target server, not from the proxy.
 * It is returned to the caller as the response, and the proxy credentials are not sent to the
 * target.
 */
final class ProxyAuthentication implements Authenticator, Interceptor {

  private static final String HEADER = "Proxy-Authorization";

  private final ProxySettings proxy;

  ProxyAuthentication(ProxySettings proxy) {
    this.proxy = proxy;
  }

  /** Adds the credentials to plain-http requests that the proxy forwards. */
  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (request.isHttps() || !proxy.proxies(request.url().host()) || credentials() == null) {
      return chain.proceed(request);
    }
    return chain.proceed(request.newBuilder().header(HEADER, credentials()).build());
  }

  @Override
  public Request authenticate(Route route, Response response) throws IOException {
    Request request = response.request();
    boolean connect = "CONNECT".equals(request.method());
    if (!connect && request.isHttps()) {
      return null;
    }
    boolean preemptive = "OkHttp-Preemptive".equals(response.header("Proxy-Authenticate"));
    if (preemptive) {
      return credentials() == null
          ? null
          : request.newBuilder().header(HEADER, credentials()).build();
    }
    throw new ProxyAuthenticationException(proxy.url(), message(request.header(HEADER) != null));
  }

  private String message(boolean credentialsSent) {
    if (credentialsSent) {
      return "the proxy "
          + proxy.url()
          + " rejected the proxy credentials (407 Proxy Authentication Required); check"
          + " username and password in the proxy Secret";
    }
    return "the proxy "
        + proxy.url()
        + " requires authentication (407 Proxy Authentication Required), but no proxy"
        + " credentials are configured; set the proxy's secretRef to a Secret with username"
        + " and password";
  }

  private String credentials() {
    if (proxy.username().isEmpty() || proxy.password().isEmpty()) {
      return null;
    }
    return Credentials.basic(
        proxy.username().get(), proxy.password().get(), java.nio.charset.StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "ProxyAuthentication[" + proxy + "]";
  }
}
