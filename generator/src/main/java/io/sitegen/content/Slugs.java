package io.sitegen.content;

import java.text.Normalizer;
import java.util.Locale;

/** File-name slugs for new pages: "Version 2.0 released" becomes {@code version-2-0-released}. */
public final class Slugs {
  private Slugs() {}

  public static String of(String title) {
    String s = Normalizer.normalize(title.replace("&", " and "), Normalizer.Form.NFKD)
        .replaceAll("\\p{M}+", "")
        .toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder();
    boolean dash = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        if (dash && out.length() > 0) out.append('-');
        dash = false;
        out.appendCodePoint(cp);
      } else {
        dash = true;
      }
    }
    return out.toString();
  }
}
