package io.sitegen.markdown;

/** The length of a page's text: its words, and the minutes it takes to read. */
public final class TextStats {
  /**
   * Words per minute of a reader of the web: 200 to 250 are the figures usually given; Hugo's
   * ReadingTime uses 213 for languages with spaces between words.
   */
  static final int WORDS_PER_MINUTE = 213;

  /** Elements that are not the page's reading: scripts, styles, code blocks, and a table of contents. */
  private static final String[][] SKIPPED = {
      {"<script", "</script>"}, {"<style", "</style>"}, {"<pre", "</pre>"}, {"<nav class=\"toc\"", "</nav>"}};

  private TextStats() {}

  /**
   * The words of a page's HTML: runs of letters or digits (with what joins them, as in
   * {@code don't} or {@code v6.2}) between spaces, tags and entities. One pass over the HTML: two
   * pattern replacements over every page cost a tenth of a 4,000-post build's rendering.
   */
  public static int wordCount(String html) {
    if (html == null || html.isEmpty()) return 0;
    int words = 0;
    boolean inWord = false;
    int n = html.length();
    int i = 0;
    while (i < n) {
      char c = html.charAt(i);
      if (c == '<') {
        i = afterTag(html, i);
        inWord = false;
        continue;
      }
      if (c == '&') {
        int semi = html.indexOf(';', i);
        if (semi > i && semi - i <= 10) {
          i = semi + 1;
          inWord = false;
          continue;
        }
      }
      boolean part = Character.isLetterOrDigit(c);
      if (part && !inWord) words++;
      inWord = part || (inWord && !Character.isWhitespace(c));
      i++;
    }
    return words;
  }

  /** Where the text goes on after the tag at {@code at}: after the whole element when it is one of {@link #SKIPPED}. */
  private static int afterTag(String html, int at) {
    for (String[] skipped : SKIPPED) {
      if (html.regionMatches(true, at, skipped[0], 0, skipped[0].length())) {
        int end = html.indexOf(skipped[1], at);
        if (end >= 0) return end + skipped[1].length();
      }
    }
    int close = html.indexOf('>', at);
    return close < 0 ? html.length() : close + 1;
  }

  /** Minutes to read {@code words}, rounded up; at least 1 for any text. */
  public static int readingMinutes(int words) {
    return words == 0 ? 0 : (words + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE;
  }
}
