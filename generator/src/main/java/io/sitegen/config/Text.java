package io.sitegen.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading source text strictly as UTF-8, and small helpers for locating things in it. */
public final class Text {
  private Text() {}

  /**
   * Reads a file as UTF-8, dropping a leading byte order mark.
   *
   * @throws CharacterCodingException when the bytes are not UTF-8
   */
  public static String read(Path file) throws IOException {
    return decode(Files.readAllBytes(file));
  }

  public static String decode(byte[] bytes) throws CharacterCodingException {
    // The String constructor is the fast path (a vectorised ASCII scan); it puts U+FFFD for bytes
    // that are not UTF-8, so only a text holding one is decoded again strictly to tell which.
    // Decoding every source with a CharsetDecoder took 80 ms of a 4,000-post build's CPU.
    String fast = new String(bytes, StandardCharsets.UTF_8);
    if (fast.indexOf('\uFFFD') < 0) return fast.startsWith("\uFEFF") ? fast.substring(1) : fast;
    String s = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  /**
   * The 1-based line on which a top-level {@code key:} is written in YAML text, or 1. A scan of the
   * line starts, not a pattern compiled per call: callers ask for several keys of every page.
   */
  public static int lineOfKey(String yaml, String key) {
    int line = 1;
    for (int start = 0; start <= yaml.length(); line++) {
      if (yaml.startsWith(key, start)) {
        int i = start + key.length();
        while (i < yaml.length() && isRegexSpace(yaml.charAt(i))) i++;
        if (i < yaml.length() && yaml.charAt(i) == ':') return line;
      }
      int end = yaml.indexOf('\n', start);
      if (end < 0) break;
      start = end + 1;
    }
    return 1;
  }

  /** What {@code \s} of a pattern matches. */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  /** The 1-based line of character offset {@code index} in {@code text}. */
  public static int lineAt(String text, int index) {
    int line = 1;
    for (int i = 0; i < index && i < text.length(); i++) {
      if (text.charAt(i) == '\n') line++;
    }
    return line;
  }
}
