package io.sitegen.markdown.highlight;

import static io.noties.prism4j.Prism4j.grammar;
import static io.noties.prism4j.Prism4j.pattern;
import static io.noties.prism4j.Prism4j.token;
import static java.util.regex.Pattern.MULTILINE;
import static java.util.regex.Pattern.compile;

import io.noties.prism4j.Prism4j;
import java.util.ArrayList;
import java.util.List;

/**
 * POSIX shell and Bash, also for zsh, ksh and console sessions (written here).
 *
 * <p>Order matters: a comment is found before the strings, and the strings are greedy, so a
 * {@code #} inside a string ends up in the string and a quote inside a comment stays in the
 * comment. {@code $(...)} and backquotes are tokenized again with this grammar, inside a
 * {@code variable} token; double-quoted strings and unquoted here-documents show their
 * {@code $name}, {@code ${...}} and {@code $(...)}. Keywords count only where a command starts
 * (and {@code in} after {@code for NAME}, {@code case WORD}); builtins anywhere.
 */
final class Bash {
  private Bash() {}

  /** Where a word starts: the start of the text or of a line, or after a blank or a separator. */
  private static final String WORD_START = "(^|[\\s;|&(){}`!])";

  /** Where a word ends. */
  private static final String WORD_END = "(?=$|[\\s;|&()`])";

  /** Where a command starts: a keyword is one only there ({@code echo done} prints a word). */
  private static final String COMMAND_START = "((?:^|[;&|(){}!\\n])[ \\t]*)";

  private static final String KEYWORDS = "if|then|else|elif|fi|for|while|until|do|done|case|esac|select"
      + "|function|time|coproc|return|break|continue";

  private static final String BUILTINS = "alias|bg|bind|builtin|caller|cd|command|compgen|complete|declare"
      + "|dirs|disown|echo|enable|eval|exec|exit|export|fc|fg|getopts|hash|help|history|jobs|kill|let"
      + "|local|logout|mapfile|popd|printf|pushd|pwd|read|readarray|readonly|set|shift|shopt|source"
      + "|suspend|test|times|trap|type|typeset|ulimit|umask|unalias|unset|wait";

  static Prism4j.Grammar create(Prism4j prism4j) {
    // $(...) and `...`: filled in below, once the grammar it holds exists
    Prism4j.Token substitution = token("variable");

    Prism4j.Token parameter = token("variable",
        // ${name}, ${name:-default}, ${#name}, ${name[@]} ...
        pattern(compile("\\$\\{[^}\\r\\n]*\\}"), false, false, null,
            grammar("inside", token("punctuation", pattern(compile("^\\$\\{|\\}$"))))),
        // $name, $1, and the special ones: $@ $* $# $? $$ $! $- $0
        pattern(compile("\\$(?:[A-Za-z_]\\w*|[0-9@*#?$!-])")));

    Prism4j.Grammar expanding = grammar("inside", substitution, parameter);

    List<Prism4j.Token> tokens = new ArrayList<>();
    tokens.add(token("shebang", pattern(compile("^#!.*"), false, false, "important")));
    // not $# or ${#name}: a # starts a comment only where a word starts
    tokens.add(token("comment", pattern(compile("(^|[\\s;|&()])#.*"), true, true)));
    tokens.add(token("string",
        // here-documents, the body and its last line (the <<WORD line is left to the other tokens):
        // with a quoted WORD the body is literal, else it expands
        pattern(compile("(<<-?[ \\t]*(['\"])(\\w+)\\2[^\\n]*\\n)[\\s\\S]*?\\n[ \\t]*\\3(?=\\n|$)"), true, true),
        pattern(compile("(<<-?[ \\t]*(\\w+)[^\\n]*\\n)[\\s\\S]*?\\n[ \\t]*\\2(?=\\n|$)"), true, true, null, expanding),
        // "..." (expanding), $'...' (C escapes), '...' (literal); a double-quoted string first, as
        // it is the one that may follow a # taken for a comment (see the class comment)
        pattern(compile("\"[^\"\\\\]*(?:\\\\[\\s\\S][^\"\\\\]*)*\""), false, true, null, expanding),
        pattern(compile("\\$'[^'\\\\]*(?:\\\\[\\s\\S][^'\\\\]*)*'"), false, true),
        pattern(compile("'[^']*'"), false, true)));
    tokens.add(substitution);
    tokens.add(parameter);
    tokens.add(token("function",
        // name() { ... } and function name
        pattern(compile("(^|[\\s;|&{}])[A-Za-z_][\\w.:-]*(?=[ \\t]*\\([ \\t]*\\))", MULTILINE), true),
        pattern(compile("(\\bfunction[ \\t]+)[A-Za-z_][\\w.:-]*"), true)));
    tokens.add(token("keyword",
        pattern(compile(COMMAND_START + "(?:" + KEYWORDS + ")" + WORD_END), true),
        // the in of for NAME in, select NAME in, case WORD in: by then for, select, case and a
        // quoted or $ WORD are tokens, so the in is at most one word after the start of a text
        pattern(compile("(^[ \\t]+(?:[A-Za-z_]\\w*[ \\t]+)?)in(?=$|[\\s;])"), true)));
    tokens.add(token("boolean", pattern(compile(WORD_START + "(?:true|false)" + WORD_END, MULTILINE), true)));
    tokens.add(token("builtin", pattern(compile(WORD_START + "(?:" + BUILTINS + ")" + WORD_END, MULTILINE), true)));
    // an assignment's name: NAME=value
    tokens.add(token("assign-left",
        pattern(compile(WORD_START + "[A-Za-z_]\\w*(?=\\+?=)", MULTILINE), true, false, "variable")));
    // options: -v, -rf, --output, --output=...
    tokens.add(token("parameter", pattern(compile("(^|\\s)--?[A-Za-z0-9][\\w-]*", MULTILINE), true)));
    tokens.add(token("number",
        pattern(compile("(^|[\\s=:,(\\[;|&<>])(?:0[xX][0-9a-fA-F]+|\\d+(?:\\.\\d+)?)(?=$|[\\s;|&)<>\\],])",
            MULTILINE), true)));
    tokens.add(token("operator",
        pattern(compile("&&|\\|\\||;;&?|;&|\\|&|&>>?|<<<|<<-?|>>|[<>]&|<>|>\\||[!=]=|=~|[<>|&!]|\\+?="))));
    tokens.add(token("punctuation", pattern(compile("\\$\\(\\(|\\(\\(|\\)\\)|\\[\\[|\\]\\]|[;(){}\\[\\]`\\\\]"))));

    Prism4j.Grammar bash = grammar("bash", tokens);

    // $((...)) and $(...), with one level of nested parentheses inside, and `...`: the whole
    // grammar again, with the $( ) or the backquotes as punctuation
    List<Prism4j.Token> inner = new ArrayList<>();
    inner.add(token("punctuation", pattern(compile("^\\$\\(\\(?|\\)?\\)$|^`|`$"))));
    inner.addAll(tokens);
    Prism4j.Grammar command = grammar("inside", inner);
    substitution.patterns().add(pattern(compile("\\$\\((?:[^()]|\\((?:[^()]|\\([^()]*\\))*\\))*\\)"),
        false, true, null, command));
    substitution.patterns().add(pattern(compile("`[^`\\\\]*(?:\\\\[\\s\\S][^`\\\\]*)*`"), false, true, null, command));
    return bash;
  }
}
