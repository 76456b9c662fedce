package io.integrationoperator.executor.logging;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.integrationoperator.api.integration.Integration;
import io.integrationoperator.api.integration.IntegrationSpec;
import io.integrationoperator.api.integration.LogLevel;
import io.integrationoperator.api.integration.Logging;
import io.integrationoperator.api.integration.Syslog;
import io.integrationoperator.api.integration.SyslogFormat;
import io.integrationoperator.api.integration.SyslogProtocol;

/** Builds Integrations with logging settings for the logging tests. */
final class TestIntegrations {

  private TestIntegrations() {}

  static Integration integration(String namespace, String name, LogLevel level, Syslog syslog) {
    Logging logging = new Logging();
    logging.setLevel(level);
    logging.setSyslog(syslog);
    IntegrationSpec spec = new IntegrationSpec();
    spec.setLogging(logging);
    Integration integration = new Integration();
    integration.setMetadata(
        new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
    integration.setSpec(spec);
    return integration;
  }

  static Syslog syslog(int port, SyslogProtocol protocol, String facility, SyslogFormat format) {
    Syslog syslog = new Syslog();
    syslog.setHost("127.0.0.1");
    syslog.setPort(port);
    syslog.setProtocol(protocol);
    syslog.setFacility(facility);
    syslog.setFormat(format);
    return syslog;
  }
}
