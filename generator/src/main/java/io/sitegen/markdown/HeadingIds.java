package io.sitegen.markdown;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The rule that turns a heading's text into its id, shared by the renderer and by anything that
 * needs to predict an id: transliterate {@code &}, {@code %}, {@code $} and accented letters, treat
 * {@code -} as a space, drop everything but letters, digits and whitespace, then join the words with
 * {@code -} in lower case.
 */
public final class HeadingIds {
  private HeadingIds() {}

  public static String of(CharSequence heading) {
    String s = heading.toString()
        .replace("&", "and")
        .replace("%", "percent")
        .replace("$", "dollar")
        .replace('-', ' ');
    s = Normalizer.normalize(s, Normalizer.Form.NFKD);
    StringBuilder out = new StringBuilder(s.length());
    boolean pendingSpace = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        if (pendingSpace && out.length() > 0) out.append('-');
        pendingSpace = false;
        out.appendCodePoint(cp);
      } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        pendingSpace = true;
      }
      // anything else, combining accents included, is dropped
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }
}
