package io.sitegen.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LinkHooksTest {
  private final Markdown markdown = new Markdown(false);

  /** Records each URL with its line and publishes it with a "/p" prefix. */
  private static final class Recorder implements LinkHook {
    final List<String> seen = new ArrayList<>();

    @Override
    public String resolve(String url, int line) {
      seen.add(line + " " + url);
      return "/p" + url;
    }
  }

  @Test
  void linesAgreeWithFlexmarkForEveryNodeAndLineEnding() {
    Random random = new Random(7);
    String[] pieces = {"text ", "[a](b) ", "\n", "\r\n", "\r", "\n\n", "# h\n", "- item\n", "<div>\n", "`c`"};
    for (int doc = 0; doc < 200; doc++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(60); i > 0; i--) text.append(pieces[random.nextInt(pieces.length)]);
      Document document = Parser.builder().build().parse(text.toString());
      List<Node> nodes = new ArrayList<>();
      collect(document, nodes);
      for (Node node : nodes) {
        assertThat(LinkHooks.lineOf(node)).as("%s in %s", node, text).isEqualTo(node.getLineNumber());
      }
    }
  }

  private static void collect(Node node, List<Node> into) {
    into.add(node);
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) collect(child, into);
  }

  @Test
  void markdownAndRawHtmlLinksAreResolvedOnTheirLines() {
    Recorder hook = new Recorder();
    String html = markdown.toHtml("""
        First [one](a.md) line.

        <div title="href=a.md">
        <a href="b.md">b</a> <a href='c.md?x'>c</a>
        <img src=d.png> <a href="e&amp;f.md">entity</a>
        </div>

        Then ![pic](g.png) and <a href="h.md">inline</a>.
        """, hook);
    assertThat(hook.seen).containsExactly("0 a.md", "3 b.md", "3 c.md?x", "4 d.png", "7 g.png", "7 h.md");
    assertThat(html)
        .contains("<a href=\"/pa.md\">one</a>", "<div title=\"href=a.md\">", "<a href=\"/pb.md\">",
            "<a href='/pc.md?x'>", "<img src=/pd.png>", "<a href=\"e&amp;f.md\">", "src=\"/pg.png\"",
            "<a href=\"/ph.md\">");
  }

  @Test
  void aLargeHtmlBlockIsRewrittenInLinearTime() {
    // 10,000 values written with entities, which Jsoup reads differently: each used to be searched
    // for to the end of the block. Generous bound: that way it takes
    // over 10 s, now well under one.
    int n = 10_000;
    StringBuilder text = new StringBuilder("<div>\n");
    for (int i = 0; i < n; i++) text.append("<a href=\"x&amp;").append(i).append("\">e</a> <a href=\"y").append(i).append("\">y</a>\n");
    text.append("</div>\n");
    Recorder hook = new Recorder();
    long start = System.nanoTime();
    markdown.toHtml(text.toString(), hook);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(hook.seen).hasSize(n);
    assertThat(hook.seen.get(n - 1)).isEqualTo(n + " y" + (n - 1));
    assertThat(millis).as("ms for %d links in one HTML block", n).isLessThan(5_000);
  }

  @Test
  void lineNumbersOfManyLinksAreFoundInLinearTime() {
    // Node.getLineNumber counts from the top on each call: a 5 MB page took 25 s. Generous bound:
    // that way these 40,000 lookups take over 10 s, the line index a few milliseconds.
    int n = 40_000;
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < n; i++) text.append("- [").append(i).append("](p").append(i).append(".md)\n");
    Document document = Parser.builder().build().parse(text.toString());
    List<Node> links = new ArrayList<>();
    collect(document, links);
    links.removeIf(node -> !(node instanceof com.vladsch.flexmark.ast.Link));
    long start = System.nanoTime();
    int last = -1;
    for (Node link : links) last = LinkHooks.lineOf(link);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(links).hasSize(n);
    assertThat(last).isEqualTo(n - 1);
    assertThat(millis).as("ms for %d line numbers", n).isLessThan(5_000);
  }
}
