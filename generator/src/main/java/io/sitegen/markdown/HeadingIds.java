package io.sitegen.markdown;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The rule that turns a heading's text into its id, shared by the renderer and by anything that
 * needs to predict an id: spell letters of other alphabets in ASCII as node's slugify package does
 * ({@code ł} → {@code l}, {@code ß} → {@code ss}, Cyrillic {@code с} → {@code s}, Greek, Georgian,
 * Arabic...), and {@code &}, {@code %}, {@code $} as words; strip the accents left; treat {@code -}
 * as a space; drop everything but letters, digits and whitespace; then join the words with
 * {@code -} in lower case. Sites made with slugify keep their anchors. Letters the table does not
 * name (Chinese, say) are kept as they are, where slugify drops them.
 */
public final class HeadingIds {
  private HeadingIds() {}

  public static String of(CharSequence heading) {
    String s = transliterate(Normalizer.normalize(heading, Normalizer.Form.NFC)).replace('-', ' ');
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

  private static String transliterate(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String ascii = c < 0x80 && c != '$' && c != '%' && c != '&' && c != '<' && c != '>' && c != '|'
          ? null : Charmap.MAP.get(c);
      if (ascii == null) {
        if (out != null) out.append(c);
      } else {
        if (out == null) out = new StringBuilder(s.length() + 8).append(s, 0, i);
        out.append(ascii);
      }
    }
    return out == null ? s : out.toString();
  }

  /** The table, read once from the jar when a heading first needs it. */
  private static final class Charmap {
    static final Map<Character, String> MAP = read();

    private static Map<Character, String> read() {
      Map<Character, String> map = new HashMap<>();
      try (InputStream in = HeadingIds.class.getResourceAsStream("slugify-charmap.tsv")) {
        if (in == null) throw new IllegalStateException("slugify-charmap.tsv is missing from the jar");
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
          if (line.isEmpty() || line.startsWith("#")) continue;
          int tab = line.indexOf('\t');
          map.put((char) Integer.parseInt(line.substring(0, tab), 16), line.substring(tab + 1));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return Map.copyOf(map);
    }
  }
}
