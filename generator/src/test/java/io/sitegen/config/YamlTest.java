package io.sitegen.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitegen.problems.Problem;
import io.sitegen.problems.Problems;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class YamlTest {
  private final Problems problems = new Problems();

  private Optional<Map<String, Object>> frontMatter(String yaml) {
    return Yaml.parseMap(yaml, "content/x.md", 2, "front matter", problems);
  }

  private List<String> messages() {
    return problems.sorted().stream().map(Problem::toString).toList();
  }

  /** {@code key: [[...]]}: the root mapping is level 1, so {@code brackets + 1} levels. */
  private static String flowNest(int brackets) {
    return "title: t\nkey: " + "[".repeat(brackets) + "x" + "]".repeat(brackets) + "\n";
  }

  @Test
  void oneMegabyteIsReadAndOneCharacterMoreIsRefused() {
    String prefix = "title: ";
    String exactly = prefix + "x".repeat(Yaml.MAX_CHARS - prefix.length());
    assertThat(exactly).hasSize(1_048_576);
    assertThat(frontMatter(exactly)).hasValueSatisfying(m -> assertThat((String) m.get("title")).hasSize(1_048_569));
    assertThat(problems.sorted()).isEmpty();

    assertThat(frontMatter(exactly + "x")).isEmpty();
    assertThat(messages()).containsExactly("content/x.md:2: front matter: larger than 1 MB");
  }

  @Test
  void theCallerNamesTheText() {
    assertThat(Yaml.parseMap("a: " + "b".repeat(Yaml.MAX_CHARS), "site.yml", 1, "settings", problems)).isEmpty();
    assertThat(messages()).containsExactly("site.yml:1: settings: larger than 1 MB");
  }

  @Test
  void aHundredLevelsAreReadAndTheHundredAndFirstIsRefusedWhereItOpens() {
    Optional<Map<String, Object>> read = frontMatter(flowNest(99));
    assertThat(problems.sorted()).isEmpty();
    Object value = read.orElseThrow().get("key");
    int depth = 1;
    while (value instanceof List<?> list) {
      value = list.get(0);
      depth++;
    }
    assertThat(depth).isEqualTo(100);
    assertThat(value).isEqualTo("x");

    assertThat(frontMatter(flowNest(100))).isEmpty();
    // line 2 of the text is line 3 of the file; "key: " is 5 characters, the 100th '[' is column 105
    assertThat(messages()).containsExactly("content/x.md:3:105: front matter: nested deeper than 100 levels");
  }

  @Test
  void blockNestingIsLimitedToo() {
    StringBuilder yaml = new StringBuilder();
    for (int level = 0; level < 101; level++) yaml.append(" ".repeat(level)).append("k").append(level).append(":\n");
    assertThat(frontMatter(yaml.toString())).isEmpty();
    // the 101st mapping starts at its first key, k100, on line 101 of the text
    assertThat(messages()).containsExactly("content/x.md:102:101: front matter: nested deeper than 100 levels");
  }

  @Test
  void twoThousandNestedBracketsAreOneLineNotAStackOverflow() {
    assertThat(frontMatter("key: " + "[".repeat(2000) + "]".repeat(2000))).isEmpty();
    assertThat(messages()).containsExactly("content/x.md:2:105: front matter: nested deeper than 100 levels");
    problems.sorted().forEach(p -> assertThat(p.message()).doesNotContain("\n"));
  }

  @Test
  void unclosedDeepNestingIsStillOneLine() {
    assertThat(frontMatter("key: " + "{a: [".repeat(5000))).isEmpty();
    assertThat(problems.sorted()).hasSize(1);
    assertThat(problems.sorted().get(0).message()).startsWith("front matter: ").doesNotContain("\n");
  }

  private static String aliases(int count) {
    return "base: &a value\nlist: [" + "*a, ".repeat(count - 1) + "*a]\n";
  }

  @Test
  @SuppressWarnings("unchecked")
  void fiftyAliasesAreReadAndTheFiftyFirstIsRefused() {
    Map<String, Object> read = frontMatter(aliases(50)).orElseThrow();
    assertThat((List<Object>) read.get("list")).hasSize(50).containsOnly("value");
    assertThat(problems.sorted()).isEmpty();

    assertThat(frontMatter(aliases(51))).isEmpty();
    // "list: [" is 7 characters and each "*a, " 4: the 51st alias is at column 8 + 50 * 4
    assertThat(messages()).containsExactly("content/x.md:3:208: front matter: more than 50 aliases");
  }

  @Test
  void anAliasInsideTheValueItNamesIsRefused() {
    assertThat(frontMatter("a: &loop [x, *loop]\n")).isEmpty();
    assertThat(messages()).containsExactly("content/x.md:2:14: front matter: alias *loop refers to a value that contains it");
  }

  @Test
  void aliasesThatMultiplyAreRefused() {
    // 25 aliases, each level twice the one before: 2^25 values once expanded
    StringBuilder yaml = new StringBuilder("l0: &l0 [x, x]\n");
    for (int i = 1; i <= 12; i++) yaml.append("l").append(i).append(": &l").append(i).append(" [*l").append(i - 1).append(", *l").append(i - 1).append("]\n");
    assertThat(frontMatter(yaml.toString())).isPresent(); // 2^13 values: fine
    assertThat(problems.sorted()).isEmpty();
    for (int i = 13; i <= 25; i++) yaml.append("l").append(i).append(": &l").append(i).append(" [*l").append(i - 1).append(", *l").append(i - 1).append("]\n");
    assertThat(frontMatter(yaml.toString())).isEmpty();
    assertThat(messages()).singleElement().asString()
        .startsWith("content/x.md:").endsWith(": front matter: aliases expand it to more than 1000000 values");
  }

  @Test
  void aBadTaggedValueIsOneLine() {
    assertThat(frontMatter("a: !!int twelve\nb: !!binary '%%%'\n")).isEmpty();
    assertThat(problems.sorted()).isNotEmpty().allSatisfy(p -> assertThat(p.message()).doesNotContain("\n"));
  }

  @Test
  void aOneMegabyteValueAndAHundredThousandKeysAreReadQuickly() {
    // Generous bounds: read 1,024 characters at a time, a 3 MB value took 2.3 s and 1.3 GB.
    String value = "title: " + "word ".repeat(200_000);
    long start = System.nanoTime();
    assertThat(frontMatter(value)).isPresent();
    StringBuilder keys = new StringBuilder();
    for (int i = 0; keys.length() < Yaml.MAX_CHARS - 20; i++) keys.append("k").append(i).append(": v\n");
    assertThat(frontMatter(keys.toString())).hasValueSatisfying(m -> assertThat(m).hasSizeGreaterThan(100_000));
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
    assertThat(problems.sorted()).isEmpty();
  }
}
