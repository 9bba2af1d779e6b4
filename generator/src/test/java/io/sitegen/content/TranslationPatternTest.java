package io.sitegen.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitegen.config.SiteConfig;
import io.sitegen.problems.Problem;
import io.sitegen.problems.Problems;
import io.sitegen.testing.TestSite;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code translations.pattern} read as a test of site paths, and the settings' own checks. */
class TranslationPatternTest {
  @TempDir
  Path dir;

  private TranslationPattern pattern(String pattern) {
    new TestSite(dir).write("site.yml", "languages:\n  en: {name: English}\n  pl: {name: Polski}\n  fr: Français\n"
        + "  pt-BR: {name: Português}\n" + (pattern == null ? "" : "translations:\n  pattern: \"" + pattern + "\"\n"));
    Problems problems = new Problems();
    SiteConfig config = SiteConfig.load(dir, problems);
    assertThat(problems.sorted()).isEmpty();
    return new TranslationPattern(config.languages());
  }

  @Test
  void aFolderPerLanguageBesideTheOriginal() {
    TranslationPattern p = pattern("{dir}/lang/{lang}/{file}");
    assertThat(p.match("docs/lang/pl/SERVER.md")).isEqualTo(new TranslationPattern.Match("pl", "docs/SERVER.md"));
    assertThat(p.match("lang/fr/README.md")).isEqualTo(new TranslationPattern.Match("fr", "README.md"));
    assertThat(p.match("a/b/lang/PT-br/x.md")).as("codes compared without case, given as declared")
        .isEqualTo(new TranslationPattern.Match("pt-BR", "a/b/x.md"));
    assertThat(p.match("docs/SERVER.md")).isNull();
    assertThat(p.match("docs/lang/de/SERVER.md")).as("de is not declared").isNull();
    assertThat(p.undeclaredCode("docs/lang/de/SERVER.md")).isEqualTo("de");
    assertThat(p.undeclaredCode("docs/lang/pl/SERVER.md")).isNull();
    assertThat(p.undeclaredCode("docs/guide/x.md")).isNull();
  }

  @Test
  void aFolderPerLanguageAtTheTopNeverReadsAFolderAsALanguage() {
    TranslationPattern p = pattern("{lang}/{dir}/{file}");
    assertThat(p.match("pl/docs/SERVER.md")).isEqualTo(new TranslationPattern.Match("pl", "docs/SERVER.md"));
    assertThat(p.match("fr/index.md")).isEqualTo(new TranslationPattern.Match("fr", "index.md"));
    assertThat(p.match("docs/guide/x.md")).as("docs is no language").isNull();
    assertThat(p.undeclaredCode("docs/guide/x.md")).as("nothing fixed before {lang}: no error").isNull();
  }

  @Test
  void aLanguageInTheFileNameNeverReadsAVersionAsALanguage() {
    for (TranslationPattern p : new TranslationPattern[] {pattern("{dir}/{name}.{lang}.md"), pattern(null)}) {
      assertThat(p.match("docs/SERVER.pl.md")).isEqualTo(new TranslationPattern.Match("pl", "docs/SERVER.md"));
      assertThat(p.match("blog/v6.2.fr.md")).isEqualTo(new TranslationPattern.Match("fr", "blog/v6.2.md"));
      assertThat(p.match("blog/v6.2.md")).as("2 is no language").isNull();
      assertThat(p.undeclaredCode("blog/v6.2.md")).isNull();
      assertThat(p.match("notes.md")).isNull();
    }
  }

  @Test
  void badSettingsAreErrorsAtTheirLines() {
    new TestSite(dir).write("site.yml", """
        title: T
        languages:
          en: {name: English}
          english: {name: English}
          pl: {name: [Polski], blog: yes please}
        translations:
          pattern: "{dir}/{file}"
          preferSameLanguage: maybe
        """);
    Problems problems = new Problems();
    SiteConfig.load(dir, problems);
    assertThat(problems.sorted()).extracting(Problem::toString).containsExactly(
        "site.yml:4: languages: 'english' is not a language code such as en, pl or pt-BR",
        "site.yml:5: languages.pl.blog: expected true or false, found 'yes please'",
        "site.yml:5: languages.pl.name: expected text, such as Polski",
        "site.yml:7: translations.pattern: '{dir}/{file}' has no {lang}; for example {dir}/lang/{lang}/{file},"
            + " {lang}/{dir}/{file} or {dir}/{name}.{lang}.md",
        "site.yml:8: translations.preferSameLanguage: expected true or false, found 'maybe'");
  }

  @Test
  void translationsWithoutLanguagesIsAnError() {
    new TestSite(dir).write("site.yml", "title: T\ntranslations: {pattern: \"{lang}/{dir}/{file}\"}\n");
    Problems problems = new Problems();
    SiteConfig.load(dir, problems);
    assertThat(problems.sorted()).extracting(Problem::toString).containsExactly(
        "site.yml:2: translations: set languages too, the default language first, such as"
            + " {en: {name: English}, pl: {name: Polski}}");
  }

  @Test
  void aPatternThatCouldMatchNoMarkdownFileIsAnError() {
    new TestSite(dir).write("site.yml", "languages: [en, pl]\ntranslations: {pattern: \"{dir}/lang/{lang}/{file}.md\"}\n");
    Problems problems = new Problems();
    SiteConfig.load(dir, problems);
    assertThat(problems.sorted()).extracting(Problem::toString).as("one error for languages, none for translations")
        .containsExactly(
            "site.yml:1: languages: expected a mapping of codes to settings, such as {en: {name: English}, pl: {name: Polski}}",
            "site.yml:2: translations.pattern: '{dir}/lang/{lang}/{file}.md': {file} (the original's file name, .md"
                + " included) must end it");
  }
}
