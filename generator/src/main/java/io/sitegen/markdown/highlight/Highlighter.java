package io.sitegen.markdown.highlight;

import io.noties.prism4j.Prism4j;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Syntax highlighting of code at build time: Prism4j's tokens written as Prism.js writes them,
 * {@code <span class="token TYPE [ALIAS]">}, with the code HTML-escaped, so that a page needs no
 * script and Prism themes (and assets/css/highlight.css) apply.
 *
 * <p>Thread-safe: every grammar is built on first use, once, on one thread (class initialization
 * of {@link Loaded}), and only read after that; tokenizing keeps its state on the caller's stack.
 */
public final class Highlighter {
  /**
   * Code longer than this is left plain: Prism4j's time grows with the square of a block's length,
   * and a regular expression over one very long token can overflow the stack. Measured on a block
   * of repeated {@code `${} in JavaScript, the worst input found: 1.7 s at 20,000 characters, 6.1 s
   * at 50,000, 22 s at 100,000. 20,000 characters is some 500 lines of code.
   */
  public static final int MAX_LENGTH = 20_000;

  /** A fence's language (lower case) to the name of its grammar. */
  private static final Map<String, String> LANGUAGES = aliasTable();

  private Highlighter() {}

  private static Map<String, String> aliasTable() {
    Map<String, String> m = new HashMap<>();
    alias(m, "java", "java");
    alias(m, "kotlin", "kotlin", "kt", "kts");
    alias(m, "swift", "swift");
    alias(m, "haskell", "haskell", "hs");
    alias(m, "javascript", "javascript", "js", "mjs", "cjs");
    alias(m, "typescript", "typescript", "ts", "mts", "cts");
    alias(m, "python", "python", "py", "python3", "py3");
    alias(m, "go", "go", "golang");
    alias(m, "rust", "rust", "rs");
    alias(m, "c", "c", "h");
    alias(m, "cpp", "cpp", "c++", "cc", "cxx", "hpp", "hh", "hxx");
    alias(m, "bash", "bash", "sh", "shell", "console", "zsh", "ksh", "shell-session", "shellsession");
    alias(m, "json", "json", "jsonc", "json5");
    alias(m, "yaml", "yaml", "yml");
    alias(m, "toml", "toml");
    alias(m, "markup", "markup", "xml", "html", "xhtml", "svg", "mathml", "rss", "atom");
    alias(m, "css", "css");
    alias(m, "sql", "sql");
    alias(m, "docker", "docker", "dockerfile");
    alias(m, "diff", "diff", "patch", "udiff");
    return Map.copyOf(m);
  }

  private static void alias(Map<String, String> m, String grammar, String... names) {
    for (String name : names) m.put(name, grammar);
  }

  /** The languages (fence names and aliases, lower case) that are highlighted. */
  public static Set<String> languages() {
    return LANGUAGES.keySet();
  }

  /** Whether code fenced with this language is highlighted (case is ignored). */
  public static boolean supports(String language) {
    return language != null && LANGUAGES.containsKey(language.toLowerCase(Locale.ROOT));
  }

  /**
   * The code as highlighted HTML, the inside of {@code <code>}; null when the language is not
   * known, the code is longer than {@link #MAX_LENGTH}, or tokenizing it failed: the caller then
   * writes it plain.
   */
  public static String highlight(String language, String code) {
    if (language == null || code.isEmpty() || code.length() > MAX_LENGTH) return null;
    String name = LANGUAGES.get(language.toLowerCase(Locale.ROOT));
    if (name == null) return null;
    Prism4j.Grammar grammar = Loaded.GRAMMARS.get(name);
    List<Prism4j.Node> nodes;
    try {
      nodes = Loaded.PRISM.tokenize(code, grammar);
    } catch (RuntimeException | StackOverflowError e) {
      // A grammar's regular expression that recursed too deep on this code, or Prism4j's own
      // check: the code is still shown, without colours.
      return null;
    }
    StringBuilder html = new StringBuilder(code.length() * 2);
    write(nodes, html);
    return html.toString();
  }

  private static void write(List<? extends Prism4j.Node> nodes, StringBuilder html) {
    for (Prism4j.Node node : nodes) {
      if (node instanceof Prism4j.Syntax syntax) {
        html.append("<span class=\"token ").append(syntax.type());
        if (syntax.alias() != null) html.append(' ').append(syntax.alias());
        html.append("\">");
        write(syntax.children(), html);
        html.append("</span>");
      } else {
        escape(((Prism4j.Text) node).literal(), html);
      }
    }
  }

  /** Escapes as flexmark escapes the text of a code block: {@code & < > "}. */
  static void escape(String text, StringBuilder html) {
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> html.append("&amp;");
        case '<' -> html.append("&lt;");
        case '>' -> html.append("&gt;");
        case '"' -> html.append("&quot;");
        default -> html.append(c);
      }
    }
  }

  /** All grammars, built when the first code is highlighted. */
  private static final class Loaded {
    static final Prism4j PRISM;
    static final Map<String, Prism4j.Grammar> GRAMMARS;

    static {
      Grammars locator = new Grammars();
      PRISM = new Prism4j(locator);
      Map<String, Prism4j.Grammar> grammars = new HashMap<>();
      for (String name : Set.copyOf(LANGUAGES.values())) {
        Prism4j.Grammar grammar = PRISM.grammar(name);
        if (grammar == null) throw new IllegalStateException("no grammar for " + name);
        grammars.put(name, grammar);
      }
      GRAMMARS = Map.copyOf(grammars);
    }
  }
}
