package io.sitegen.markdown.highlight;

import static io.noties.prism4j.Prism4j.grammar;
import static io.noties.prism4j.Prism4j.pattern;
import static io.noties.prism4j.Prism4j.token;
import static java.util.regex.Pattern.MULTILINE;
import static java.util.regex.Pattern.compile;

import io.noties.prism4j.Prism4j;

/**
 * TOML (written here): {@code [table]} and {@code [[array.of.tables]]} names, keys (bare, quoted
 * and dotted) before {@code =}, the four kinds of string (basic, literal and their multi-line
 * forms), dates and times, integers (decimal, hex, octal, binary, with underscores), floats
 * (including inf and nan), booleans and comments.
 *
 * <p>The comment and the strings are greedy: a {@code #} inside a string belongs to the string,
 * and a {@code key =} inside a multi-line string is not a key.
 */
final class Toml {
  private Toml() {}

  /** One part of a key: bare, "basic" or 'literal'. */
  private static final String KEY = "(?:[A-Za-z0-9_-]+|\"[^\"\\\\\\r\\n]*(?:\\\\.[^\"\\\\\\r\\n]*)*\"|'[^'\\r\\n]*')";

  /** A key, dotted or not. */
  private static final String DOTTED = KEY + "(?:[ \\t]*\\.[ \\t]*" + KEY + ")*";

  static Prism4j.Grammar create(Prism4j prism4j) {
    Prism4j.Grammar dots = grammar("inside", token("punctuation", pattern(compile("\\."))));
    return grammar("toml",
        token("comment", pattern(compile("#.*"), false, true)),
        token("string",
            pattern(compile("\"\"\"[\\s\\S]*?(?<!\\\\)\"\"\"\"{0,2}"), false, true),
            pattern(compile("'''[\\s\\S]*?'''\'{0,2}"), false, true)),
        token("table",
            pattern(compile("(^[ \\t]*\\[\\[?[ \\t]*)" + DOTTED + "(?=[ \\t]*\\])", MULTILINE), true, false,
                "class-name", dots)),
        token("key",
            pattern(compile("(^[ \\t]*|[{,][ \\t]*)" + DOTTED + "(?=[ \\t]*=)", MULTILINE), true, false,
                "property", dots)),
        token("string",
            pattern(compile("\"[^\"\\\\\\r\\n]*(?:\\\\.[^\"\\\\\\r\\n]*)*\""), false, true),
            pattern(compile("'[^'\\r\\n]*'"), false, true)),
        token("date",
            // offset or local date-time, local date, local time
            pattern(compile("\\b\\d{4}-\\d{2}-\\d{2}(?:[Tt ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?"
                + "(?:[Zz]|[+-]\\d{2}:\\d{2})?)?\\b|\\b\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?\\b"), false, false, "number")),
        token("number",
            pattern(compile("(^|[\\s=\\[,{])(?:0x[0-9A-Fa-f](?:_?[0-9A-Fa-f])*|0o[0-7](?:_?[0-7])*|0b[01](?:_?[01])*"
                + "|[+-]?(?:inf|nan)|[+-]?\\d(?:_?\\d)*(?:\\.\\d(?:_?\\d)*)?(?:[eE][+-]?\\d(?:_?\\d)*)?)"
                + "(?=$|[\\s,\\]}#])", MULTILINE), true)),
        token("boolean", pattern(compile("\\b(?:true|false)\\b"))),
        token("punctuation", pattern(compile("[.,=\\[\\]{}]"))));
  }
}
