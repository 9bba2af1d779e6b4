package io.sitegen.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitegen.problems.Problem;
import io.sitegen.problems.Problems;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FrontMatterTest {
  private final Problems problems = new Problems();

  @Test
  void readsKeysAndIgnoresComments() {
    Optional<FrontMatter> fm = FrontMatter.parse("""
        ---
        layout: layouts/article.html
        title: "Servers - and more"
        # previewBody: blog_previews/20241210.html
        draft: true
        tags: [a, b]
        ---

        # Body
        """, "content/x.md", problems);
    assertThat(fm).isPresent();
    assertThat(fm.get().data()).containsOnlyKeys("layout", "title", "draft", "tags");
    assertThat(fm.get().data().get("draft")).isEqualTo(true);
    assertThat(fm.get().body()).isEqualTo("\n# Body\n");
    assertThat(fm.get().bodyLine()).isEqualTo(8);
    assertThat(fm.get().lineOf("draft")).isEqualTo(5);
    assertThat(problems.sorted()).isEmpty();
  }

  @Test
  void dateStaysText() {
    FrontMatter fm = FrontMatter.parse("---\ndate: 2024-12-10\n---\n", "x.md", problems).orElseThrow();
    assertThat(fm.data().get("date")).isEqualTo("2024-12-10");
  }

  @Test
  void noFrontMatterMeansEmptyData() {
    FrontMatter fm = FrontMatter.parse("# Just a body\n", "x.md", problems).orElseThrow();
    assertThat(fm.data()).isEmpty();
    assertThat(fm.body()).isEqualTo("# Just a body\n");
    assertThat(fm.bodyLine()).isEqualTo(1);
  }

  @Test
  void windowsLineEndingsAreAccepted() {
    FrontMatter fm = FrontMatter.parse("---\r\ntitle: T\r\n---\r\nbody\r\n", "x.md", problems).orElseThrow();
    assertThat(fm.data()).containsEntry("title", "T");
    assertThat(fm.body()).isEqualTo("body\r\n");
  }

  @Test
  void unclosedFrontMatterIsAnError() {
    assertThat(FrontMatter.parse("---\ntitle: x\n\n# Body\n", "content/x.md", problems)).isEmpty();
    assertThat(problems.sorted()).extracting(Problem::toString)
        .containsExactly("content/x.md:1: front matter: not closed; add a line '---' after its last key");
  }

  @Test
  void malformedYamlIsLocatedInTheFile() {
    String text = """
        ---
        title: ok
        layout: article
        date: [2024
        ---
        """;
    assertThat(FrontMatter.parse(text, "content/blog/x.md", problems)).isEmpty();
    Problem p = problems.sorted().get(0);
    assertThat(p.file()).isEqualTo("content/blog/x.md");
    assertThat(p.line()).isEqualTo(5);
    assertThat(p.toString()).startsWith("content/blog/x.md:5:1: front matter: ");
  }

  @Test
  void badIndentationPointsAtItsLineAndColumn() {
    String text = "---\ntitle: a\n  bad: b\n---\n";
    assertThat(FrontMatter.parse(text, "content/x.md", problems)).isEmpty();
    assertThat(problems.sorted().get(0).toString()).startsWith("content/x.md:3:6: front matter: ");
  }

  @Test
  void aListIsNotFrontMatter() {
    assertThat(FrontMatter.parse("---\n- a\n- b\n---\n", "content/x.md", problems)).isEmpty();
    assertThat(problems.sorted().get(0).toString())
        .isEqualTo("content/x.md:2: front matter: expected key: value pairs, found a list");
  }

  @Test
  void duplicateKeysAreAnError() {
    assertThat(FrontMatter.parse("---\ntitle: a\ntitle: b\n---\n", "content/x.md", problems)).isEmpty();
    assertThat(problems.sorted().get(0).toString()).startsWith("content/x.md:3:");
    assertThat(problems.sorted().get(0).message()).contains("title");
  }
}
