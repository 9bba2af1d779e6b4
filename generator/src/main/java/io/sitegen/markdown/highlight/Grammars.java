package io.sitegen.markdown.highlight;

import io.noties.prism4j.Prism4j;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds a grammar by its Prism name: the bundled ones through the locator prism4j-bundler
 * generates ({@link Bundled}), and the languages it lacks from the grammars written in this
 * package. Its cache (a HashMap, inherited) is filled once, on one thread, by
 * {@link Highlighter}'s loading; no grammar is looked up after that.
 */
final class Grammars extends BundledGrammars {
  /** The languages whose grammars are written in this package. */
  static final Set<String> OWN = Set.of("bash", "diff", "docker", "haskell", "rust", "toml", "typescript");

  @Override
  protected Prism4j.Grammar obtainGrammar(Prism4j prism4j, String name) {
    switch (name) {
      case "bash": return Bash.create(prism4j);
      case "diff": return Diff.create(prism4j);
      case "docker": return Docker.create(prism4j);
      case "haskell": return Haskell.create(prism4j);
      case "rust": return Rust.create(prism4j);
      case "toml": return Toml.create(prism4j);
      case "typescript": return TypeScript.create(prism4j);
      default: return super.obtainGrammar(prism4j, name);
    }
  }

  @Override
  public Set<String> languages() {
    Set<String> all = new TreeSet<>(super.languages());
    all.addAll(OWN);
    return all;
  }
}
