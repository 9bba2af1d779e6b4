package io.sitegen.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitegen.config.SiteConfig;
import io.sitegen.problems.Problem;
import io.sitegen.problems.Problems;
import io.sitegen.testing.TestSite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** i18n/LANG.yml: the strings of each declared language, as written, and each way a file can be wrong, located. */
class StringTablesTest {
  @TempDir
  Path dir;

  private TestSite site;
  private Problems problems = new Problems();

  @BeforeEach
  void site() {
    site = new TestSite(dir).write("site.yml",
        "languages: {en: {name: English}, pl: {name: Polski}, fr: {name: Français}}\n");
  }

  private StringTables load() {
    problems = new Problems();
    return StringTables.load(SiteConfig.load(dir, new Problems()), dir.resolve("_site"), problems);
  }

  private List<String> problems() {
    return problems.sorted().stream().map(Problem::toString).toList();
  }

  @Test
  void nestedMappingsAreKeysWithDotsAndTextsAreKeptAsWritten() {
    site.write("i18n/en.yml", """
        nav:
          docs: Docs
          sub: {deeper: Deep}
        footer.note: "Made with care"
        version: 1.10
        yes: true
        count: 007
        multi: |
          two
          lines
        """)
        .write("i18n/pl.yml", "nav: {docs: Dokumentacja}\n");
    StringTables tables = load();
    assertThat(problems()).isEmpty();
    assertThat(tables.tables().get("en")).containsExactly(Map.entry("nav.docs", "Docs"),
        Map.entry("nav.sub.deeper", "Deep"), Map.entry("footer.note", "Made with care"), Map.entry("version", "1.10"),
        Map.entry("yes", "true"), Map.entry("count", "007"), Map.entry("multi", "two\nlines\n"));
    assertThat(tables.text("pl", "nav.docs")).isEqualTo("Dokumentacja");
    assertThat(tables.text("PL", "nav.docs")).as("codes without case").isEqualTo("Dokumentacja");
    assertThat(tables.text("pl", "version")).as("no fallback here").isNull();
    assertThat(tables.text("fr", "nav.docs")).as("a language without a file has no strings").isNull();
    // every declared language, in the declared order
    assertThat(tables.tables().keySet()).containsExactly("en", "pl", "fr");
    assertThat(tables.defaultCode()).isEqualTo("en");
    assertThat(tables.codeOf(null)).isEqualTo("en");
    assertThat(tables.codeOf("Fr")).isEqualTo("fr");
  }

  @Test
  void aFileOfNoDeclaredLanguageIsAWarningAndNotRead() {
    site.write("i18n/de.yml", "nav: {docs: Dokumentation\n") // not even read: its bad YAML is not told
        .write("i18n/en.yml", "a: A\n")
        .write("i18n/PL.yml", "a: Ą\n")
        .write("i18n/README.md", "How to translate: left alone\n")
        .write("i18n/.pl.yml.swp", "editor's\n")
        .write("i18n/pl/nav.yml", "docs: Dokumentacja\n");
    StringTables tables = load();
    assertThat(problems()).containsExactly(
        "i18n/de.yml: warning: no language de in site.yml's languages",
        "i18n/pl/nav.yml: warning: not read: the strings of a language are in i18n/LANG.yml, such as i18n/en.yml");
    assertThat(tables.text("pl", "a")).isEqualTo("Ą");
    assertThat(tables.tables()).containsOnlyKeys("en", "pl", "fr");
  }

  @Test
  void onASiteWithoutLanguagesTheWordsAreEnglish() {
    site.write("site.yml", "title: One language\n").write("i18n/en.yml", "a: A\n").write("i18n/de.yml", "a: Ä\n");
    StringTables tables = load();
    assertThat(problems()).containsExactly("i18n/de.yml: warning: site.yml declares no languages, so the site's"
        + " words are English, from i18n/en.yml: declare languages to use de");
    assertThat(tables.tables()).containsOnlyKeys("en");
    assertThat(tables.defaultCode()).isEqualTo("en");
    assertThat(tables.text(null, "a")).isNull();
    assertThat(tables.text(tables.codeOf(null), "a")).isEqualTo("A");
  }

  @Test
  void twoFilesOfOneLanguageAreAnError() {
    site.write("i18n/pl.yml", "a: A\n").write("i18n/pl.yaml", "a: B\n");
    StringTables tables = load();
    assertThat(problems()).containsExactly("i18n/pl.yml: the strings of pl are in i18n/pl.yaml too; keep one");
    assertThat(tables.text("pl", "a")).isEqualTo("B");
  }

  @Test
  void badYamlIsAnErrorAtItsLineAndColumn() {
    site.write("i18n/en.yml", "a: A\n").write("i18n/pl.yml", "nav:\n  docs: [Dokumentacja\nnext: x\n");
    StringTables tables = load();
    assertThat(problems()).containsExactly("i18n/pl.yml:3:5: YAML: expected ',' or ']', but got :");
    assertThat(tables.tables().get("pl")).isEmpty();
    assertThat(tables.text("en", "a")).isEqualTo("A");
    site.write("i18n/pl.yml", "a: 1\na: 2\n");
    load();
    assertThat(problems()).singleElement().asString().startsWith("i18n/pl.yml:2:1: YAML: ").contains("duplicate key a");
  }

  @Test
  void aValueThatIsNotTextIsAnErrorAtItsLine() {
    site.write("i18n/pl.yml", """
        nav:
          docs: Dokumentacja
          items:
            - one
            - two
        empty:
        title: Tytuł
        nav.docs: again
        ? [a, b]
        : c
        """);
    StringTables tables = load();
    assertThat(problems()).containsExactly(
        "i18n/pl.yml:4:5: nav.items: expected text, found a list",
        "i18n/pl.yml:6:7: empty: expected text, found nothing",
        "i18n/pl.yml:8:1: nav.docs: written twice; the first is at line 2",
        "i18n/pl.yml:9:3: a key must be text, found a list");
    assertThat(tables.tables().get("pl")).containsExactly(Map.entry("nav.docs", "Dokumentacja"),
        Map.entry("title", "Tytuł"));
  }

  @Test
  void aFileThatIsNotAMappingIsAnErrorAtItsFirstLine() {
    site.write("i18n/pl.yml", "- a\n- b\n").write("i18n/fr.yml", "").write("i18n/en.yml", "just text\n");
    StringTables tables = load();
    assertThat(problems()).containsExactly(
        "i18n/en.yml:1:1: expected key: text pairs, such as nav.docs: Docs, found a single value",
        "i18n/pl.yml:1:1: expected key: text pairs, such as nav.docs: Docs, found a list");
    assertThat(tables.tables().get("fr")).as("an empty file has no strings, and nothing wrong").isEmpty();
  }

  @Test
  void aFileThatIsNotUtf8IsAnError() {
    site.write("i18n/pl.yml", "a: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    load();
    assertThat(problems()).containsExactly("i18n/pl.yml: not valid UTF-8 text");
  }

  @Test
  void aSymlinkOutOfTheSiteIsRefusedAndNeverRead() throws Exception {
    Path outside = Files.createTempDirectory("sitegen-outside-");
    try {
      Files.writeString(outside.resolve("pl.yml"), "token: s3cret\n");
      site.write("i18n/en.yml", "a: A\n").write("data/fr.yml", "a: Le A\n");
      Files.createSymbolicLink(dir.resolve("i18n/pl.yml"), outside.resolve("pl.yml"));
      // a link inside the site is read, as data/ reads one
      Files.createSymbolicLink(dir.resolve("i18n/fr.yml"), dir.resolve("data/fr.yml"));
      StringTables tables = load();
      assertThat(problems()).containsExactly("i18n/pl.yml: symlink to a file outside the site");
      assertThat(tables.tables().toString()).doesNotContain("s3cret");
      assertThat(tables.text("fr", "a")).isEqualTo("Le A");

      Files.delete(dir.resolve("i18n/pl.yml"));
      Files.delete(dir.resolve("i18n/fr.yml"));
      Files.delete(dir.resolve("i18n/en.yml"));
      Files.delete(dir.resolve("i18n"));
      Files.createSymbolicLink(dir.resolve("i18n"), outside);
      tables = load();
      assertThat(problems()).containsExactly("i18n: symlink to a folder outside the site");
      assertThat(tables.tables().toString()).doesNotContain("s3cret");
    } finally {
      Files.deleteIfExists(outside.resolve("pl.yml"));
      Files.deleteIfExists(outside);
    }
  }

  @Test
  void aMissingFolderIsNoStrings() {
    StringTables tables = load();
    assertThat(problems()).isEmpty();
    assertThat(tables.tables()).containsOnlyKeys("en", "pl", "fr");
    assertThat(tables.tables().values()).allMatch(Map::isEmpty);
  }
}
