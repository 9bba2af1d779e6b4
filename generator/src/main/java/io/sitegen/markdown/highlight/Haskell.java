package io.sitegen.markdown.highlight;

import static io.noties.prism4j.Prism4j.grammar;
import static io.noties.prism4j.Prism4j.pattern;
import static io.noties.prism4j.Prism4j.token;
import static java.util.regex.Pattern.MULTILINE;
import static java.util.regex.Pattern.compile;

import io.noties.prism4j.Prism4j;

/**
 * Haskell (written here): {@code --} line comments (but not operators such as {@code -->}),
 * {@code {- -}} block comments and {@code {-# #-}} pragmas, character and string literals (an
 * apostrophe after a name, as in {@code foldl'}, is part of the name), the reserved words and
 * common extension keywords, qualified module prefixes, capitalised names (types, classes,
 * constructors), names being given a type ({@code name ::}), a set of Prelude functions,
 * numbers, operators (symbols and {@code `infix`} names) and punctuation.
 */
final class Haskell {
  private Haskell() {}

  /** A name ends where no name character (letter, digit, underscore, apostrophe) follows. */
  private static final String END = "(?![\\w'])";

  private static final String KEYWORDS = "case|class|data|default|deriving|do|else|foreign|if|import|in|infix"
      + "|infixl|infixr|instance|let|module|newtype|of|then|type|where|forall|family|qualified|as|hiding|mdo"
      + "|rec|proc|pattern|stock|anyclass|via";

  private static final String PRELUDE = "abs|all|and|any|concat|concatMap|const|curry|cycle|div|divMod|drop"
      + "|dropWhile|elem|error|even|filter|flip|fmap|foldl|foldl'|foldl1|foldr|foldr1|fromIntegral|fst|getLine|head"
      + "|id|init|interact|iterate|last|length|lines|lookup|map|mapM|mapM_|max|maximum|min|minimum|mod"
      + "|not|notElem|null|odd|or|otherwise|pi|pred|print|product|pure|putStr|putStrLn|quot|readFile|rem"
      + "|repeat|replicate|return|reverse|sequence|sequence_|show|snd|span|splitAt|sqrt|succ|sum|tail|take"
      + "|takeWhile|toEnum|fromEnum|traverse|uncurry|undefined|unlines|unwords|unzip|words|writeFile|zip"
      + "|zipWith|zip3";

  static Prism4j.Grammar create(Prism4j prism4j) {
    return grammar("haskell",
        token("pragma", pattern(compile("\\{-#[\\s\\S]*?#-\\}"), false, true, "important")),
        token("comment",
            pattern(compile("\\{-[\\s\\S]*?-\\}"), false, true),
            // two or more dashes not followed by another symbol: --> and |-- are operators
            pattern(compile("(^|[^!#$%&*+./<=>?@\\\\^|~:-])--+(?![!#$%&*+./<=>?@\\\\^|~:]).*", MULTILINE), true, true)),
        token("char",
            pattern(compile("(^|[^\\w'])'(?:[^'\\\\\\r\\n]|\\\\(?:[^\\r\\n'\\\\]+|'|\\\\))'"), true, true, "string")),
        token("string", pattern(compile("\"[^\"\\\\\\r\\n]*(?:\\\\(?:\\s+\\\\|[\\s\\S])[^\"\\\\\\r\\n]*)*\""), false, true)),
        // a name in backquotes is an infix operator, whatever the name
        token("operator", pattern(compile("`(?:[A-Z][\\w']*\\.)*[A-Za-z_][\\w']*`"))),
        token("keyword", pattern(compile("\\b(?:" + KEYWORDS + ")" + END))),
        token("boolean", pattern(compile("\\b(?:True|False)" + END))),
        token("namespace", pattern(compile("\\b(?:[A-Z][\\w']*\\.)+(?=[\\w(\\[])"))),
        token("class-name", pattern(compile("\\b[A-Z][\\w']*"))),
        token("function", pattern(compile("(^[ \\t]*)[a-z_][\\w']*(?=[ \\t]*::)", MULTILINE), true)),
        token("builtin", pattern(compile("\\b(?:" + PRELUDE + ")" + END))),
        token("number",
            pattern(compile("\\b(?:0[xX][0-9A-Fa-f](?:_*[0-9A-Fa-f])*|0[oO][0-7](?:_*[0-7])*|0[bB][01](?:_*[01])*"
                + "|\\d(?:_*\\d)*(?:\\.\\d(?:_*\\d)*)?(?:[eE][+-]?\\d+)?)\\b"))),
        token("operator", pattern(compile("[!#$%&*+./<=>?@\\\\^|~:-]+"))),
        token("punctuation", pattern(compile("[(),;\\[\\]{}]"))));
  }
}
