package io.sitegen.markdown;


import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
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
      Pay in $ or €                                          | pay-in-dollar-or-euro
      Café crème brûlée                                      | cafe-creme-brulee
      Über Straße                                            | uber-strasse
      '  Leading   and trailing  '                           | leading-and-trailing
      Version 2.0: (beta!)                                   | version-20-beta
      a--b                                                   | a-b
      日本語 heading                                          | 日本語-heading
      ''                                                     | ''
      """)
  void followsTheHeadingIdRule(String heading, String id) {
    assertThat(HeadingIds.of(heading == null ? "" : heading)).isEqualTo(id == null ? "" : id);
  }

  /**
   * 101 headings in 27 languages and 10 scripts, with the ids node's slugify 1.6.6 gives them
   * (lower: true, strict: true), made by running it: sites that made their anchors with it keep them.
   */
  @Test
  void headingsInOtherAlphabetsGetTheIdsSlugifyGivesThem() throws Exception {
    String table;
    try (var in = HeadingIdsTest.class.getResourceAsStream("slugify-ids.tsv")) {
      table = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    java.util.List<String> wrong = new java.util.ArrayList<>();
    int rows = 0;
    for (String line : table.split("\n")) {
      if (line.isEmpty() || line.startsWith("#")) continue;
      String[] cols = line.split("\t");
      rows++;
      String id = HeadingIds.of(cols[1]);
      if (!id.equals(cols[2])) wrong.add(cols[0] + " " + cols[1] + ": " + id + " (slugify: " + cols[2] + ")");
    }
    assertThat(rows).isGreaterThanOrEqualTo(100);
    assertThat(wrong).isEmpty();
  }
}
