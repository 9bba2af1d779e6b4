package io.sitegen.templates;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitegen.config.SiteConfig;
import io.sitegen.data.StringTables;
import io.sitegen.files.SiteFiles;
import io.sitegen.problems.Problem;
import io.sitegen.problems.Problems;
import io.sitegen.testing.TestSite;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** i18n("key") in layouts: the page's language, the default's text when it has none, and where a missing key is asked. */
class I18nTest {
  @TempDir
  Path root;

  private TestSite site;

  @BeforeEach
  void site() {
    site = new TestSite(root)
        .write("site.yml", "languages: {en: {name: English}, pl: {name: Polski}, fr: {name: Français}}\n")
        .write("i18n/en.yml", "nav:\n  docs: Docs\n  blog: Blog\nfooter: Made with <care>\nonly.en: Only in English\n")
        .write("i18n/pl.yml", "nav:\n  docs: Dokumentacja\n  blog: Blog po polsku\nfooter: Zrobione z <troską>\n")
        .write("i18n/fr.yml", "nav: {docs: Documentation}\n");
  }

  private Layouts layouts() {
    Problems problems = new Problems();
    SiteConfig config = SiteConfig.load(root, problems);
    assertThat(problems.sorted()).isEmpty();
    Layouts layouts = new Layouts(root, root.resolve("layouts"), new SiteFiles(root, List.of(root.resolve("content"),
        root.resolve("layouts"), root.resolve("assets")), List.of(root.resolve("_site"))));
    StringTables tables = StringTables.load(config, root.resolve("_site"), problems);
    assertThat(problems.sorted()).isEmpty();
    layouts.strings(tables);
    return layouts;
  }

  private static Map<String, Object> page(String lang) {
    Map<String, Object> page = new HashMap<>();
    page.put("title", "A page");
    page.put("lang", lang);
    return Map.of("page", page);
  }

  private static List<String> warnings(Layouts.Result result) {
    assertThat(result.problem()).isNull();
    return result.warnings().stream().map(Problem::toString).toList();
  }

  @Test
  void theTextIsInThePagesLanguageAndEscaped() {
    site.write("layouts/base.html", "<a>{{ i18n(\"nav.docs\") }}</a><b>{{ i18n('footer') }}</b>");
    Layouts layouts = layouts();
    Layouts.Result pl = layouts.render("layouts/base.html", page("pl"), "content/a.pl.md");
    assertThat(pl.html()).isEqualTo("<a>Dokumentacja</a><b>Zrobione z &lt;troską&gt;</b>");
    assertThat(warnings(pl)).isEmpty();
    assertThat(layouts.render("layouts/base.html", page("en"), "content/a.md").html())
        .isEqualTo("<a>Docs</a><b>Made with &lt;care&gt;</b>");
    // a code is compared without case, as site.yml's are
    assertThat(layouts.render("layouts/base.html", page("PL"), "content/a.md").html()).startsWith("<a>Dokumentacja</a>");
  }

  @Test
  void aPageWithoutALanguageGetsTheDefaultLanguage() {
    site.write("layouts/base.html", "{{ i18n(\"nav.docs\") }}");
    Layouts layouts = layouts();
    assertThat(layouts.render("layouts/base.html", page(null), "content/a.md").html()).isEqualTo("Docs");
    assertThat(layouts.render("layouts/base.html", Map.of(), "the blog index").html()).isEqualTo("Docs");
    assertThat(layouts.render("layouts/base.html", Map.of("page", "not a map"), "x").html()).isEqualTo("Docs");
  }

  @Test
  void aKeyMissingInThePagesLanguageTakesTheDefaultsTextWithAWarningAtItsLine() {
    site.write("layouts/base.html", "<nav>\n  {{ i18n(\"nav.docs\") }}\n  {{ i18n(\"nav.blog\") }}\n</nav>\n");
    Layouts.Result fr = layouts().render("layouts/base.html", page("fr"), "content/a.fr.md");
    assertThat(fr.html()).isEqualTo("<nav>\n  Documentation\n  Blog\n</nav>\n");
    assertThat(warnings(fr))
        .containsExactly("layouts/base.html:3: warning: i18n key \"nav.blog\" has no text in fr; the en text is used");
  }

  @Test
  void aKeyMissingInTheDefaultLanguageTooIsShownWithAWarning() {
    site.write("layouts/base.html", "{{ i18n(\"nav.blog\") }}\n{{ i18n(\"nav.search\") }}|{{ i18n(\"only.en\") }}");
    Layouts layouts = layouts();
    Layouts.Result fr = layouts.render("layouts/base.html", page("fr"), "content/a.fr.md");
    assertThat(fr.html()).isEqualTo("Blog\nnav.search|Only in English");
    assertThat(warnings(fr)).containsExactly(
        "layouts/base.html:1: warning: i18n key \"nav.blog\" has no text in fr; the en text is used",
        "layouts/base.html:2: warning: i18n key \"nav.search\" has no text in fr nor in en (the default); the key is shown",
        "layouts/base.html:2: warning: i18n key \"only.en\" has no text in fr; the en text is used");
    Layouts.Result en = layouts.render("layouts/base.html", page("en"), "content/a.md");
    assertThat(en.html()).isEqualTo("Blog\nnav.search|Only in English");
    assertThat(warnings(en)).containsExactly(
        "layouts/base.html:2: warning: i18n key \"nav.search\" has no text in en (the default); the key is shown");
  }

  @Test
  void aKeyAskedTwiceIsOneWarningPerLine() {
    site.write("layouts/base.html", "{{ i18n(\"nav.search\") }}{{ i18n(\"nav.search\") }}\n{{ i18n('nav.search') }}\n");
    Layouts.Result result = layouts().render("layouts/base.html", page("pl"), "content/a.pl.md");
    assertThat(result.html()).isEqualTo("nav.searchnav.search\nnav.search\n");
    assertThat(warnings(result)).containsExactly(
        "layouts/base.html:1: warning: i18n key \"nav.search\" has no text in pl nor in en (the default); the key is shown",
        "layouts/base.html:2: warning: i18n key \"nav.search\" has no text in pl nor in en (the default); the key is shown");
  }

  @Test
  void aWarningNamesTheFileOfTheLayoutThatAsks() {
    site.write("layouts/base.html", "<html>\n<nav>{% include \"layouts/partials/nav.html\" %}</nav>\n"
            + "<main>{% block main %}{% endblock %}</main>\n</html>\n")
        .write("layouts/partials/nav.html", "<a>{{ i18n(\"nav.docs\") }}</a>\n<a>{{ i18n(\"nav.blog\") }}</a>\n")
        .write("layouts/article.html", "{% extends \"layouts/base.html\" %}\n\n{% block main %}\n"
            + "<p>{{ i18n(\"article.by\") }}</p>\n{% endblock %}\n")
        .write("layouts/macros.html", "{% macro label() %}\n\n{{ i18n(\"macro.label\") }}{{ i18n(\"nav.docs\") }}"
            + "{% endmacro %}\n")
        .write("layouts/with-macro.html", "{% import \"layouts/macros.html\" %}\n{{ label() }}\n");
    Layouts layouts = layouts();
    Layouts.Result fr = layouts.render("layouts/article.html", page("fr"), "content/a.fr.md");
    assertThat(fr.html()).contains("<a>Documentation</a>\n<a>Blog</a>", "<p>article.by</p>");
    assertThat(warnings(fr)).containsExactlyInAnyOrder(
        "layouts/partials/nav.html:2: warning: i18n key \"nav.blog\" has no text in fr; the en text is used",
        "layouts/article.html:4: warning: i18n key \"article.by\" has no text in fr nor in en (the default);"
            + " the key is shown");
    // a macro sees only its arguments: it takes the language of the page the layout renders
    Layouts.Result macro = layouts.render("layouts/with-macro.html", page("pl"), "content/a.pl.md");
    assertThat(macro.html()).contains("macro.labelDokumentacja");
    assertThat(warnings(macro)).containsExactly(
        "layouts/macros.html:3: warning: i18n key \"macro.label\" has no text in pl nor in en (the default);"
            + " the key is shown");
  }

  @Test
  void aKeyWorkedOutWhileRenderingIsToldAtTheLinePebbleGives() {
    site.write("layouts/base.html", "<p>\n{{ i18n(\"nav.\" ~ page.title) }}\n</p>\n");
    Layouts.Result result = layouts().render("layouts/base.html", page("pl"), "content/a.pl.md");
    assertThat(result.html()).isEqualTo("<p>\nnav.A page\n</p>\n");
    assertThat(warnings(result)).containsExactly("layouts/base.html:2: warning: i18n key \"nav.A page\" has no text in"
        + " pl nor in en (the default); the key is shown");
  }

  @Test
  void aCallWithoutAKeyIsAnErrorAtItsLine() {
    site.write("layouts/base.html", "<p>\n{{ i18n() }}\n</p>\n");
    Layouts.Result result = layouts().render("layouts/base.html", page("pl"), "content/a.pl.md");
    assertThat(result.problem().toString()).startsWith("layouts/base.html:2: template: i18n needs a key");
  }

  @Test
  void onASiteWithoutLanguagesTheWordsAreEnglish() {
    site.write("site.yml", "title: One language\n").delete("i18n/pl.yml").delete("i18n/fr.yml")
        .write("i18n/en.yml", "nav: {docs: Docs}\n")
        .write("layouts/base.html", "{{ i18n(\"nav.docs\") }} {{ i18n(\"nav.blog\") }}");
    Layouts.Result result = layouts().render("layouts/base.html", page(null), "content/a.md");
    assertThat(result.html()).isEqualTo("Docs nav.blog");
    assertThat(warnings(result)).containsExactly(
        "layouts/base.html:1: warning: i18n key \"nav.blog\" has no text in en (the default); the key is shown");
  }

  @Test
  void aRenderingNotAskedForWarningsRecordsNone() {
    site.write("layouts/base.html", "{{ i18n(\"nav.search\") }}");
    Layouts layouts = layouts();
    assertThat(warnings(layouts.render("layouts/base.html", page("pl"), "a"))).hasSize(1);
    // each rendering has its own: the next one starts empty
    site.write("layouts/other.html", "{{ i18n(\"nav.docs\") }}");
    assertThat(warnings(layouts.render("layouts/other.html", page("pl"), "b"))).isEmpty();
    assertThat(I18n.RENDERING.get()).isNull();
  }
}
