package io.sitegen.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitegen.config.SiteConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What kind of change a path is, from the path alone. */
class ChangesTest {
  private final Path root = Path.of("/site");
  private final SiteConfig config = SiteConfig.defaults(root);

  private Changes classify(String... paths) {
    return Changes.classify(config, List.of(paths).stream().map(root::resolve).toList());
  }

  @Test
  void sortsEachSourceByKind() {
    Changes c = classify("site.yml", "content/blog/a.md", "content/blog/img/x.png", "layouts/teasers/a.html",
        "assets/css/site.css");
    assertThat(c.settings()).isTrue();
    assertThat(c.pages()).containsExactly("blog/a.md");
    assertThat(c.files()).containsExactly("blog/img/x.png");
    assertThat(c.layouts()).containsExactly("layouts/teasers/a.html");
    assertThat(c.assets()).containsExactly("css/site.css");
  }

  @Test
  void dataFilesAndTheDataFolderAreADataChange() {
    for (String path : List.of("data/team.yml", "data/team/core.json", "data/notes.txt", "data")) {
      Changes c = classify(path);
      assertThat(c.data()).as(path).isTrue();
      assertThat(c.none()).as(path).isFalse();
      assertThat(c.settings()).as(path).isFalse();
    }
    for (String path : List.of("data/.team.yml.swp", "data/team.yml~", "data/.git/config", "database/x.yml",
        "content/data/x.yml")) {
      assertThat(classify(path).data()).as(path).isFalse();
    }
    assertThat(classify("content/data/x.yml").files()).containsExactly("data/x.yml");
  }

  @Test
  void editorAndSystemFilesAreNoChange() {
    for (String temp : List.of("content/blog/a.md~", "content/blog/.a.md.swp", "content/blog/.a.md.swx",
        "content/blog/.#a.md", "content/blog/#a.md#", "content/.DS_Store", "content/blog/4913",
        "layouts/.base.html.swp", "layouts/base.html~", "assets/css/#site.css#", "content/.git/config",
        "content/.hidden/x.md", "data/.x.yml.swp", "data/#x.yml#")) {
      assertThat(classify(temp).none()).as(temp).isTrue();
    }
  }

  @Test
  void pathsOutsideTheSourcesAreNoChange() {
    Changes c = classify("_site/index.html", "README.md", "other.yml", "content", "/elsewhere/content/a.md");
    assertThat(c.none()).isTrue();
    assertThat(c.pages()).isEqualTo(Set.of());
  }
}
