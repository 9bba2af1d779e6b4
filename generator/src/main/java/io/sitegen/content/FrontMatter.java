package io.sitegen.content;

import io.sitegen.config.Text;
import io.sitegen.config.Yaml;
import io.sitegen.problems.Problems;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The YAML block between {@code ---} lines at the very top of a Markdown file, and the body that
 * follows it.
 */
final class FrontMatter {
  private final Map<String, Object> data;
  private final String yaml;
  private final String body;
  private final int bodyLine;

  private FrontMatter(Map<String, Object> data, String yaml, String body, int bodyLine) {
    this.data = data;
    this.yaml = yaml;
    this.body = body;
    this.bodyLine = bodyLine;
  }

  /**
   * Splits {@code text} into front matter and body. Returns empty, with the reason in
   * {@code problems}, when the front matter is not closed or is not valid YAML.
   */
  static Optional<FrontMatter> parse(String text, String file, Problems problems) {
    if (!isFence(text, 0, "---")) {
      String first = text.lines().findFirst().orElse("").strip();
      if (first.matches("-{2}|-{4,}")) {
        problems.warning(file, 1, "front matter opens with '" + first + "', not '---': the page is published as text,"
            + " and keys such as draft: true are not read");
      } else if (first.matches("(layout|title|date|draft|permalink):.*")) {
        problems.warning(file, 1, "'" + first + "' looks like front matter without its opening '---': it is"
            + " published as text, and is not read");
      }
      return Optional.of(new FrontMatter(new LinkedHashMap<>(), "", text, 1));
    }
    int yamlStart = nextLineStart(text, 0);
    int pos = yamlStart;
    int line = 2;
    while (pos < text.length()) {
      if (isFence(text, pos, "---") || isFence(text, pos, "...")) {
        String yaml = text.substring(yamlStart, pos);
        int bodyStart = nextLineStart(text, pos);
        Optional<Map<String, Object>> data = Yaml.parseMap(yaml, file, 2, "front matter", problems);
        int bodyLine = line + 1;
        return data.map(d -> new FrontMatter(d, yaml, text.substring(bodyStart), bodyLine));
      }
      pos = nextLineStart(text, pos);
      line++;
    }
    problems.error(file, 1, "front matter: not closed; add a line '---' after its last key");
    return Optional.empty();
  }

  /**
   * Whether the line at {@code from} is {@code fence}, ignoring trailing whitespace. It reads the
   * line in place: the search for the closing fence visits every line of a file that has none.
   */
  private static boolean isFence(String text, int from, String fence) {
    if (!text.startsWith(fence, from)) return false;
    int end = text.indexOf('\n', from);
    if (end < 0) end = text.length();
    for (int i = from + fence.length(); i < end; i++) {
      if (!Character.isWhitespace(text.charAt(i))) return false;
    }
    return true;
  }

  private static int nextLineStart(String text, int from) {
    int end = text.indexOf('\n', from);
    return end < 0 ? text.length() : end + 1;
  }

  Map<String, Object> data() {
    return data;
  }

  String body() {
    return body;
  }

  /** The file line on which the body starts. */
  int bodyLine() {
    return bodyLine;
  }

  /**
   * The file line on which each key is written (1 when it is not written here). It holds the
   * front matter's text only, not the body.
   */
  java.util.function.ToIntFunction<String> keyLines() {
    String text = yaml;
    java.util.Set<String> keys = data.keySet();
    return key -> keys.contains(key) ? Text.lineOfKey(text, key) + 1 : 1;
  }

  int lineOf(String key) {
    return keyLines().applyAsInt(key);
  }
}
