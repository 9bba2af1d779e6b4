package io.sitegen.templates;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitegen.files.SiteFiles;
import io.sitegen.testing.TestSite;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a layout is made of, as the pages that use it are re-rendered and reused by it. */
class LayoutsTest {
  @TempDir
  Path root;

  private Layouts layouts() {
    return new Layouts(root, root.resolve("layouts"), new SiteFiles(root, List.of(root.resolve("content"),
        root.resolve("layouts"), root.resolve("assets")), List.of(root.resolve("_site"))));
  }

  @Test
  void anUnclosedExpressionIsToldAtTheLastLineWithoutAControlCharacter() {
    new TestSite(root).write("layouts/team.html", "<p>\n{{ page.title }}\n{{ data.team | join(\",\")\n</p>\n");
    Layouts.Result result = layouts().render("layouts/team.html", java.util.Map.of(), "content/index.md");
    assertThat(result.problem().toString())
        .isEqualTo("layouts/team.html:4: template syntax: Unexpected character [the end of the file]");
  }

  @Test
  void anIncludeNamedWhileRenderingMakesEveryLayoutFilePartOfIt() {
    new TestSite(root)
        .write("layouts/static.html", "{% extends \"layouts/base.html\" %}{% include 'layouts/parts/a.html' with {'x': 1} %}")
        .write("layouts/base.html", "<main>{% block main %}{% endblock %}</main>")
        .write("layouts/parts/a.html", "A")
        .write("layouts/parts/b.html", "B")
        .write("layouts/dynamic.html", "{% include page.partial %}")
        .write("layouts/joined.html", "{% include \"layouts/parts/\" ~ page.part %}")
        .write("layouts/rooted.html", "{% include \"/layouts/parts/a.html\" %}{% include(\"layouts/parts/b.html\") %}");
    Layouts layouts = layouts();
    assertThat(layouts.filesOf("layouts/static.html"))
        .containsExactlyInAnyOrder("layouts/static.html", "layouts/base.html", "layouts/parts/a.html");
    assertThat(layouts.filesOf("layouts/dynamic.html")).contains("layouts/parts/a.html", "layouts/parts/b.html",
        "layouts/static.html");
    assertThat(layouts.filesOf("layouts/joined.html")).contains("layouts/parts/b.html");
    assertThat(layouts.filesOf("layouts/rooted.html")).as("a name from the root, and include(...)")
        .containsExactlyInAnyOrder("layouts/rooted.html", "layouts/parts/a.html", "layouts/parts/b.html");
  }

  @Test
  void aFingerprintChangesWithAnyFileOfTheLayoutOnly() {
    TestSite site = new TestSite(root)
        .write("layouts/a.html", "{% extends \"layouts/base.html\" %}")
        .write("layouts/base.html", "<main></main>")
        .write("layouts/other.html", "other");
    String before = layouts().fingerprint("layouts/a.html");
    site.write("layouts/other.html", "changed");
    assertThat(layouts().fingerprint("layouts/a.html")).isEqualTo(before);
    site.write("layouts/base.html", "<main>changed</main>");
    assertThat(layouts().fingerprint("layouts/a.html")).isNotEqualTo(before);
  }

  @Test
  void aVariableIsMentionedOnlyByItsOwnName() {
    new TestSite(root)
        .write("layouts/index.html", "{% for p in paginator.posts %}{{ p.title }}{% endfor %}")
        .write("layouts/home.html", "{% for p in posts %}{{ p.title }}{% endfor %}");
    Layouts layouts = layouts();
    assertThat(layouts.mentions("layouts/index.html", "posts")).isFalse();
    assertThat(layouts.mentions("layouts/home.html", "posts")).isTrue();
  }
}
