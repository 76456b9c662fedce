package io.integrationoperator.operator.leak;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import io.integrationoperator.client.logging.AwsSignerDebugFilter;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Loads each Logback configuration the product ships and checks the AWS signer filter in it. */
class LogbackConfigurationTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "operator/src/main/resources/logback.xml",
        "local/src/main/resources/integration-operator-local-logback.xml",
        "executor/src/main/resources/logback.xml"
      })
  void signerDebugIsDeniedAtAnyLevel(String file) throws Exception {
    LoggerContext context = new LoggerContext();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(Path.of(System.getProperty("project.root"), file).toFile());
    context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.DEBUG);
    context.getLogger("software.amazon.awssdk").setLevel(Level.DEBUG);

    assertThat(context.getTurboFilterList())
        .anySatisfy(filter -> assertThat(filter).isInstanceOf(AwsSignerDebugFilter.class));
    String signer = AwsSignerDebugFilter.SIGNER_LOGGERS + ".internal.signer.DefaultV4RequestSigner";
    assertThat(context.getLogger(signer).isDebugEnabled()).isFalse();
    assertThat(context.getLogger(signer).isInfoEnabled()).isTrue();
    assertThat(context.getLogger("software.amazon.awssdk.core").isDebugEnabled()).isTrue();
  }
}
