package io.sitegen.markdown.highlight;

import static io.noties.prism4j.Prism4j.grammar;
import static io.noties.prism4j.Prism4j.pattern;
import static io.noties.prism4j.Prism4j.token;
import static java.util.regex.Pattern.MULTILINE;
import static java.util.regex.Pattern.compile;

import io.noties.prism4j.Prism4j;

/**
 * Unified, context and normal diffs (written here). Every line is looked at as a whole, so the
 * patterns run in order over whole lines: headers first ({@code diff --git}, {@code index},
 * {@code ---}/{@code +++} and {@code ***} file names, {@code @@} hunks, normal diff's
 * {@code 3,4c3}), then removed lines ({@code -}, {@code <}) as {@code deleted}, added lines
 * ({@code +}, {@code >}) as {@code inserted}, changed lines of a context diff ({@code !}) and
 * git's {@code \ No newline at end of file}. Inside an added, removed or changed line, its first
 * character is a {@code prefix} token and the rest a {@code line} token, so the text keeps the
 * line's colour.
 */
final class Diff {
  private Diff() {}

  static Prism4j.Grammar create(Prism4j prism4j) {
    // the text after the first character is a token of its own, so that the first character is
    // the only thing left for "prefix" (a ^ matches at the start of any text between tokens)
    Prism4j.Grammar prefix = grammar("inside",
        token("line", pattern(compile("(^[-+<>!])[\\s\\S]+"), true)),
        token("prefix", pattern(compile("^[-+<>!]"))));
    return grammar("diff",
        token("coord",
            // hunk header, with git's function name after the second @@
            pattern(compile("^@@ .*", MULTILINE)),
            // context diff hunk ranges
            pattern(compile("^(?:\\*{3} \\d+(?:,\\d+)? \\*{4}|-{3} \\d+(?:,\\d+)? -{4})[ \\t]*$", MULTILINE)),
            // normal diff: 3,4c3 / 5a6,7 / 8d7, and the line between its old and new lines
            pattern(compile("^\\d+(?:,\\d+)?[acd]\\d+(?:,\\d+)?[ \\t]*$", MULTILINE)),
            pattern(compile("^---[ \\t]*$", MULTILINE))),
        token("header",
            // the names of the two files and git's own header lines
            pattern(compile("^(?:-{3}|\\+{3}|\\*{3}) .*", MULTILINE), false, false, "comment"),
            pattern(compile("^(?:diff|index|new file mode|deleted file mode|old mode|new mode|similarity index"
                + "|rename from|rename to|Binary files|Only in) .*", MULTILINE), false, false, "comment"),
            pattern(compile("^\\*{15}[ \\t]*$", MULTILINE), false, false, "comment")),
        token("deleted", pattern(compile("^[-<].*", MULTILINE), false, false, null, prefix)),
        token("inserted", pattern(compile("^[+>].*", MULTILINE), false, false, null, prefix)),
        token("changed", pattern(compile("^!.*", MULTILINE), false, false, "important", prefix)),
        token("comment", pattern(compile("^\\\\ .*", MULTILINE))));
  }
}
