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

/** data/ in builds: layouts see it, its errors fail the build, and cached builds notice its changes. */
class DataBuildTest {
  @TempDir
  Path dir;

  @TempDir
  Path outputs;

  private TestSite site;

  @BeforeEach
  void site() {
    site = TestSite.withLayouts(dir)
        .write("site.yml", "title: Data\nbaseUrl: https://example.org\n"
            + "defaults:\n  - scope: {path: ''}\n    values: {layout: article}\n")
        .write("layouts/team.html", """
            {% extends "layouts/base.html" %}
            {% block main %}<ul>{% for m in data.team.core.members %}<li>{{ m.name }} ({{ m.role }})</li>{% endfor %}</ul>\
            <p>v{{ data.release.version }}, {{ data.release.downloads }} downloads</p>{% endblock %}
            """)
        .write("content/team.md", "---\ntitle: Team\nlayout: team\n---\nThe team.\n")
        .write("content/other.md", "---\ntitle: Other\n---\nNo data here.\n")
        .write("data/team/core.yml", "members:\n  - {name: Ada, role: lead}\n  - {name: Grace, role: compilers}\n")
        .write("data/release.json", "{\"version\": \"2.0\", \"downloads\": 1200}\n");
  }

  private BuildOptions options(String output) {
    return BuildOptions.of(dir).withOutput(outputs.resolve(output));
  }

  private static Map<String, String> files(Path output) {
    Map<String, String> files = new TreeMap<>(Snapshot.of(output));
    files.remove(".sitegen-output");
    return files;
  }

  @Test
  void layoutsSeeDataFiles() throws Exception {
    BuildResult result = SiteBuilder.build(options("out"));
    assertThat(result.problems()).isEmpty();
    assertThat(Files.readString(outputs.resolve("out/team.html")))
        .contains("<ul><li>Ada (lead)</li><li>Grace (compilers)</li></ul><p>v2.0, 1200 downloads</p>");
  }

  @Test
  void aWarmBuildAfterADataChangeEqualsAFreshBuildByteForByte() throws Exception {
    assertThat(SiteBuilder.build(options("warm").withCache(true)).ok()).isTrue();
    assertThat(SiteBuilder.build(options("warm").withCache(true)).ok()).isTrue(); // nothing changed: reused
    site.write("data/team/core.yml", "members:\n  - {name: Ada, role: lead}\n  - {name: Linus, role: kernels}\n");
    site.write("data/release.json", "{\"version\": \"2.1\", \"downloads\": 1500}\n");
    BuildResult warm = SiteBuilder.build(options("warm").withCache(true));
    assertThat(warm.problems()).isEmpty();
    assertThat(Files.readString(outputs.resolve("warm/team.html")))
        .contains("<li>Linus (kernels)</li></ul><p>v2.1, 1500 downloads</p>");
    BuildResult fresh = SiteBuilder.build(options("fresh"));
    assertThat(fresh.ok()).isTrue();
    assertThat(files(outputs.resolve("warm"))).isEqualTo(files(outputs.resolve("fresh")));

    // a new data file, then a deleted one, are changes too
    site.write("data/extra.yml", "x: 1\n");
    site.write("layouts/team.html", site.read("layouts/team.html").replace("</ul>", "</ul>{{ data.extra.x }}"));
    SiteBuilder.build(options("warm").withCache(true));
    assertThat(Files.readString(outputs.resolve("warm/team.html"))).contains("</ul>1<p>");
    Files.delete(dir.resolve("data/extra.yml"));
    assertThat(SiteBuilder.build(options("warm").withCache(true)).ok()).isTrue();
    assertThat(Files.readString(outputs.resolve("warm/team.html"))).contains("</ul><p>");
    SiteBuilder.build(options("fresh"));
    assertThat(files(outputs.resolve("warm"))).isEqualTo(files(outputs.resolve("fresh")));
  }

  @Test
  void aMalformedDataFileFailsTheBuildAtItsLine() {
    site.write("data/release.json", "{\n  \"version\": \"2.0\"\n  \"downloads\": 1200\n}\n");
    BuildResult result = SiteBuilder.build(options("out"));
    assertThat(result.ok()).isFalse();
    assertThat(result.problems()).extracting(Problem::toString)
        .contains("data/release.json:3:3: JSON: expected ',' or '}', found '\"'");
    TestSite.Run run = site.run("build");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("data/release.json:3:3: JSON: expected ',' or '}', found '\"'");
  }

  @Test
  void theOutputFolderCanNeverBeTheDataFolder() {
    TestSite.Run run = site.run("build", "-o", dir.resolve("data").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("the output folder must not be data");
    assertThat(site.read("data/release.json")).contains("2.0");
    assertThat(SiteBuilder.outputProblem(options("x").withOutput(dir.resolve("data/sub")))).contains("inside data");
  }
}
