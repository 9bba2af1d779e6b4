package io.sitegen.data;

import io.sitegen.config.Yaml;
import io.sitegen.problems.Problem;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON (RFC 8259) reader whose errors name the line and column where the text stops
 * being JSON. snakeyaml reads most JSON, but not all of it (a tab that indents a line is an error
 * in YAML), it accepts what JSON does not (a trailing comma, comments, {@code 01}), and it places
 * some errors after the mistake (a missing comma is reported at the next colon). Values are those
 * YAML gives for the same text: maps keep their order, whole numbers are Integer, Long or
 * BigInteger, other numbers Double. A key given twice is an error, as in YAML files. Bounded as
 * YAML is: {@link Yaml#MAX_CHARS} characters, {@link Yaml#MAX_DEPTH} levels.
 */
final class Json {
  private final String text;
  private int pos;
  private int depth;

  private Json(String text) {
    this.text = text;
  }

  /** Thrown with the offset in the text where the error is. */
  static final class Failure extends RuntimeException {
    final int offset;

    Failure(int offset, String message) {
      super(message, null, false, false);
      this.offset = offset;
    }
  }

  /**
   * Parses {@code text}, or returns a problem located in {@code file} (its line and column are
   * 1-based; a column counts characters, a character outside the BMP once).
   */
  static Object parse(String text, String file, List<Problem> problems) {
    if (text.length() > Yaml.MAX_CHARS) {
      problems.add(Problem.error(file, 1, 0, "JSON: larger than 1 MB"));
      return null;
    }
    Json json = new Json(text);
    try {
      json.space();
      if (json.pos >= text.length()) throw new Failure(json.pos, "empty: a JSON file holds one value");
      Object value = json.value();
      json.space();
      if (json.pos < text.length()) throw new Failure(json.pos, "expected the end of the file after the value, found " + json.found());
      return value;
    } catch (Failure f) {
      int[] at = lineAndColumn(text, f.offset);
      problems.add(Problem.error(file, at[0], at[1], "JSON: " + f.getMessage()));
      return null;
    }
  }

  /** The 1-based line and column of an offset; {@code \r\n}, {@code \n} and {@code \r} end a line. */
  static int[] lineAndColumn(String text, int offset) {
    int line = 1;
    int start = 0;
    int end = Math.min(offset, text.length());
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        line++;
        start = i + 1;
      }
    }
    return new int[] {line, text.codePointCount(start, end) + 1};
  }

  private Object value() {
    if (pos >= text.length()) throw new Failure(pos, "unexpected end of the file: expected a value");
    char c = text.charAt(pos);
    switch (c) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
        return string();
      case 't':
        return word("true", Boolean.TRUE);
      case 'f':
        return word("false", Boolean.FALSE);
      case 'n':
        return word("null", null);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) return number();
        throw new Failure(pos, "expected a value, found " + found()
            + (c == '\'' ? " (JSON strings are in double quotes)" : ""));
    }
  }

  private Map<String, Object> object() {
    int open = pos;
    deeper(open);
    pos++;
    Map<String, Object> map = new LinkedHashMap<>();
    space();
    if (at('}')) {
      pos++;
      depth--;
      return map;
    }
    while (true) {
      space();
      if (pos >= text.length()) throw new Failure(pos, "unexpected end of the file: the object opened at "
          + where(open) + " is not closed");
      if (!at('"')) {
        throw new Failure(pos, "expected a key in double quotes, found " + found()
            + (at('}') ? " (a comma before it is one too many)" : ""));
      }
      int keyAt = pos;
      String key = string();
      if (map.containsKey(key)) throw new Failure(keyAt, "duplicate key \"" + key + "\"");
      space();
      if (!at(':')) throw new Failure(pos, "expected ':' after the key, found " + found());
      pos++;
      space();
      map.put(key, value());
      space();
      if (at(',')) {
        pos++;
      } else if (at('}')) {
        pos++;
        depth--;
        return map;
      } else if (pos >= text.length()) {
        throw new Failure(pos, "unexpected end of the file: the object opened at " + where(open) + " is not closed");
      } else {
        throw new Failure(pos, "expected ',' or '}', found " + found());
      }
    }
  }

  private List<Object> array() {
    int open = pos;
    deeper(open);
    pos++;
    List<Object> list = new ArrayList<>();
    space();
    if (at(']')) {
      pos++;
      depth--;
      return list;
    }
    while (true) {
      space();
      if (at(']')) throw new Failure(pos, "expected a value, found ']' (a comma before it is one too many)");
      if (pos >= text.length()) throw new Failure(pos, "unexpected end of the file: the array opened at "
          + where(open) + " is not closed");
      list.add(value());
      space();
      if (at(',')) {
        pos++;
      } else if (at(']')) {
        pos++;
        depth--;
        return list;
      } else if (pos >= text.length()) {
        throw new Failure(pos, "unexpected end of the file: the array opened at " + where(open) + " is not closed");
      } else {
        throw new Failure(pos, "expected ',' or ']', found " + found());
      }
    }
  }

  private void deeper(int at) {
    if (++depth > Yaml.MAX_DEPTH) throw new Failure(at, "nested deeper than " + Yaml.MAX_DEPTH + " levels");
  }

  private String string() {
    int open = pos;
    pos++; // the opening quote
    StringBuilder out = new StringBuilder();
    while (true) {
      if (pos >= text.length()) throw new Failure(open, "the string is not closed");
      char c = text.charAt(pos);
      if (c == '"') {
        pos++;
        return out.toString();
      }
      if (c < 0x20) {
        throw new Failure(pos, c == '\n' || c == '\r' ? "the string is not closed on its line (write a line break as \\n)"
            : "control character U+" + String.format("%04X", (int) c) + " in a string (write it as \\u"
                + String.format("%04x", (int) c) + ")");
      }
      if (c != '\\') {
        out.append(c);
        pos++;
        continue;
      }
      if (pos + 1 >= text.length()) throw new Failure(open, "the string is not closed");
      char e = text.charAt(pos + 1);
      switch (e) {
        case '"', '\\', '/' -> out.append(e);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          if (pos + 6 > text.length()) throw new Failure(pos, "\\u needs four hex digits");
          int code = 0;
          for (int i = pos + 2; i < pos + 6; i++) {
            int digit = Character.digit(text.charAt(i), 16);
            if (digit < 0) throw new Failure(pos, "\\u needs four hex digits");
            code = code * 16 + digit;
          }
          out.append((char) code);
          pos += 4;
        }
        default -> throw new Failure(pos, "invalid escape \\" + (e < 0x20 ? "" : String.valueOf(e)));
      }
      pos += 2;
    }
  }

  private Object number() {
    int start = pos;
    if (at('-')) pos++;
    if (at('0')) {
      pos++;
      if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
        throw new Failure(start, "a number cannot start with 0 (quote it to keep the zeros)");
      }
    } else {
      digits(start);
    }
    boolean whole = true;
    if (at('.')) {
      whole = false;
      pos++;
      digits(start);
    }
    if (at('e') || at('E')) {
      whole = false;
      pos++;
      if (at('+') || at('-')) pos++;
      digits(start);
    }
    String number = text.substring(start, pos);
    if (!whole) return Double.parseDouble(number);
    BigInteger big = new BigInteger(number);
    if (big.bitLength() < 32) return big.intValue();
    if (big.bitLength() < 64) return big.longValue();
    return big;
  }

  private void digits(int start) {
    int from = pos;
    while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') pos++;
    if (pos == from) throw new Failure(pos == text.length() ? start : pos, "invalid number");
  }

  private Object word(String word, Object value) {
    if (!text.startsWith(word, pos)) throw new Failure(pos, "expected a value, found " + found());
    pos += word.length();
    return value;
  }

  private void space() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
      pos++;
    }
  }

  private boolean at(char c) {
    return pos < text.length() && text.charAt(pos) == c;
  }

  /** What is at the current position, in words. */
  private String found() {
    if (pos >= text.length()) return "the end of the file";
    int cp = text.codePointAt(pos);
    if (cp == '/' && (text.startsWith("//", pos) || text.startsWith("/*", pos))) return "a comment (JSON has none)";
    if (Character.isLetter(cp)) {
      int end = pos;
      while (end < text.length() && end - pos < 20 && Character.isLetterOrDigit(text.charAt(end))) end++;
      return "'" + text.substring(pos, end) + "'";
    }
    if (cp == '\'') return "\"'\"";
    return cp < 0x20 ? "U+" + String.format("%04X", cp) : "'" + new String(Character.toChars(cp)) + "'";
  }

  private String where(int offset) {
    int[] at = lineAndColumn(text, offset);
    return at[0] + ":" + at[1];
  }
}
