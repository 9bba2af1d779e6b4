package io.sitegen.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitegen.config.Problem;
import io.sitegen.config.Problems;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Front matter comes from pull requests: whatever it holds, parsing ends in data or in one-line problems. */
class FrontMatterPropertiesTest {
  private static final List<String> PIECES = List.of(
      "[", "]", "{", "}", "&a ", "*a", "&b ", "*b", ": ", ":", "- ", "!!", "!!int ", "!!binary ", "!!map ",
      "%YAML 1.2\n", "%", "? ", ",", "\t", "\r", "\r\n", "\n", "\n  ", "\u0000", "\uFEFF", "\u2028", "\u0085",
      "'", "\"", "\"\\x", "|\n", ">-\n", "#", "key", "value", "x: y", "---\n", "...\n", " ", "@", "`",
      "\uD800", "é", "12", "0x1F", ".inf", "~", "null");

  @Provide
  Arbitrary<String> hostileYaml() {
    Arbitrary<String> pieces = Arbitraries.of(PIECES).list().ofMaxSize(80).map(l -> String.join("", l));
    Arbitrary<String> deep = Arbitraries.integers().between(90, 3000)
        .flatMap(n -> Arbitraries.of("[", "{a: ", "- ", "[&a ", "{").map(open -> "k: " + open.repeat(n)));
    Arbitrary<String> quote = Arbitraries.strings().ofMaxLength(40).map(s -> "title: \"" + s);
    return Arbitraries.oneOf(pieces, deep, quote, Arbitraries.strings().ofMaxLength(200));
  }

  @Provide
  Arbitrary<String> pages() {
    Arbitrary<String> fenced = hostileYaml().flatMap(body -> Arbitraries.of(
        "---\n" + body + "\n---\n# Body\n",
        "---\r\n" + body + "\r\n...\r\n",
        "---\n" + body,
        "---\n" + body + "\n---",
        "\uFEFF---\n" + body + "\n---\n"));
    return Arbitraries.oneOf(fenced, Arbitraries.strings().ofMaxLength(300), Arbitraries.strings().ofMaxLength(300).map(s -> "---\n" + s));
  }

  @Property(tries = 1500)
  void endsInDataOrInOneLineProblems(@ForAll("pages") String text) {
    Problems problems = new Problems();
    Optional<FrontMatter> parsed = FrontMatter.parse(text, "content/x.md", problems);
    List<Problem> found = problems.sorted();
    if (parsed.isPresent()) {
      assertThat(found).as("data and an error").noneMatch(Problem::isError);
      assertThat(parsed.get().data()).isNotNull();
      assertThat(parsed.get().body()).isNotNull();
      assertThat(parsed.get().bodyLine()).isPositive();
    } else {
      assertThat(found).as("empty without a reason").anyMatch(Problem::isError);
    }
    for (Problem p : found) {
      assertThat(p.message()).doesNotContain("\n").doesNotContain("\r");
      assertThat(p.line()).isGreaterThanOrEqualTo(0);
      assertThat(p.toString()).startsWith("content/x.md");
    }
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
