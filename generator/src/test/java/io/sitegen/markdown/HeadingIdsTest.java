package io.sitegen.markdown;


import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeadingIdsTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      What's new in v6.2                                     | whats-new-in-v62
      Problem - users                                        | problem-users
      files & media                                          | files-and-media
      100% private                                           | 100percent-private
      ⚡️ Quick start                                         | quick-start
      The first messaging platform without user identifiers  | the-first-messaging-platform-without-user-identifiers
      Pay in $ or €                                          | pay-in-dollar-or
      Café crème brûlée                                      | cafe-creme-brulee
      Über Straße                                            | uber-straße
      '  Leading   and trailing  '                           | leading-and-trailing
      Version 2.0: (beta!)                                   | version-20-beta
      a--b                                                   | a-b
      日本語 heading                                          | 日本語-heading
      ''                                                     | ''
      """)
  void followsTheHeadingIdRule(String heading, String id) {
    assertThat(HeadingIds.of(heading == null ? "" : heading)).isEqualTo(id == null ? "" : id);
  }
}
