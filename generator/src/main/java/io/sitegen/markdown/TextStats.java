package io.sitegen.markdown;

import java.util.regex.Pattern;

/** The length of a page's text: its words, and the minutes it takes to read. */
public final class TextStats {
  /**
   * Words per minute of a reader of the web: 200 to 250 are the figures usually given; Hugo's
   * ReadingTime uses 213 for languages with spaces between words.
   */
  static final int WORDS_PER_MINUTE = 213;

  private static final Pattern TAG_OR_ENTITY = Pattern.compile("<[^>]*>|&[#a-zA-Z0-9]+;");
  /** What is not the page's reading: scripts, styles, code blocks, and a table of contents that repeats its headings. */
  private static final Pattern CODE = Pattern.compile("<(script|style|pre)\\b.*?</\\1>|<nav class=\"toc\".*?</nav>",
      Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

  private TextStats() {}

  /** The words of a page's HTML: runs of letters or digits between spaces, tags and entities left out. */
  public static int wordCount(String html) {
    if (html == null || html.isEmpty()) return 0;
    String text = TAG_OR_ENTITY.matcher(CODE.matcher(html).replaceAll(" ")).replaceAll(" ");
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean part = Character.isLetterOrDigit(text.charAt(i));
      if (part && !inWord) words++;
      inWord = part || (inWord && !Character.isWhitespace(text.charAt(i)));
    }
    return words;
  }

  /** Minutes to read {@code words}, rounded up; at least 1 for any text. */
  public static int readingMinutes(int words) {
    return words == 0 ? 0 : (words + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE;
  }
}
