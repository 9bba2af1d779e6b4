package io.sitegen.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitegen.pipeline.BuildOptions;
import io.sitegen.pipeline.BuildResult;
import io.sitegen.pipeline.SiteBuilder;
import io.sitegen.problems.Problem;
import io.sitegen.testing.Snapshot;
import io.sitegen.testing.TestSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** i18n/ in builds: each page's strings in its language, missing keys told once per layout line, cached builds follow changes. */
class I18nBuildTest {
  @TempDir
  Path dir;

  @TempDir
  Path outputs;

  private TestSite site;

  @BeforeEach
  void site() {
    site = TestSite.withLayouts(dir)
        .write("site.yml", "title: Strings\nbaseUrl: https://example.org\n"
            + "languages: {en: {name: English}, pl: {name: Polski}, fr: {name: Français}}\n"
            + "defaults:\n  - scope: {path: ''}\n    values: {layout: article}\n")
        .write("layouts/partials/nav.html", "<nav>{{ i18n(\"nav.docs\") }}|{{ i18n(\"nav.blog\") }}</nav>")
        .write("i18n/en.yml", "nav:\n  docs: Docs\n  blog: Blog\n")
        .write("i18n/pl.yml", "nav:\n  docs: Dokumentacja\n  blog: Blog po polsku\n")
        .write("i18n/fr.yml", "nav:\n  docs: Documentation\n")
        .write("content/index.md", "---\ntitle: Home\n---\nHome.\n")
        .write("content/docs.md", "---\ntitle: Docs\n---\nDocs.\n")
        .write("content/index.pl.md", "---\ntitle: Start\nlang: pl\n---\nStart.\n")
        .write("content/index.fr.md", "---\ntitle: Accueil\nlang: fr\n---\nAccueil.\n")
        .write("content/docs.fr.md", "---\ntitle: Docs\nlang: fr\n---\nDocs.\n");
  }

  private BuildOptions options(String output) {
    return BuildOptions.of(dir).withOutput(outputs.resolve(output));
  }

  private String page(String output, String path) throws Exception {
    return Files.readString(outputs.resolve(output).resolve(path));
  }

  private static Map<String, String> files(Path output) {
    Map<String, String> files = new TreeMap<>(Snapshot.of(output));
    files.remove(".sitegen-output");
    return files;
  }

  @Test
  void eachPageHasTheStringsOfItsLanguageAndAMissingKeyIsToldOncePerLayoutLine() throws Exception {
    BuildResult result = SiteBuilder.build(options("out"));
    assertThat(page("out", "index.html")).contains("<nav>Docs|Blog</nav>");
    assertThat(page("out", "index.pl.html")).contains("<nav>Dokumentacja|Blog po polsku</nav>");
    assertThat(page("out", "index.fr.html")).contains("<nav>Documentation|Blog</nav>");
    assertThat(result.ok()).isTrue();
    assertThat(result.problems()).extracting(Problem::toString).containsExactly(
        "layouts/partials/nav.html:1: warning: i18n key \"nav.blog\" has no text in fr; the en text is used (on 2 pages)");
  }

  @Test
  void theBlogIndexTagPagesAndThe404PageHaveTheDefaultLanguagesStrings() throws Exception {
    site.write("content/blog/one.md", "---\ntitle: One\ndate: 2024-01-01\ntags: [news]\n---\nOne.\n")
        .write("layouts/tag.html", "{% extends \"layouts/base.html\" %}{% block main %}{{ i18n(\"tag.title\") }}"
            + "{% endblock %}")
        .write("layouts/tags.html", "{% extends \"layouts/base.html\" %}{% block main %}{{ i18n(\"nav.docs\") }}"
            + "{% endblock %}")
        .write("layouts/404.html", "{% extends \"layouts/base.html\" %}{% block main %}{{ i18n(\"nav.missing\") }}"
            + "{% endblock %}")
        .write("i18n/en.yml", "nav:\n  docs: Docs\n  blog: Blog\n  missing: Not here\ntag.title: Tagged\n");
    BuildResult result = SiteBuilder.build(options("out"));
    assertThat(page("out", "blog/index.html")).contains("<nav>Docs|Blog</nav>");
    assertThat(page("out", "tags/news/index.html")).contains("<nav>Docs|Blog</nav>", "Tagged");
    assertThat(page("out", "tags/index.html")).contains("<main>Docs</main>");
    assertThat(page("out", "404.html")).contains("<nav>Docs|Blog</nav>", "Not here");
    assertThat(result.problems()).extracting(Problem::toString).containsExactly(
        "layouts/partials/nav.html:1: warning: i18n key \"nav.blog\" has no text in fr; the en text is used (on 2 pages)");

    // a key the default language lacks: the key shown, and told for the blog's pages too
    site.write("layouts/blog.html", site.read("layouts/blog.html").replace("{% block main %}",
        "{% block main %}{{ i18n(\"blog.heading\") }}"));
    result = SiteBuilder.build(options("out"));
    assertThat(page("out", "blog/index.html")).contains("blog.heading");
    assertThat(result.problems()).extracting(Problem::toString).contains(
        "layouts/blog.html:2: warning: i18n key \"blog.heading\" has no text in en (the default); the key is shown"
            + " (on 1 page)");
  }

  @Test
  void aCachedBuildShowsTheNewTextAfterAStringTableChanges() throws Exception {
    assertThat(SiteBuilder.build(options("warm").withCache(true)).ok()).isTrue();
    assertThat(SiteBuilder.build(options("warm").withCache(true)).ok()).isTrue(); // nothing changed: reused
    site.write("i18n/pl.yml", "nav:\n  docs: Dokumenty\n  blog: Dziennik\n");
    BuildResult warm = SiteBuilder.build(options("warm").withCache(true));
    assertThat(warm.ok()).isTrue();
    assertThat(page("warm", "index.pl.html")).contains("<nav>Dokumenty|Dziennik</nav>");
    assertThat(page("warm", "index.html")).contains("<nav>Docs|Blog</nav>");
    assertThat(SiteBuilder.build(options("fresh")).ok()).isTrue();
    assertThat(files(outputs.resolve("warm"))).isEqualTo(files(outputs.resolve("fresh")));

    // a key added to a language, then a table deleted, are changes too
    site.write("i18n/fr.yml", "nav:\n  docs: Documentation\n  blog: Journal\n");
    BuildResult added = SiteBuilder.build(options("warm").withCache(true));
    assertThat(page("warm", "docs.fr.html")).contains("<nav>Documentation|Journal</nav>");
    assertThat(added.problems()).isEmpty();
    Files.delete(dir.resolve("i18n/pl.yml"));
    BuildResult deleted = SiteBuilder.build(options("warm").withCache(true));
    assertThat(page("warm", "index.pl.html")).contains("<nav>Docs|Blog</nav>");
    assertThat(deleted.problems()).extracting(Problem::toString).containsExactlyInAnyOrder(
        "layouts/partials/nav.html:1: warning: i18n key \"nav.docs\" has no text in pl; the en text is used (on 1 page)",
        "layouts/partials/nav.html:1: warning: i18n key \"nav.blog\" has no text in pl; the en text is used (on 1 page)");
    SiteBuilder.build(options("fresh"));
    assertThat(files(outputs.resolve("warm"))).isEqualTo(files(outputs.resolve("fresh")));
  }

  @Test
  void aPageWithAMissingKeyIsRenderedAgainByEveryCachedBuildSoItsWarningIsToldAgain() throws Exception {
    String warning =
        "layouts/partials/nav.html:1: warning: i18n key \"nav.blog\" has no text in fr; the en text is used (on 2 pages)";
    assertThat(SiteBuilder.build(options("warm").withCache(true)).problems()).extracting(Problem::toString)
        .containsExactly(warning);
    // another page changed: the build runs, and reuses what it can; not the pages with a warning
    site.write("content/docs.md", "---\ntitle: Docs\n---\nDocs, changed.\n");
    assertThat(SiteBuilder.build(options("warm").withCache(true)).problems()).extracting(Problem::toString)
        .containsExactly(warning);
  }

  @Test
  void aTableOfNoDeclaredLanguageIsAWarningAndBadYamlFailsTheBuildAtItsLine() {
    site.write("i18n/de.yml", "nav: {docs: Dokumentation}\n");
    BuildResult result = SiteBuilder.build(options("out"));
    assertThat(result.ok()).isTrue();
    assertThat(result.problems()).extracting(Problem::toString)
        .contains("i18n/de.yml: warning: no language de in site.yml's languages");

    site.write("i18n/pl.yml", "nav:\n  docs: [Dokumentacja\n");
    result = SiteBuilder.build(options("out"));
    assertThat(result.ok()).isFalse();
    assertThat(result.problems()).extracting(Problem::toString)
        .anyMatch(p -> p.startsWith("i18n/pl.yml:3:1: YAML: "));
    TestSite.Run run = site.run("build");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("i18n/pl.yml:3:1: YAML: ");
  }

  @Test
  void theOutputFolderCanNeverBeTheI18nFolder() {
    TestSite.Run run = site.run("build", "-o", dir.resolve("i18n").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("the output folder must not be i18n");
    assertThat(site.read("i18n/pl.yml")).contains("Dokumentacja");
    assertThat(SiteBuilder.outputProblem(options("x").withOutput(dir.resolve("i18n/sub")))).contains("inside i18n");
  }

  @Test
  void aRepositorysOwnI18nFolderIsLeftToItWithI18nDir() throws Exception {
    // a site in one language, in a repository whose app keeps its strings in i18n/ (English has a list)
    String settings = site.read("site.yml");
    site.write("site.yml", "title: Strings\ndefaults:\n  - scope: {path: ''}\n    values: {layout: article}\n")
        .write("i18n/en.yml", "app:\n  items:\n    - one\n    - two\n");
    BuildResult mixed = SiteBuilder.build(options("mixed"));
    assertThat(mixed.problems()).extracting(Problem::toString).contains(
        "i18n/en.yml:3:5: app.items: expected text, found a list",
        "site.yml: warning: if i18n/ holds files other than the layouts' words, name another folder for those with"
            + " i18nDir (such as i18nDir: site/i18n)");

    site.write("site.yml", settings + "i18nDir: site/i18n\n")
        .write("site/i18n/pl.yml", "nav:\n  docs: Dokumentacja\n  blog: Blog po polsku\n")
        .write("site/i18n/en.yml", "nav:\n  docs: Docs\n  blog: Blog\n")
        .write("site/i18n/fr.yml", "nav:\n  docs: Documentation\n  blog: Blogue\n");
    BuildResult moved = SiteBuilder.build(options("moved"));
    assertThat(moved.problems()).isEmpty();
    assertThat(page("moved", "index.pl.html")).contains("<nav>Dokumentacja|Blog po polsku</nav>");
    assertThat(SiteBuilder.outputProblem(BuildOptions.of(dir).withOutput(dir.resolve("site/i18n"))))
        .as("the moved folder is a source, never an output").isNotNull();
  }

  @Test
  void i18nDirOutsideTheSiteIsAnError() {
    for (String bad : new String[] {"../strings", "/etc", ".secret", "a/../../b"}) {
      site.write("site.yml", "title: T\ni18nDir: \"" + bad + "\"\n");
      assertThat(SiteBuilder.build(options("bad")).problems()).extracting(Problem::toString).as(bad).containsExactly(
          "site.yml:2: i18nDir: expected a folder inside the site such as i18n or site/i18n, found '" + bad + "'");
    }
  }

  @Test
  void aTableThatCannotBeReadIsToldOnceNotByEveryKey() {
    site.write("i18n/pl.yml", "nav:\n  docs: [Dokumentacja\n");
    assertThat(SiteBuilder.build(options("broken")).problems()).extracting(Problem::toString)
        .allMatch(p -> p.startsWith("i18n/pl.yml:") || p.contains("has no text in fr"))
        .anyMatch(p -> p.startsWith("i18n/pl.yml:"));
  }

  @Test
  void i18nDirThatIsAFileIsAnErrorAndOneThatIsMissingAWarning() {
    site.write("site.yml", "title: T\ni18nDir: site.yml\n");
    assertThat(SiteBuilder.build(options("file")).problems()).extracting(Problem::toString).containsExactly(
        "site.yml:2: i18nDir: site.yml is a file, not a folder");
    site.write("site.yml", "title: T\ni18nDir: site/i18m\n");
    assertThat(SiteBuilder.build(options("missing")).problems()).extracting(Problem::toString).contains(
        "site.yml:2: warning: i18nDir: site/i18m does not exist (yet)");
  }
}
