package io.integrationoperator.client.testing;

/**
 * One request as nginx recorded it in {@link NginxServer}'s access log. Headers the request did not
 * carry are empty strings.
 *
 * @param method request method, for example GET
 * @param uri request URI as sent, with the query string
 * @param status status code nginx returned
 * @param host the Host header (or HTTP/2 :authority)
 * @param authorization the Authorization header
 * @param apiKey the api_key header
 * @param xApiKey the X-API-Key header
 * @param cookie the Cookie header
 * @param remoteUser the user name nginx accepted with Basic authentication
 * @param sslServerName the server name the client sent in TLS SNI
 * @param sslClientSubject subject DN of the client certificate, when the client sent one
 * @param sslClientVerify nginx's verdict on the client certificate: SUCCESS, NONE when none was
 *     sent, or FAILED followed by the reason
 * @param protocol HTTP/1.1 or HTTP/2.0
 */
public record AccessLogEntry(
    String method,
    String uri,
    int status,
    String host,
    String authorization,
    String apiKey,
    String xApiKey,
    String cookie,
    String remoteUser,
    String sslServerName,
    String sslClientSubject,
    String sslClientVerify,
    String protocol) {}
