package io.integrationoperator.operator.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrationoperator.api.integration.Server;
import io.integrationoperator.api.integration.ServerProtocol;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EndpointTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
          model server only                | https://api.example.test/v3 | -     | -               | -    | -       | https://api.example.test/v3
          host overrides model host        | https://api.example.test/v3 | -     | internal.test   | -    | -       | https://internal.test/v3
          relative model server gives path | /api/v3                     | -     | pets.test       | -    | -       | https://pets.test/api/v3
          spec port and protocol           | /api/v3                     | http  | pets.test       | 8080 | -       | http://pets.test:8080/api/v3
          default port is left out         | -                           | https | pets.test       | 443  | -       | https://pets.test
          model port is kept               | https://api.example.test:8443 | -   | -               | -    | -       | https://api.example.test:8443
          spec base path replaces model's  | https://api.example.test/v3 | -     | -               | -    | /v4/    | https://api.example.test/v4
          ipv6 host                        | -                           | http  | [::1]           | 8080 | /api    | http://[::1]:8080/api
          ipv6 host without brackets       | -                           | http  | ::1             | 8080 | /api    | http://[::1]:8080/api
          """)
  void resolvesUrl(
      String name,
      String modelServer,
      String protocol,
      String host,
      Integer port,
      String basePath,
      String expected) {
    Server server = new Server();
    server.setProtocol(protocol == null ? null : ServerProtocol.valueOf(protocol));
    server.setHost(host);
    server.setPort(port);
    server.setBasePath(basePath);

    Endpoint endpoint = Endpoint.resolve(server, modelServer);

    assertThat(endpoint.failure()).isEmpty();
    assertThat(endpoint.url()).contains(expected);
  }

  @ParameterizedTest(name = "model server {0}")
  @CsvSource(
      nullValues = "-",
      value = {"-", "/api/v3"})
  void reportsInvalidServerWithoutHost(String modelServer) {
    Endpoint endpoint = Endpoint.resolve(null, modelServer);

    assertThat(endpoint.url()).isEmpty();
    assertThat(endpoint.failure())
        .hasValueSatisfying(
            outcome -> {
              assertThat(outcome.reason()).isEqualTo("InvalidServer");
              assertThat(outcome.message()).contains("spec.server.host");
            });
  }

  @ParameterizedTest(name = "host {0}")
  @CsvSource(
      delimiter = '|',
      value = {"127.0.0.1/path", "127.0.0.1?x=1", "127.0.0.1#f", "http://127.0.0.1", "bad host"})
  void reportsHostWithMoreThanAHost(String host) {
    Server server = new Server();
    server.setHost(host);

    Endpoint endpoint = Endpoint.resolve(server, null);

    assertThat(endpoint.url()).isEmpty();
    assertThat(endpoint.failure().get().message())
        .isEqualTo("Server host " + host + " is not a valid host name; correct spec.server.host.");
  }
}
