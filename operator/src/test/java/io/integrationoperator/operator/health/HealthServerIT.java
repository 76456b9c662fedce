package io.integrationoperator.operator.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.integrationoperator.operator.IntegrationOperator;
import io.integrationoperator.operator.OperatorSettings;
import io.javaoperatorsdk.operator.Operator;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class HealthServerIT {
  KubernetesClient client;

  @Test
  void readinessFollowsOperatorStart() throws Exception {
    Operator operator = IntegrationOperator.create(client, OperatorSettings.inProcess());
    try (HealthServer health =
        HealthServer.start(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), operator::getRuntimeInfo)) {
      assertThat(get(health, "/healthz").statusCode()).isEqualTo(200);
      HttpResponse<String> before = get(health, "/readyz");
      assertThat(before.statusCode()).isEqualTo(503);
      assertThat(before.body()).contains("not started");

      operator.start();
      try {
        assertThat(get(health, "/readyz").statusCode()).isEqualTo(200);
      } finally {
        operator.stop();
      }
    }
  }

  private static HttpResponse<String> get(HealthServer health, String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + health.port() + path)).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }
}
