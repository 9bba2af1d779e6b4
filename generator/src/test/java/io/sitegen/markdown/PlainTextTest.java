package io.sitegen.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.Escaping;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlainTextTest {
  private static final String[] PAGES = {
      "plain words, and \"quotes\" <b>not a tag</b> 1 < 2 > 0\n",
      "a line\r\nanother\rthird\n\nescaped \\* star and &amp; &copy; &#169; & alone\n",
      "  indented\ttab  \n* item <x>\n* \"item\"\n\n> quoted \"text\" > more\n",
      "# Heading \"one\" <two>\n\n| a | \"b\" |\n|---|---|\n| <c> | d |\n",
      "**bold \"x\"** _em <y>_ `code <z>` [link \"t\"](u) ~~del~~\n",
      "ünïcödé “curly” — dash ≥ 1\n",
  };

  /** Wherever the fast path answers, it answers what flexmark's unescape, normalizeEOL and escapeHtml give. */
  @Test
  void agreesWithFlexmarkOnEveryTextNode() {
    Parser parser = Parser.builder().build();
    int checked = 0;
    int declined = 0;
    for (String page : PAGES) {
      for (Text text : texts(parser.parse(page))) {
        String fast = PlainText.escaped(text.getChars());
        String flexmark = Escaping.escapeHtml(Escaping.normalizeEOL(text.getChars().unescape()), false);
        if (fast == null) {
          declined++;
        } else {
          checked++;
          assertThat(fast).as(text.getChars().toString()).isEqualTo(flexmark);
        }
      }
    }
    assertThat(checked).isGreaterThan(10);
    assertThat(declined).isGreaterThan(0);
  }

  @Test
  void declinesTextThatUnescapingCouldChange() {
    Parser parser = Parser.builder().build();
    for (Text text : texts(parser.parse("a \\* b &amp; c\n"))) {
      if (text.getChars().toString().contains("&") || text.getChars().toString().contains("\\")) {
        assertThat(PlainText.escaped(text.getChars())).isNull();
      }
    }
  }

  private static List<Text> texts(Node node) {
    List<Text> found = new ArrayList<>();
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      if (child instanceof Text text) found.add(text);
      found.addAll(texts(child));
    }
    return found;
  }
}
