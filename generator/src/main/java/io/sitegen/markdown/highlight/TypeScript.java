package io.sitegen.markdown.highlight;

import static io.noties.prism4j.Prism4j.grammar;
import static io.noties.prism4j.Prism4j.pattern;
import static io.noties.prism4j.Prism4j.token;
import static java.util.regex.Pattern.compile;

import io.noties.prism4j.GrammarUtils;
import io.noties.prism4j.Prism4j;

/**
 * TypeScript (written here), as prism4j's JavaScript grammar (a copy of it) with TypeScript's
 * words added: the keywords of declarations and types (interface, type, enum, namespace, declare,
 * abstract, readonly, keyof, infer, satisfies, ...), the built-in types (string, number, any,
 * unknown, never, ...) as {@code builtin}, the name after {@code type}, {@code interface},
 * {@code enum}, {@code class}, {@code extends}, {@code implements} as {@code class-name},
 * {@code @decorators}, function names before type arguments ({@code load<T>(}), and numbers with
 * {@code _} separators and bigints ({@code 10n}).
 */
final class TypeScript {
  private TypeScript() {}

  private static final String KEYWORDS = "abstract|as|asserts|async|await|break|case|catch|class|const"
      + "|constructor|continue|debugger|declare|default|delete|do|else|enum|export|extends|finally|for|from"
      + "|function|get|global|if|implements|import|in|infer|instanceof|interface|is|keyof|let|module"
      + "|namespace|new|null|of|out|override|package|private|protected|public|readonly|return|satisfies"
      + "|set|static|super|switch|this|throw|try|type|typeof|undefined|unique|using|var|void|while|with"
      + "|yield";

  private static final String TYPES = "string|number|boolean|bigint|symbol|object|any|unknown|never";

  static Prism4j.Grammar create(Prism4j prism4j) {
    Prism4j.Grammar ts = GrammarUtils.extend(GrammarUtils.require(prism4j, "javascript"), "typescript",
        token("keyword", pattern(compile("\\b(?:" + KEYWORDS + ")\\b(?![$])"))),
        token("class-name",
            pattern(compile("(\\b(?:class|interface|type|enum|extends|implements|instanceof|new|namespace)[ \\t]+)"
                + "(?!(?:keyof|typeof|infer|readonly|unique)\\b)[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*"),
                true, false, null, grammar("inside", token("punctuation", pattern(compile("\\.")))))),
        token("number",
            // with _ separators and the n of a bigint
            pattern(compile("\\b(?:0[xX][\\dA-Fa-f](?:_?[\\dA-Fa-f])*|0[bB][01](?:_?[01])*|0[oO][0-7](?:_?[0-7])*)n?\\b"
                + "|\\b\\d(?:_?\\d)*n\\b|\\b(?:NaN|Infinity)\\b"
                + "|(?:\\b\\d(?:_?\\d)*(?:\\.(?:\\d(?:_?\\d)*)?)?|\\B\\.\\d(?:_?\\d)*)(?:[Ee][+-]?\\d(?:_?\\d)*)?"))));
    // a function name before type arguments (load<T extends Post<X>>(): found before the names
    // between < and > become tokens of their own, which would hide the ( from the JavaScript one
    GrammarUtils.insertBeforeToken(ts, "class-name",
        token("function", pattern(compile("[A-Za-z_$][\\w$]*(?=[ \\t]*<[^<>()\\n]*(?:<[^<>()\\n]*>[^<>()\\n]*)*>[ \\t]*\\()"))));
    GrammarUtils.insertBeforeToken(ts, "keyword",
        token("decorator", pattern(compile("@[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*"), false, false, "function")),
        token("builtin", pattern(compile("\\b(?:" + TYPES + ")\\b(?![$])"))));
    return ts;
  }
}
