package io.sitegen.search;

import io.sitegen.content.Page;
import io.sitegen.output.Output;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.Set;
import org.jsoup.parser.Parser;

/**
 * {@code search-index.json} at the root of the output: one entry per page the sitemap lists (no
 * drafts, no page whose front matter says {@code sitemap: false}), sorted by URL, with its title,
 * URL (sub-path included), section, tags and the first {@value #TEXT_LIMIT} characters of its text,
 * cut at a word. A client-side search (the starter's {@code assets/js/search.js}) fetches it.
 *
 * <p>The file is the same bytes for the same pages: minimal JSON, keys in a fixed order, every
 * {@code <} written as {@code \u003c} (so the text can never close a {@code <script>} it is pasted
 * into), U+2028 and U+2029 escaped; other non-ASCII text is written as UTF-8.
 */
public final class SearchIndex {
  /** Where it is written, as an output path. */
  public static final String PATH = "search-index.json";
  /** The most characters (UTF-16 units) of a page's text that it holds. */
  public static final int TEXT_LIMIT = 2000;

  private SearchIndex() {}

  /** One page in the index. */
  /** @param lang the page's language, on a site that declares languages; else null */
  public record Entry(String url, String title, String section, List<String> tags, String text, String lang) {}

  /** Whether a page is in the index: as in the sitemap, drafts and {@code sitemap: false} pages are not. */
  public static boolean includes(Page page) {
    return !page.draft() && !Boolean.FALSE.equals(page.data().get("sitemap"));
  }

  /**
   * A page's rendered Markdown as the index holds it: its text without markup (comments, scripts,
   * styles and templates left out, entities decoded), white space collapsed, cut at the last word
   * that ends within {@value #TEXT_LIMIT} characters (a text without a space there is cut at the
   * limit). Read in one pass that stops at the limit, not through a parsed tree: the text is taken
   * for every page of every build, cached pages too, and parsing each page's HTML made a one-post
   * build of 4,000 posts 2 s slower.
   */
  public static String textOf(String html) {
    if (html == null || html.isEmpty()) return "";
    return cut(new Words(TEXT_LIMIT + 1).of(html), TEXT_LIMIT);
  }

  /** The text of HTML, white space collapsed, up to a number of characters. */
  private static final class Words {
    /** Elements that run on in the text; any other tag stands between words. */
    private static final Set<String> INLINE = Set.of("a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del",
        "dfn", "em", "font", "i", "img", "ins", "kbd", "label", "mark", "q", "s", "samp", "small", "span", "strike",
        "strong", "sub", "sup", "time", "tt", "u", "var", "wbr");
    /** Elements whose content is no text of the page. */
    private static final Set<String> SKIPPED = Set.of("script", "style", "template", "noscript");

    private final int enough;
    private final StringBuilder out = new StringBuilder();
    private boolean space;

    Words(int enough) {
      this.enough = enough;
    }

    String of(String html) {
      int i = 0;
      int n = html.length();
      while (i < n && out.length() < enough) {
        int lt = html.indexOf('<', i);
        int end = lt < 0 ? n : lt;
        if (end > i) text(html, i, end);
        if (lt < 0) break;
        i = tag(html, lt);
      }
      return out.toString();
    }

    /** Skips the tag (or comment) at {@code lt}; @return where the text goes on */
    private int tag(String html, int lt) {
      int n = html.length();
      if (html.startsWith("<!--", lt)) {
        int close = html.indexOf("-->", lt + 4);
        return close < 0 ? n : close + 3;
      }
      int p = lt + 1;
      boolean closing = p < n && html.charAt(p) == '/';
      if (closing) p++;
      char first = p < n ? html.charAt(p) : ' ';
      if (!(Character.isLetter(first) || (!closing && (first == '!' || first == '?')))) {
        text(html, lt, lt + 1); // a '<' that opens no tag is text
        return lt + 1;
      }
      int nameStart = p;
      while (p < n && !Character.isWhitespace(html.charAt(p)) && html.charAt(p) != '>' && html.charAt(p) != '/') p++;
      String name = html.substring(nameStart, p).toLowerCase(java.util.Locale.ROOT);
      // to the '>' that ends the tag, past quoted attribute values
      int attrs = p;
      char quote = 0;
      while (p < n) {
        char c = html.charAt(p);
        if (quote != 0) {
          if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
          quote = c;
        } else if (c == '>') {
          break;
        }
        p++;
      }
      int after = Math.min(p + 1, n);
      if (!INLINE.contains(name)) space = out.length() > 0;
      if (closing) return after;
      boolean backref = name.equals("a") && html.substring(attrs, p).contains("footnote-backref");
      if (SKIPPED.contains(name) || backref) {
        int close = indexOfIgnoreCase(html, "</" + name, after);
        if (close < 0) return n;
        int gt = html.indexOf('>', close);
        return gt < 0 ? n : gt + 1;
      }
      return after;
    }

    private void text(String html, int from, int to) {
      String part = html.substring(from, to);
      if (part.indexOf('&') >= 0) part = Parser.unescapeEntities(part, false);
      for (int i = 0; i < part.length() && out.length() < enough; i++) {
        char c = part.charAt(i);
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\u00a0') {
          space = out.length() > 0;
        } else {
          if (space) out.append(' ');
          space = false;
          out.append(c);
        }
      }
    }

    private static int indexOfIgnoreCase(String s, String what, int from) {
      for (int i = from; i <= s.length() - what.length(); i++) {
        if (s.regionMatches(true, i, what, 0, what.length())) return i;
      }
      return -1;
    }
  }

  static String cut(String text, int limit) {
    if (text.length() <= limit) return text;
    int end;
    if (text.charAt(limit) == ' ') {
      end = limit;
    } else {
      end = text.lastIndexOf(' ', limit - 1);
      if (end <= 0) {
        end = limit;
        if (Character.isHighSurrogate(text.charAt(end - 1))) end--;
      }
    }
    return text.substring(0, end).stripTrailing();
  }

  /**
   * The entry of a page.
   *
   * @param text     its text, from {@link #textOf}
   * @param basePath the sub-path the site is served under ({@code /project}), or ""
   */
  public static Entry entryOf(Page page, String text, String basePath) {
    String url = page.url().endsWith("/index.html") ? page.url().substring(0, page.url().length() - 10) : page.url();
    String section = page.section();
    List<String> tags = new ArrayList<>();
    Object raw = page.data().get("tags");
    if (raw instanceof List<?> list) {
      for (Object tag : list) if (tag != null) tags.add(String.valueOf(tag));
    } else if (raw instanceof String one && !one.isBlank()) {
      tags.add(one);
    }
    String title = page.title() == null ? "" : page.title();
    return new Entry(basePath + url, title, section, List.copyOf(tags), text == null ? "" : text, page.lang());
  }

  /** The index of these entries: a JSON array sorted by URL (then by title, for two pages of one URL). */
  public static String json(List<Entry> entries) {
    List<Entry> sorted = entries.stream()
        .sorted(Comparator.comparing(Entry::url).thenComparing(Entry::title).thenComparing(Entry::text)).toList();
    StringBuilder out = new StringBuilder(64 + sorted.stream().mapToInt(e -> e.text().length() + 128).sum());
    out.append('[');
    for (int i = 0; i < sorted.size(); i++) {
      Entry e = sorted.get(i);
      if (i > 0) out.append(',');
      out.append("{\"title\":");
      string(out, e.title());
      out.append(",\"url\":");
      string(out, e.url());
      out.append(",\"section\":");
      string(out, e.section());
      out.append(",\"tags\":[");
      for (int t = 0; t < e.tags().size(); t++) {
        if (t > 0) out.append(',');
        string(out, e.tags().get(t));
      }
      out.append("],\"text\":");
      string(out, e.text());
      if (e.lang() != null) {
        out.append(",\"lang\":");
        string(out, e.lang());
      }
      out.append('}');
    }
    return out.append("]\n").toString();
  }

  /**
   * Writes the index of {@code pages} (those it {@link #includes}) to {@code out}.
   *
   * @param textOf each page's text, from {@link #textOf}; null when it has none (it failed to render)
   */
  public static void write(List<Page> pages, Function<Page, String> textOf, String basePath, Output out) {
    write(pages, textOf, null, basePath, out);
  }

  /**
   * @param tagsOf a page's tags as its tag pages name them (spellings of one tag merged), or null
   *               for the names its front matter writes
   */
  public static void write(List<Page> pages, Function<Page, String> textOf, Function<Page, List<String>> tagsOf,
      String basePath, Output out) {
    List<Entry> entries = new ArrayList<>();
    for (Page page : pages) {
      if (!includes(page)) continue;
      Entry entry = entryOf(page, textOf.apply(page), basePath);
      if (tagsOf != null) {
        entry = new Entry(entry.url(), entry.title(), entry.section(), tagsOf.apply(page), entry.text(), entry.lang());
      }
      entries.add(entry);
    }
    out.write(PATH, json(entries).getBytes(StandardCharsets.UTF_8));
  }

  /** Appends {@code s} as a JSON string. */
  static void string(StringBuilder out, String s) {
    out.append('"');
    int copied = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String escape;
      if (c == '"') {
        escape = "\\\"";
      } else if (c == '\\') {
        escape = "\\\\";
      } else if (c == '\n') {
        escape = "\\n";
      } else if (c == '\r') {
        escape = "\\r";
      } else if (c == '\t') {
        escape = "\\t";
      } else if (c < 0x20 || c == '<' || c == '\u2028' || c == '\u2029' || c == 0x7f) {
        escape = unicode(c);
      } else if (Character.isSurrogate(c)) {
        // a pair is written as it is; a lone half would not survive UTF-8, so it is escaped
        boolean paired = Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
            : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
        if (paired) continue;
        escape = unicode(c);
      } else {
        continue;
      }
      out.append(s, copied, i).append(escape);
      copied = i + 1;
    }
    out.append(s, copied, s.length()).append('"');
  }

  private static String unicode(char c) {
    return String.format("\\u%04x", (int) c);
  }
}
