package io.integrationoperator.client.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AwsEndpointTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "mq.us-east-1.amazonaws.com, mq, us-east-1",
    "a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com, execute-api, eu-west-1",
    "s3.ap-southeast-2.amazonaws.com, s3, ap-southeast-2",
    "s3-us-west-2.amazonaws.com, s3, us-west-2",
    "examplebucket.s3.us-west-2.amazonaws.com, s3, us-west-2",
    "my.dotted.bucket.s3.eu-central-1.amazonaws.com, s3, eu-central-1",
    "examplebucket.s3.dualstack.us-east-2.amazonaws.com, s3, us-east-2",
    "examplebucket.s3.amazonaws.com, s3, us-east-1",
    "s3.amazonaws.com, s3, us-east-1",
    "123456789012.s3-control.us-west-2.amazonaws.com, s3, us-west-2",
    "s3-fips.us-gov-west-1.amazonaws.com, s3, us-gov-west-1",
    "ap-123456789012.s3-accesspoint.eu-west-1.amazonaws.com, s3, eu-west-1",
    "iam.amazonaws.com, iam, us-east-1",
    "sqs-fips.us-gov-west-1.amazonaws.com, sqs, us-gov-west-1",
    "mq.cn-north-1.amazonaws.com.cn, mq, cn-north-1",
    "a1b2c3.execute-api.cn-northwest-1.amazonaws.com.cn, execute-api, cn-northwest-1",
    "MQ.US-EAST-1.AMAZONAWS.COM, mq, us-east-1"
  })
  void readsServiceAndRegion(String host, String service, String region) {
    assertThat(AwsEndpoint.parse(host)).contains(new AwsEndpoint(service, Optional.of(region)));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "api.example.test",
        "127.0.0.1",
        "amazonaws.com",
        "example.amazonaws.com.evil.test",
        "notamazonaws.com",
        "a.b.vpce.amazonaws.com"
      })
  void ignoresOtherHosts(String host) {
    assertThat(AwsEndpoint.parse(host)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"iam.amazonaws.com.cn", "examplebucket.s3.amazonaws.com.cn"})
  void chinaGlobalEndpointsHaveNoRegion(String host) {
    assertThat(AwsEndpoint.parse(host)).isPresent();
    assertThat(AwsEndpoint.parse(host).get().region()).isEmpty();
  }
}
