package io.integrationoperator.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrationoperator.client.connection.InvalidSettingsException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NoProxyListTest {

  private static NoProxyList parse(String entries) throws InvalidSettingsException {
    return NoProxyList.parse(Arrays.asList(entries.split(";")));
  }

  @ParameterizedTest(name = "{0} bypasses {1}: {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # entries (;-separated)     | host                   | bypassed
          api.example.com            | api.example.com        | true
          api.example.com            | API.Example.COM        | true
          API.EXAMPLE.COM            | api.example.com        | true
          api.example.com            | api.example.com.       | true
          api.example.com.           | api.example.com        | true
          api.example.com            | www.api.example.com    | false
          api.example.com            | example.com            | false
          .example.com               | api.example.com        | true
          .example.com               | a.b.example.com        | true
          .example.com               | example.com            | true
          .example.com               | badexample.com         | false
          .example.com               | example.com.evil.test  | false
          10.0.0.0/8                 | 10.20.30.40            | true
          10.0.0.0/8                 | 11.0.0.1               | false
          10.1.2.3                   | 10.1.2.3               | true
          10.1.2.3                   | 10.1.2.4               | false
          192.168.1.0/24             | 192.168.1.255          | true
          192.168.1.0/24             | 192.168.2.0            | false
          0.0.0.0/0                  | 203.0.113.9            | true
          0.0.0.0/0                  | ::1                    | false
          10.0.0.0/8                 | ten.example.com        | false
          fd00::/8                   | fd12:3456::1           | true
          fd00::/8                   | [fd12:3456::1]         | true
          fd00::/8                   | fe80::1                | false
          ::1                        | [::1]                  | true
          ::1                        | 0:0:0:0:0:0:0:1        | true
          [::1]                      | ::1                    | true
          2001:db8::/32              | 2001:db8:ffff::1       | true
          2001:db8::/32              | 2001:db9::1            | false
          *                          | anything.example       | true
          *                          | 10.1.2.3               | true
          ' '                        | api.example.com        | false
          ' a.test ; .b.test '       | x.b.test               | true
          a.test;.b.test;10.0.0.0/8  | a.test                 | true
          a.test;.b.test;10.0.0.0/8  | c.test                 | false
          """)
  void matchesHost(String entries, String host, boolean bypassed) throws InvalidSettingsException {
    assertThat(parse(entries).matches(host)).isEqualTo(bypassed);
  }

  @ParameterizedTest(name = "{0} is rejected")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # entry            | message detail
          *.example.com      | wildcards are not supported; write .example.com
          example.com:8080   | ports are not allowed; write example.com
          10.0.0.1:3128      | ports are not allowed; write 10.0.0.1
          [::1]:3128         | ports are not allowed; write [::1]
          http://example.com | remove the scheme and write the host name only
          10.0.0.0/8/8       | the prefix length must be a number from 0 to 32
          10.0.0.0/33        | the prefix length must be a number from 0 to 32
          10.0.0.0/x         | the prefix length must be a number from 0 to 32
          fd00::/129         | the prefix length must be a number from 0 to 128
          300.1.1.1          | '300.1.1.1' is not an IPv4 or IPv6 address
          fd00:::1:/64       | 'fd00:::1:' is not an IPv4 or IPv6 address
          bad_host!          | expected a host name (api.example.com), a domain suffix (.example.com), an IP address or CIDR range (10.0.0.0/8), or *
          ..example.com      | expected a host name (api.example.com), a domain suffix (.example.com), an IP address or CIDR range (10.0.0.0/8), or *
          """)
  void rejectsInvalidEntry(String entry, String detail) {
    assertThatThrownBy(() -> NoProxyList.parse(List.of(entry)))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage("noProxy entry '" + entry + "' is invalid: " + detail);
  }
}
