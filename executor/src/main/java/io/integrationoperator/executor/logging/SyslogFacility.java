package io.integrationoperator.executor.logging;

import java.util.Locale;

/** Syslog facility with its numeric code from RFC 5424, section 6.2.1. */
enum SyslogFacility {
  KERN(0),
  USER(1),
  MAIL(2),
  DAEMON(3),
  AUTH(4),
  SYSLOG(5),
  LPR(6),
  NEWS(7),
  UUCP(8),
  CRON(9),
  AUTHPRIV(10),
  FTP(11),
  LOCAL0(16),
  LOCAL1(17),
  LOCAL2(18),
  LOCAL3(19),
  LOCAL4(20),
  LOCAL5(21),
  LOCAL6(22),
  LOCAL7(23);

  private final int code;

  SyslogFacility(int code) {
    this.code = code;
  }

  int code() {
    return code;
  }

  /**
   * Returns the facility named {@code name} (case-insensitive), or {@link #USER} when the name is
   * null or blank.
   *
   * @throws IllegalArgumentException when the name is not a syslog facility
   */
  static SyslogFacility of(String name) {
    if (name == null || name.isBlank()) {
      return USER;
    }
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Invalid syslog facility \""
              + name
              + "\": use one of kern, user, mail, daemon, auth, syslog, lpr, news, uucp, cron,"
              + " authpriv, ftp, local0 to local7",
          e);
    }
  }
}
