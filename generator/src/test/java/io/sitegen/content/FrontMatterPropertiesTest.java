package io.sitegen.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitegen.problems.Problem;
import io.sitegen.problems.Problems;
import io.sitegen.testing.Properties;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Front matter comes from pull requests: whatever it holds, parsing ends in data or in one-line problems. */
class FrontMatterPropertiesTest {
  private static final List<String> PIECES = List.of(
      "[", "]", "{", "}", "&a ", "*a", "&b ", "*b", ": ", ":", "- ", "!!", "!!int ", "!!binary ", "!!map ",
      "%YAML 1.2\n", "%", "? ", ",", "\t", "\r", "\r\n", "\n", "\n  ", "\u0000", "\uFEFF", "\u2028", "\u0085",
      "'", "\"", "\"\\x", "|\n", ">-\n", "#", "key", "value", "x: y", "---\n", "...\n", " ", "@", "`",
      "\uD800", "é", "12", "0x1F", ".inf", "~", "null");

  private static final List<String> OPENERS = List.of("[", "{a: ", "- ", "[&a ", "{");
  private static final List<String> FENCES = List.of("---\n%s\n---\n# Body\n", "---\r\n%s\r\n...\r\n",
      "---\n%s", "---\n%s\n---", "\uFEFF---\n%s\n---\n", "%s", "---\n%s\n");

  /** Hostile YAML: pieces of YAML syntax, a nest 90 to 3,000 deep, an unclosed quote, or random text. */
  private static String hostileYaml(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> String.join("", Properties.draw(random, "", PIECES, 80));
      case 1 -> "k: " + OPENERS.get(random.nextInt(OPENERS.size())).repeat(90 + random.nextInt(2911));
      case 2 -> "title: \"" + randomText(random, 40);
      default -> randomText(random, 200);
    };
  }

  private static String randomText(Random random, int max) {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(max + 1); i > 0; i--) text.append((char) random.nextInt(random.nextBoolean() ? 0x80 : 0x10000));
    return text.toString();
  }

  @Test
  void endsInDataOrInOneLineProblems() {
    Properties.check(1500, random -> List.of(FENCES.get(random.nextInt(FENCES.size()))
        .replace("%s", hostileYaml(random))), FrontMatterPropertiesTest::violation);
  }

  /** The property: null when parsing {@code text} ends in data or in one-line problems. */
  private static String violation(String text) {
    Problems problems = new Problems();
    Optional<FrontMatter> parsed;
    try {
      parsed = FrontMatter.parse(text, "content/x.md", problems);
    } catch (RuntimeException | StackOverflowError e) {
      return "threw " + e;
    }
    List<Problem> found = problems.sorted();
    if (parsed.isPresent()) {
      if (found.stream().anyMatch(Problem::isError)) return "data and an error";
      if (parsed.get().data() == null || parsed.get().body() == null || parsed.get().bodyLine() < 1) return "no data";
    } else if (found.stream().noneMatch(Problem::isError)) {
      return "empty without a reason";
    }
    for (Problem p : found) {
      if (p.message().contains("\n") || p.message().contains("\r")) return "a message of more than one line";
      if (p.line() < 0 || !p.toString().startsWith("content/x.md")) return "badly located: " + p;
    }
    return null;
  }

  @Test
  void aFileWithoutClosingFenceIsScannedOnce() {
    // Generous bound: a million lines read once take milliseconds; copied or rescanned, minutes.
    String text = "---\n" + "line\n".repeat(1_000_000);
    Problems problems = new Problems();
    long start = System.nanoTime();
    assertThat(FrontMatter.parse(text, "content/x.md", problems)).isEmpty();
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
    assertThat(problems.sorted()).extracting(Problem::toString)
        .containsExactly("content/x.md:1: front matter: not closed; add a line '---' after its last key");
  }

  @Test
  void keyLinesOfAFrontMatterWithManyKeys() {
    StringBuilder yaml = new StringBuilder("---\n");
    for (int i = 0; i < 50_000; i++) yaml.append("k").append(i).append(": v\n");
    yaml.append("layout: post\n---\nbody\n");
    FrontMatter fm = FrontMatter.parse(yaml.toString(), "content/x.md", new Problems()).orElseThrow();
    assertThat(fm.lineOf("layout")).isEqualTo(50_002);
    assertThat(fm.lineOf("k1")).isEqualTo(3);
    assertThat(fm.lineOf("missing")).isEqualTo(1);
    assertThat(fm.bodyLine()).isEqualTo(50_004);
  }
}
