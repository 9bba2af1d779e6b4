package io.sitegen.markdown.highlight;

import io.noties.prism4j.annotations.PrismBundle;

/**
 * The grammars that prism4j-bundler (an annotation processor, see generator/pom.xml) copies into
 * the build from its own jar, and the {@code BundledGrammars} locator it generates for them. The
 * languages Prism4j does not bundle are written in this package: see {@link Grammars}.
 */
@PrismBundle(
    include = {"clike", "c", "cpp", "java", "kotlin", "swift", "javascript", "python", "go", "json",
        "yaml", "markup", "css", "sql"},
    grammarLocatorClassName = ".BundledGrammars")
final class Bundled {
  private Bundled() {}
}
