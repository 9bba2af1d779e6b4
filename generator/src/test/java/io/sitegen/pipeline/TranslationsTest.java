package io.sitegen.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitegen.problems.Problem;
import io.sitegen.testing.TestSite;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site in three languages, its translations kept beside the originals as
 * {@code docs/lang/pl/SERVER.md}: what layouts see of each version, links between them, the blogs
 * of the languages and the sitemap.
 */
class TranslationsTest {
  @TempDir
  Path dir;

  private TestSite site;

  static final String SETTINGS = """
      baseUrl: https://example.org
      languages:
        en: {name: English}
        pl: {name: Polski, blog: true}
        fr: {name: Français}
      translations:
        pattern: "{dir}/lang/{lang}/{file}"
      defaults:
        - scope: {path: ''}
          values: {layout: page}
      """;

  @BeforeEach
  void fixture() {
    site = TestSite.withLayouts(dir)
        .write("site.yml", SETTINGS)
        .write("layouts/page.html", """
            {% extends "layouts/base.html" %}
            {% block main %}<div id="model">lang={{ page.lang }} original={{ page.original.url }} {{ page.original.lang }}\
             outdated={{ page.outdated }} versions={% for v in page.translations %}[{{ v.lang }} {{ v.name }} {{ v.url }}\
             {{ v.title }}{% if v.current %} current{% endif %}]{% endfor %}</div>
            {{ page.content }}{% endblock %}
            """)
        .write("content/docs/SERVER.md", "---\ntitle: Server\nrevision: 31.07.2023\n---\n# Server\n\n"
            + "See [the client](CLIENT.md).\n")
        .write("content/docs/CLIENT.md", "---\ntitle: Client\nrevision: 2023-05-01\n---\n# Client\n")
        .write("content/docs/images/diagram.png", TestSite.PNG)
        .write("content/docs/lang/pl/SERVER.md", "---\ntitle: Serwer\nrevision: 2023-07-31\n---\n# Serwer\n\n"
            + "Zobacz [klienta](CLIENT.md) i ![schemat](images/diagram.png).\n")
        .write("content/docs/lang/pl/CLIENT.md", "---\ntitle: Klient\nrevision: 01.04.2023\n---\n# Klient\n")
        .write("content/docs/lang/fr/SERVER.md", "---\ntitle: Serveur\nrevision: 2023-06-01T10:00:00Z\n---\n"
            + "# Serveur\n\nVoir [le client](CLIENT.md).\n")
        .write("content/blog/2024-01-01-hello.md", "---\ntitle: Hello\n---\nHello, readers.\n")
        .write("content/blog/lang/pl/2024-01-01-hello.md", "---\ntitle: Cześć\n---\nCześć, czytelnicy.\n")
        .write("content/blog/lang/fr/2024-01-01-hello.md", "---\ntitle: Bonjour\n---\nBonjour.\n");
  }

  private BuildResult build() {
    return SiteBuilder.build(BuildOptions.of(dir).withOutput(dir.resolve("_site")));
  }

  private String model(String file) {
    String html = site.read(file);
    int at = html.indexOf("<div id=\"model\">");
    return html.substring(at + 16, html.indexOf("</div>", at));
  }

  @Test
  void translationsAndOriginalsKnowEachOther() {
    BuildResult result = build();
    assertThat(result.problems()).isEmpty();
    String versions = "versions=[en English /docs/SERVER.html Server%s][pl Polski /docs/lang/pl/SERVER.html Serwer%s]"
        + "[fr Français /docs/lang/fr/SERVER.html Serveur%s]";
    assertThat(model("_site/docs/SERVER.html")).isEqualTo("lang=en original=  outdated=false "
        + versions.formatted(" current", "", ""));
    assertThat(model("_site/docs/lang/pl/SERVER.html")).isEqualTo("lang=pl original=/docs/SERVER.html en"
        + " outdated=false " + versions.formatted("", " current", ""));
    assertThat(model("_site/docs/lang/fr/SERVER.html")).isEqualTo("lang=fr original=/docs/SERVER.html en"
        + " outdated=true " + versions.formatted("", "", " current"));
    assertThat(model("_site/docs/lang/pl/CLIENT.html")).startsWith("lang=pl original=/docs/CLIENT.html en outdated=true");
  }

  @Test
  void aLinkFromATranslationToAnUntranslatedPageLeadsToTheOriginals() {
    assertThat(build().problems()).isEmpty();
    assertThat(site.read("_site/docs/lang/pl/SERVER.html"))
        .as("pl has CLIENT.md translated").contains("<a href=\"/docs/lang/pl/CLIENT.html\">klienta</a>")
        .as("no pl images/: the original's").contains("src=\"/docs/images/diagram.png\"");
    assertThat(site.read("_site/docs/lang/fr/SERVER.html"))
        .as("fr has no CLIENT.md: the original").contains("<a href=\"/docs/CLIENT.html\">le client</a>");
  }

  @Test
  void withPreferSameLanguageALinkGoesToTheVersionInThePagesLanguage() {
    site.write("site.yml", SETTINGS.replace("translations:\n", "translations:\n  preferSameLanguage: true\n"));
    site.write("content/docs/lang/pl/SERVER.md", "---\ntitle: Serwer\n---\n# Serwer\n\n"
        + "[Klient](../../CLIENT.md), [Server](../../SERVER.md#server)\n");
    assertThat(build().problems()).extracting(Problem::toString).as("the anchor is looked for in the pl version")
        .containsExactly("content/docs/lang/pl/SERVER.md:6: warning: missing anchor ../../SERVER.md#server: this page"
            + " has no id \"server\"; nearest is \"serwer\"");
    assertThat(site.read("_site/docs/lang/pl/SERVER.html"))
        .contains("<a href=\"/docs/lang/pl/CLIENT.html\">Klient</a>")
        .as("its own page, with the anchor checked there").contains("<a href=\"/docs/lang/pl/SERVER.html#server\">");
    assertThat(site.read("_site/docs/SERVER.html")).as("the original links to originals")
        .contains("<a href=\"/docs/CLIENT.html\">the client</a>");
  }

  @Test
  void translatedPostsAreListedOnlyByTheBlogOfTheirLanguage() {
    assertThat(build().problems()).isEmpty();
    String index = site.read("_site/blog/index.html");
    assertThat(index).contains("Hello").doesNotContain("Cześć").doesNotContain("Bonjour");
    assertThat(site.read("_site/feed.rss")).contains("Hello").doesNotContain("Cześć").doesNotContain("Bonjour");
    assertThat(site.read("_site/pl/blog/index.html")).contains("Cześć").doesNotContain("Hello");
    assertThat(site.read("_site/pl/blog/feed.atom")).contains("Cześć")
        .contains("<link href=\"https://example.org/pl/blog/\" rel=\"alternate\"").doesNotContain("Hello");
    assertThat(site.read("_site/pl/blog/feed.rss")).contains("<language>pl</language>");
    assertThat(site.read("_site/pl/blog/feed.atom")).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"pl\">");
    assertThat(site.read("_site/feed.rss")).contains("<language>en</language>");
    assertThat(site.exists("_site/fr/blog/index.html")).as("fr has no blog: true").isFalse();
    site.write("layouts/blog.html", "<p>{{ page.lang }}:{% for v in page.translations %} {{ v.lang }} {{ v.url }}"
        + "{% if v.current %} current{% endif %};{% endfor %}</p>");
    assertThat(build().problems()).isEmpty();
    assertThat(site.read("_site/blog/index.html")).isEqualTo("<p>en: en /blog/ current; pl /pl/blog/;</p>");
    assertThat(site.read("_site/pl/blog/index.html")).isEqualTo("<p>pl: en /blog/; pl /pl/blog/ current;</p>");
    assertThat(site.exists("_site/blog/lang/fr/2024-01-01-hello.html") || site.exists("_site/blog/lang/fr/2024-01-01-hello/index.html"))
        .as("the fr post is still published").isTrue();
  }

  @Test
  void theSitemapNamesEveryVersionOfAPage() {
    assertThat(build().problems()).isEmpty();
    String map = site.read("_site/sitemap.xml");
    assertThat(map).contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"");
    String alternates = "<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/docs/SERVER.html\"/>"
        + "<xhtml:link rel=\"alternate\" hreflang=\"pl\" href=\"https://example.org/docs/lang/pl/SERVER.html\"/>"
        + "<xhtml:link rel=\"alternate\" hreflang=\"fr\" href=\"https://example.org/docs/lang/fr/SERVER.html\"/>";
    for (String page : List.of("docs/SERVER.html", "docs/lang/pl/SERVER.html", "docs/lang/fr/SERVER.html")) {
      assertThat(map).contains("<loc>https://example.org/" + page + "</loc>" + alternates);
    }
    assertThat(map).contains("<loc>https://example.org/docs/images/diagram.png</loc>".replace("docs/images/diagram.png",
        "docs/CLIENT.html") + "<xhtml:link rel=\"alternate\" hreflang=\"en\"");
    assertThat(map).as("a page with no other version has none").contains("<loc>https://example.org/pl/blog/</loc></url>");
  }

  @Test
  void aTranslationOfNothingIsAWarning() {
    site.write("content/docs/lang/fr/GUIDE.md", "---\ntitle: Guide\n---\n# Guide\n");
    assertThat(build().problems()).extracting(Problem::toString).containsExactly(
        "content/docs/lang/fr/GUIDE.md:1: warning: a translation (fr) of docs/GUIDE.md, which the site does not publish;"
            + " it is published as a page of its own");
  }

  @Test
  void anUndeclaredCodeWhereThePatternPutsALanguageIsAnError() {
    site.write("content/docs/lang/de/SERVER.md", "---\ntitle: Server\n---\n# Server\n");
    assertThat(build().problems()).extracting(Problem::toString).containsExactly(
        "content/docs/lang/de/SERVER.md:1: 'de' is where translations.pattern ({dir}/lang/{lang}/{file}) puts a"
            + " language, but site.yml declares no language de (languages: en, pl, fr): declare it, or name the folder"
            + " otherwise if it is no language");
  }

  @Test
  void twoVersionsInOneLanguageAreAnErrorNamingBoth() {
    site.write("content/docs/lang/PL/SERVER.md", "---\ntitle: Serwer\n---\n# Serwer\n");
    assertThat(build().problems()).extracting(Problem::toString).containsExactly(
        "content/docs/lang/pl/SERVER.md:1: a second version of docs/SERVER.md in pl:"
            + " content/docs/lang/PL/SERVER.md is one already");
  }

  @Test
  void aRevisionThatIsNoDateIsAWarningAtItsLine() {
    site.write("content/docs/lang/fr/SERVER.md", "---\ntitle: Serveur\nrevision: last tuesday\n---\n# Serveur\n");
    assertThat(build().problems()).extracting(Problem::toString).containsExactly(
        "content/docs/lang/fr/SERVER.md:3: warning: revision: 'last tuesday' is no date; write 2023-07-31,"
            + " 31.07.2023, 2023-07-31 10:00 or 2023-07-31T10:00:00Z");
    assertThat(model("_site/docs/lang/fr/SERVER.html")).contains("outdated=false");
  }

  @Test
  void checkTranslationsPrintsATableOfEachLanguageAndExitsZero() {
    site.write("content/docs/INSTALL.md", "---\ntitle: Install\n---\n# Install\n");
    TestSite.Run run = site.run("check", "--translations");
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("""
        translations:
          language     translated  outdated  missing
          pl Polski             3         1        1
          fr Français           2         1        2
          outdated (pl): content/docs/lang/pl/CLIENT.md
          outdated (fr): content/docs/lang/fr/SERVER.md
          missing (pl): content/docs/INSTALL.md
          missing (fr): content/docs/CLIENT.md
          missing (fr): content/docs/INSTALL.md
        """);
  }

  @Test
  void checkTranslationsOnASiteInOneLanguageSaysSo() {
    site.write("site.yml", "baseUrl: https://example.org\n");
    assertThat(site.run("check", "--translations").out()).contains("site.yml declares no second language");
  }

  @Test
  void layoutWordsComeInThePagesLanguageAndFallBackToTheDefault() {
    site.write("i18n/en.yml", "outdated: This translation is out of date.\nhome: Home\n")
        .write("i18n/pl.yml", "outdated: To tłumaczenie jest nieaktualne.\n")
        .write("layouts/page.html", """
            {% extends "layouts/base.html" %}
            {% block main %}<div id="model">{{ i18n("outdated") }} {{ i18n("home") }}</div>{% endblock %}
            """);
    assertThat(build().problems()).extracting(Problem::toString).containsExactly(
        "layouts/page.html:2: warning: i18n key \"home\" has no text in fr; the en text is used (on 2 pages)",
        "layouts/page.html:2: warning: i18n key \"home\" has no text in pl; the en text is used (on 3 pages)",
        "layouts/page.html:2: warning: i18n key \"outdated\" has no text in fr; the en text is used (on 2 pages)");
    assertThat(model("_site/docs/lang/pl/SERVER.html")).isEqualTo("To tłumaczenie jest nieaktualne. Home");
    assertThat(model("_site/docs/lang/fr/SERVER.html")).isEqualTo("This translation is out of date. Home");
    assertThat(model("_site/docs/SERVER.html")).isEqualTo("This translation is out of date. Home");
  }

  @Test
  void aPageTranslatedIntoALanguageFolderAtTheTopIsOfItsOriginalsPlaceAndPostsArePostsOfThatLanguage() {
    site.write("site.yml", SETTINGS.replace("{dir}/lang/{lang}/{file}", "{lang}/{dir}/{file}")
            .replace("- scope: {path: ''}", "- scope: {path: docs}") + "  - scope: {path: blog}\n    values: {layout: page}\n")
        .write("layouts/page.html", site.read("layouts/page.html").replace("lang={{ page.lang }}",
            "section={{ page.section }} lang={{ page.lang }}"))
        .delete("content/blog/lang/pl/2024-01-01-hello.md").delete("content/blog/lang/fr/2024-01-01-hello.md")
        .delete("content/docs/lang/pl/SERVER.md").delete("content/docs/lang/pl/CLIENT.md")
        .delete("content/docs/lang/fr/SERVER.md")
        .write("content/pl/blog/2024-01-01-hello.md", "---\ntitle: Cześć\n---\nCześć.\n")
        .write("content/pl/docs/SERVER.md", "---\ntitle: Serwer\n---\n# Serwer\n");
    assertThat(build().problems()).isEmpty();
    assertThat(site.read("_site/pl/blog/index.html")).contains("Cześć");
    assertThat(site.read("_site/blog/index.html")).contains("Hello").doesNotContain("Cześć");
    assertThat(model("_site/pl/docs/SERVER.html")).as("docs' layout and section")
        .startsWith("section=docs lang=pl original=/docs/SERVER.html en");
  }

  @Test
  void aTranslationOfADraftWaitsForIt() {
    site.write("content/blog/2024-02-01-secret.md", "---\ntitle: Secret\ndraft: true\n---\nNot yet.\n")
        .write("content/blog/lang/pl/2024-02-01-secret.md", "---\ntitle: Sekret\n---\nJeszcze nie.\n")
        .write("content/docs/lang/fr/SERVER.md", "---\ntitle: Serveur\n---\n# Serveur\n\n"
            + "[Le secret](../../../blog/lang/pl/2024-02-01-secret.md)\n");
    assertThat(build().problems()).extracting(Problem::toString).containsExactly(
        "content/docs/lang/fr/SERVER.md:6: link to a translation of a draft: ../../../blog/lang/pl/2024-02-01-secret.md"
            + " is content/blog/lang/pl/2024-02-01-secret.md, which waits for its original blog/2024-02-01-secret.md"
            + " to be published");
    site.write("content/docs/lang/fr/SERVER.md", "---\ntitle: Serveur\n---\n# Serveur\n");
    assertThat(build().problems()).isEmpty();
    assertThat(site.exists("_site/blog/lang/pl/2024-02-01-secret.html")).isFalse();
    assertThat(site.read("_site/pl/blog/index.html")).doesNotContain("Sekret");
    assertThat(site.read("_site/sitemap.xml")).doesNotContain("secret");
    assertThat(SiteBuilder.build(BuildOptions.of(dir).withOutput(dir.resolve("_site")).withDrafts(true)).problems())
        .isEmpty();
    assertThat(site.read("_site/pl/blog/index.html")).as("--drafts previews both").contains("Sekret");
  }

  @Test
  void anOriginalWrittenInTheDefaultLanguagesFormIsTheOriginal() {
    for (String f : List.of("docs/lang/pl/SERVER.md", "docs/lang/pl/CLIENT.md", "docs/lang/fr/SERVER.md",
        "blog/lang/pl/2024-01-01-hello.md", "blog/lang/fr/2024-01-01-hello.md")) {
      site.delete("content/" + f);
    }
    site.write("site.yml", SETTINGS.replace("{dir}/lang/{lang}/{file}", "{dir}/{name}.{lang}.md"))
        .write("content/docs/guide.en.md", "---\ntitle: Guide\nrevision: 2024-02-01\n---\n# Guide\n")
        .write("content/docs/guide.pl.md", "---\ntitle: Przewodnik\nrevision: 2024-01-01\n---\n# Przewodnik\n"
            + "\n[Serwer](SERVER.md)\n");
    assertThat(build().problems()).isEmpty();
    assertThat(model("_site/docs/guide.pl.html")).isEqualTo("lang=pl original=/docs/guide.en.html en outdated=true"
        + " versions=[en English /docs/guide.en.html Guide][pl Polski /docs/guide.pl.html Przewodnik current]");
    site.write("content/docs/guide.md", "---\ntitle: Guide\n---\n# Guide\n");
    assertThat(build().problems()).extracting(Problem::toString).containsExactly(
        "content/docs/guide.md:1: a second version of docs/guide.en.md in en: content/docs/guide.en.md is one already");
  }

  @Test
  void withPreferSameLanguageALinkThatNamesATranslationIsKept() {
    site.write("site.yml", SETTINGS.replace("translations:\n", "translations:\n  preferSameLanguage: true\n"))
        .write("content/docs/SERVER.md", "---\ntitle: Server\n---\n# Server\n\n[Po polsku](lang/pl/SERVER.md)\n");
    assertThat(build().problems()).isEmpty();
    assertThat(site.read("_site/docs/SERVER.html")).contains("<a href=\"/docs/lang/pl/SERVER.html\">Po polsku</a>");
  }

  @Test
  void aFolderUnderTheFixedSegmentThatIsNoLanguageCodeIsNoMistake() {
    site.write("content/docs/lang/java/intro.md", "---\ntitle: Java\n---\n# Java\n");
    assertThat(build().problems()).isEmpty();
  }

  @Test
  void revisionsAreReadAsDatesAreAndStrictly() {
    site.write("content/docs/CLIENT.md", "---\ntitle: Client\nrevision: 2023-07-31 10:00\n---\n# Client\n")
        .write("content/docs/lang/pl/CLIENT.md", "---\ntitle: Klient\nrevision: 31.07.2023\n---\n# Klient\n")
        .write("content/docs/lang/fr/SERVER.md", "---\ntitle: Serveur\nrevision: 31.02.2023\n---\n# Serveur\n");
    assertThat(build().problems()).extracting(Problem::toString).containsExactly(
        "content/docs/lang/fr/SERVER.md:3: warning: revision: '31.02.2023' is no date; write 2023-07-31,"
            + " 31.07.2023, 2023-07-31 10:00 or 2023-07-31T10:00:00Z");
    assertThat(model("_site/docs/lang/pl/CLIENT.html")).as("10:00 that day is after its start").contains("outdated=true");
  }

  @Test
  void neighboursAreChainedWithinALanguage() {
    site.write("site.yml", SETTINGS.replace("{dir}/lang/{lang}/{file}", "{dir}/{name}.{lang}.md"))
        .write("layouts/page.html", "<p>{{ page.next.url }}</p>");
    for (String f : List.of("docs/lang/pl/SERVER.md", "docs/lang/pl/CLIENT.md", "docs/lang/fr/SERVER.md",
        "blog/lang/pl/2024-01-01-hello.md", "blog/lang/fr/2024-01-01-hello.md", "docs/SERVER.md", "docs/CLIENT.md")) {
      site.delete("content/" + f);
    }
    site.write("content/docs/a.md", "---\ntitle: A\nweight: 1\n---\nA\n")
        .write("content/docs/a.pl.md", "---\ntitle: A\nweight: 1\n---\nA\n")
        .write("content/docs/b.md", "---\ntitle: B\nweight: 2\n---\nB\n")
        .write("content/docs/b.pl.md", "---\ntitle: B\nweight: 2\n---\nB\n");
    assertThat(build().problems()).isEmpty();
    assertThat(site.read("_site/docs/a.html")).isEqualTo("<p>/docs/b.html</p>");
    assertThat(site.read("_site/docs/a.pl.html")).isEqualTo("<p>/docs/b.pl.html</p>");
  }

  @Test
  void anUndatedTranslationOfAPostIsDatedAsItsOriginal() {
    site.write("content/blog/release.md", "---\ntitle: Release\ndate: 2024-03-01\n---\nOut now.\n")
        .write("content/blog/lang/pl/release.md", "---\ntitle: Wydanie\n---\nJuż jest.\n")
        .write("layouts/blog.html", "{% for p in paginator.posts %}{{ p.title }} {{ p.date | date(\"yyyy-MM-dd\") }};"
            + "{% endfor %}");
    assertThat(build().problems()).isEmpty();
    assertThat(site.read("_site/pl/blog/index.html")).isEqualTo("Wydanie 2024-03-01;Cześć 2024-01-01;");
  }

  @Test
  void aTranslationTakesItsOriginalPlacesDefaultsButNotAFixedPermalink() {
    site.write("site.yml", SETTINGS + "  - scope: {path: 404.md}\n    values: {permalink: /404.html, sitemap: false}\n")
        .write("content/404.md", "---\ntitle: Not found\n---\n# Not found\n")
        .write("content/lang/pl/404.md", "---\ntitle: Nie znaleziono\n---\n# Nie znaleziono\n");
    assertThat(build().problems()).isEmpty();
    assertThat(site.read("_site/404.html")).contains("Not found");
    assertThat(site.read("_site/sitemap.xml")).as("sitemap: false, from the original's place").doesNotContain("404");
  }

  @Test
  void theSearchIndexKnowsEachPagesLanguageAndItsOriginalsSection() {
    for (String f : List.of("docs/lang/pl/SERVER.md", "docs/lang/pl/CLIENT.md", "docs/lang/fr/SERVER.md",
        "blog/lang/pl/2024-01-01-hello.md", "blog/lang/fr/2024-01-01-hello.md")) {
      site.delete("content/" + f);
    }
    site.write("site.yml", SETTINGS.replace("{dir}/lang/{lang}/{file}", "{lang}/{dir}/{file}"))
        .write("content/pl/docs/SERVER.md", "---\ntitle: Serwer\n---\n# Serwer\n");
    assertThat(build().problems()).isEmpty();
    assertThat(site.read("_site/search-index.json"))
        .contains("{\"title\":\"Serwer\",\"url\":\"/pl/docs/SERVER.html\",\"section\":\"docs\",\"tags\":[],"
            + "\"text\":\"Serwer\",\"lang\":\"pl\"}")
        .contains("\"section\":\"docs\",\"tags\":[],\"text\":\"Server See the client.\",\"lang\":\"en\"}");
  }

  @Test
  void aLinkToATranslationOfAScheduledPageSaysWhen() {
    // the translation has no date of its own: it is not scheduled itself, but waits for its original
    site.write("content/blog/later.md", "---\ntitle: Later\ndate: 2999-01-01\n---\nLater.\n")
        .write("content/blog/lang/pl/later.md", "---\ntitle: Później\n---\nPóźniej.\n")
        .write("content/docs/lang/fr/SERVER.md", "---\ntitle: Serveur\n---\n# Serveur\n\n"
            + "[Plus tard](../../../blog/lang/pl/later.md)\n");
    assertThat(build().problems()).extracting(Problem::toString).containsExactly(
        "content/docs/lang/fr/SERVER.md:6: link to a translation of a scheduled page:"
            + " ../../../blog/lang/pl/later.md is content/blog/lang/pl/later.md, which waits for"
            + " its original blog/later.md to be published on 2999-01-01");
  }
}
