/**
 * Build-time syntax highlighting of fenced code: {@link io.sitegen.markdown.highlight.Highlighter}
 * turns code into {@code <span class="token ...">} markup with the token class names Prism uses,
 * so Prism-style themes and assets/css/highlight.css apply and pages need no script.
 *
 * <p>Tokenizing is done by prism4j (io.noties:prism4j 2.0.0, Apache-2.0), the Java port of Prism's
 * tokenizer. Its annotation processor, prism4j-bundler (compile time only), copies the grammars
 * that prism4j ships for the languages named in {@link io.sitegen.markdown.highlight.Bundled}.
 * The languages it does not ship (Bash, Diff, Dockerfile, Haskell, Rust, TOML and TypeScript,
 * the last extending the bundled JavaScript grammar) have grammars written in this package, in
 * prism4j's grammar format; {@link io.sitegen.markdown.highlight.Grammars} finds both kinds.
 */
package io.sitegen.markdown.highlight;
