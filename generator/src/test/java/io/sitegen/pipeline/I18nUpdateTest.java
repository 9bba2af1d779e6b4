package io.sitegen.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitegen.config.SiteConfig;
import io.sitegen.output.MemoryOutput;
import io.sitegen.problems.Problem;
import io.sitegen.testing.TestSite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** site serve and i18n/: a change to a string table, or the folder made later, renders every page again. */
class I18nUpdateTest {
  @TempDir
  Path dir;

  @Test
  void filesUnderI18nAndTheFolderItselfAreAChangeThatRunsEverything() {
    Path root = Path.of("/site");
    SiteConfig config = SiteConfig.defaults(root);
    for (String path : List.of("i18n/pl.yml", "i18n/en.yaml", "i18n/README.md", "i18n/pl/nav.yml", "i18n")) {
      Changes c = Changes.classify(config, List.of(root.resolve(path)));
      assertThat(c.data()).as(path).isTrue();
      assertThat(c.none()).as(path).isFalse();
    }
    for (String path : List.of("i18n/.pl.yml.swp", "i18n/pl.yml~", "i18n/#pl.yml#", "i18n18/x.yml",
        "content/i18n/pl.yml")) {
      assertThat(Changes.classify(config, List.of(root.resolve(path))).data()).as(path).isFalse();
    }
    assertThat(Changes.classify(config, List.of(root.resolve("content/i18n/pl.yml"))).files())
        .containsExactly("i18n/pl.yml");
  }

  private static String text(MemoryOutput out, String path) {
    byte[] bytes = out.get(path);
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }

  @Test
  void aChangedStringTableIsRenderedOnEveryPageOfItsLanguage() throws Exception {
    TestSite site = TestSite.withLayouts(dir)
        .write("site.yml", "baseUrl: https://example.org\nlanguages: {en: {name: English}, pl: {name: Polski}}\n"
            + "defaults:\n  - scope: {path: ''}\n    values: {layout: article}\n")
        .write("layouts/partials/nav.html", "<nav>{{ i18n(\"nav.docs\") }}</nav>")
        .write("content/index.md", "# Home\n")
        .write("content/index.pl.md", "---\nlang: pl\n---\n# Start\n");
    Session session = new Session(BuildOptions.of(dir), true);
    MemoryOutput out = new MemoryOutput();
    // no i18n/ yet: the key is shown, with a warning
    BuildResult first = session.build(out);
    out.commit();
    assertThat(text(out, "index.pl.html")).contains("<nav>nav.docs</nav>");
    assertThat(first.problems()).extracting(Problem::toString).containsExactlyInAnyOrder(
        "layouts/partials/nav.html:1: warning: i18n key \"nav.docs\" has no text in pl nor in en (the default);"
            + " the key is shown (on 1 page)",
        "layouts/partials/nav.html:1: warning: i18n key \"nav.docs\" has no text in en (the default); the key is shown"
            + " (on 1 page)");

    // the folder made, with a table: every page follows
    site.write("i18n/en.yml", "nav: {docs: Docs}\n");
    BuildResult made = session.update(List.of(dir.resolve("i18n"), dir.resolve("i18n/en.yml")), out);
    out.commit();
    assertThat(text(out, "index.html")).contains("<nav>Docs</nav>");
    assertThat(text(out, "index.pl.html")).contains("<nav>Docs</nav>");
    assertThat(made.problems()).extracting(Problem::toString).containsExactly(
        "layouts/partials/nav.html:1: warning: i18n key \"nav.docs\" has no text in pl; the en text is used (on 1 page)");

    site.write("i18n/pl.yml", "nav: {docs: Dokumentacja}\n");
    BuildResult added = session.update(List.of(dir.resolve("i18n/pl.yml")), out);
    out.commit();
    assertThat(text(out, "index.pl.html")).contains("<nav>Dokumentacja</nav>");
    assertThat(added.problems()).isEmpty();

    site.write("i18n/pl.yml", "nav: {docs: Dokumenty}\n");
    assertThat(session.update(List.of(dir.resolve("i18n/pl.yml")), out).problems()).isEmpty();
    out.commit();
    assertThat(text(out, "index.pl.html")).contains("<nav>Dokumenty</nav>");
    assertThat(text(out, "index.html")).contains("<nav>Docs</nav>");

    // a broken table is told at its line; fixed, it is followed again
    site.write("i18n/pl.yml", "nav: {docs: [Dokumenty}\n");
    BuildResult broken = session.update(List.of(dir.resolve("i18n/pl.yml")), out);
    assertThat(broken.ok()).isFalse();
    assertThat(broken.problems()).extracting(Problem::toString).anyMatch(p -> p.startsWith("i18n/pl.yml:1:"));
    out.commit();
    site.write("i18n/pl.yml", "nav: {docs: Dokumentacja}\n");
    assertThat(session.update(List.of(dir.resolve("i18n/pl.yml")), out).problems()).isEmpty();
    out.commit();
    assertThat(text(out, "index.pl.html")).contains("<nav>Dokumentacja</nav>");

    Files.delete(dir.resolve("i18n/pl.yml"));
    session.update(List.of(dir.resolve("i18n/pl.yml")), out);
    out.commit();
    assertThat(text(out, "index.pl.html")).contains("<nav>Docs</nav>");
    session.close();
  }
}
