package io.sitegen.markdown.highlight;

import static io.noties.prism4j.Prism4j.grammar;
import static io.noties.prism4j.Prism4j.pattern;
import static io.noties.prism4j.Prism4j.token;
import static java.util.regex.Pattern.compile;

import io.noties.prism4j.Prism4j;

/**
 * Rust (written here): line, doc and block comments; raw strings ({@code r"…"}, {@code r#"…"#},
 * byte and C forms), strings and byte strings (which may span lines); character literals before
 * lifetimes ({@code 'a'} against {@code 'a}); attributes ({@code #[…]}, {@code #![…]}); macro
 * calls ({@code name!}); keywords, primitive types, booleans; path prefixes ({@code std::}),
 * function names (defined and called), CONSTANTS and CamelCase types; numbers with their
 * suffixes; operators and punctuation.
 */
final class Rust {
  private Rust() {}

  private static final String KEYWORDS = "as|async|await|break|const|continue|crate|dyn|else|enum|extern|fn|for"
      + "|if|impl|in|let|loop|match|mod|move|mut|pub|ref|return|self|Self|static|struct|super|trait|type|union"
      + "|unsafe|use|where|while|yield|abstract|become|box|do|final|macro|override|priv|try|typeof|unsized"
      + "|virtual";

  private static final String PRIMITIVES = "bool|char|str|u8|u16|u32|u64|u128|usize|i8|i16|i32|i64|i128|isize"
      + "|f32|f64";

  static Prism4j.Grammar create(Prism4j prism4j) {
    return grammar("rust",
        token("comment",
            pattern(compile("/\\*[\\s\\S]*?\\*/"), false, true),
            pattern(compile("//.*"), false, true)),
        token("string",
            // raw: as many # after the quote as before it
            pattern(compile("(?<![\\w])[bc]?r(#*)\"[\\s\\S]*?\"\\1"), false, true),
            pattern(compile("(?<![\\w])[bc]?\"[^\"\\\\]*(?:\\\\[\\s\\S][^\"\\\\]*)*\""), false, true)),
        token("char",
            pattern(compile("(?<![\\w])b?'(?:\\\\(?:x[0-9a-fA-F]{2}|u\\{[0-9a-fA-F_]{1,6}\\}|[nrt\\\\'\"0])"
                + "|[^\\\\'\\r\\n])'"), false, true, "string")),
        token("attribute",
            pattern(compile("#!?\\[(?:[^\\[\\]\"]|\"[^\"\\\\]*(?:\\\\.[^\"\\\\]*)*\"|\\[[^\\[\\]]*\\])*\\]"), false, true,
                "attr-name")),
        token("lifetime", pattern(compile("'[A-Za-z_]\\w*(?!')"), false, false, "symbol")),
        token("macro", pattern(compile("\\b[A-Za-z_]\\w*!(?!=)"), false, false, "function")),
        token("keyword", pattern(compile("\\b(?:" + KEYWORDS + ")\\b"))),
        token("builtin", pattern(compile("\\b(?:" + PRIMITIVES + ")\\b"))),
        token("boolean", pattern(compile("\\b(?:true|false)\\b"))),
        // a path segment, not a method called with a turbofish (parse::<T>)
        token("namespace", pattern(compile("\\b[a-z_][a-z0-9_]*(?=::(?!<))"))),
        token("function",
            pattern(compile("(\\bfn[ \\t]+)[A-Za-z_]\\w*"), true),
            // a call, also with a turbofish: name(, name::<T>(
            pattern(compile("\\b[a-z_][a-z0-9_]*(?=[ \\t]*(?:::[ \\t]*<[^()]*>[ \\t]*)?\\()"))),
        token("constant", pattern(compile("\\b[A-Z][A-Z0-9_]+\\b"))),
        token("class-name", pattern(compile("\\b[A-Z]\\w*"))),
        token("number",
            pattern(compile("\\b(?:0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+"
                + "|\\d[\\d_]*(?:\\.\\d[\\d_]*)?(?:[eE][+-]?[\\d_]+)?)"
                + "(?:_?(?:[iu](?:8|16|32|64|128|size)|f32|f64))?\\b"))),
        token("operator",
            pattern(compile("->|=>|\\.\\.[.=]?|&&|\\|\\||<<=?|>>=?|[-+*/%^!&|<>=]=?|\\?|@"))),
        token("punctuation", pattern(compile("::|[{}\\[\\];(),.:#$]"))));
  }
}
