package io.integrationoperator.executor.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrationoperator.api.integration.Syslog;
import io.integrationoperator.api.integration.SyslogFormat;
import io.integrationoperator.api.integration.SyslogProtocol;
import org.junit.jupiter.api.Test;

class SyslogTargetTest {

  @Test
  void unsetFieldsTakeCrdDefaults() {
    Syslog syslog = new Syslog();
    syslog.setHost(" syslog.example.test ");

    SyslogTarget target = SyslogTarget.of(syslog);

    assertThat(target)
        .isEqualTo(
            new SyslogTarget(
                "syslog.example.test",
                514,
                SyslogProtocol.UDP,
                SyslogFacility.USER,
                SyslogFormat.RFC5424));
  }

  @Test
  void missingHostIsRejected() {
    assertThatThrownBy(() -> SyslogTarget.of(new Syslog()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "spec.logging.syslog.host is missing: set the syslog server's host name or IP"
                + " address");
  }

  @Test
  void invalidPortIsRejected() {
    Syslog syslog = new Syslog();
    syslog.setHost("127.0.0.1");
    syslog.setPort(70000);

    assertThatThrownBy(() -> SyslogTarget.of(syslog))
        .hasMessage("Invalid spec.logging.syslog.port 70000: use a port from 1 to 65535");
  }

  @Test
  void unknownFacilityIsRejected() {
    Syslog syslog = new Syslog();
    syslog.setHost("127.0.0.1");
    syslog.setFacility("local9");

    assertThatThrownBy(() -> SyslogTarget.of(syslog))
        .hasMessageStartingWith("Invalid syslog facility \"local9\": use one of kern, user");
  }
}
