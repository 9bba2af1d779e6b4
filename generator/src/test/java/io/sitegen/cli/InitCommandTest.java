package io.sitegen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitegen.pipeline.BuildOptions;
import io.sitegen.pipeline.BuildResult;
import io.sitegen.pipeline.SiteBuilder;
import io.sitegen.problems.Problem;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** site init writes a site that builds at once, and holds up as it grows or shrinks. */
class InitCommandTest {
  @TempDir
  Path dir;

  private int run(String... args) {
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
    lastErr = err.toString();
    return code;
  }

  private String lastErr = "";

  /** A strict build: every warning (a missing image, a missing anchor) fails it too. */
  private BuildResult build(Path site) {
    BuildResult result = SiteBuilder.build(BuildOptions.of(site).withStrict(true));
    assertThat(result.problems()).extracting(Problem::toString).isEmpty();
    assertThat(result.ok()).isTrue();
    return result;
  }

  private Path post(Path site) throws Exception {
    try (Stream<Path> files = Files.list(site.resolve("content/blog"))) {
      return files.filter(p -> p.toString().endsWith(".md")).findFirst().orElseThrow();
    }
  }

  @Test
  void writesASiteThatBuildsAtOnceAndWithoutItsPost() throws Exception {
    Path site = dir.resolve("my-site");
    assertThat(run("init", site.toString())).as(lastErr).isZero();
    assertThat(site.resolve("site.yml")).exists();
    assertThat(site.resolve(".gitignore")).content().contains("_site/", ".site-cache/");
    assertThat(site.resolve("layouts/404.html")).exists();
    assertThat(post(site).getFileName().toString()).matches("\\d{4}-\\d{2}-\\d{2}-welcome\\.md");
    build(site);
    assertThat(Files.readString(site.resolve("_site/index.html"))).contains("Hello, world");
    assertThat(site.resolve("_site/404.html")).exists();
    assertThat(site.resolve("_site/.github")).as("the workflow is not published").doesNotExist();
    assertThat(Files.readString(site.resolve("_site/sitemap.xml"))).doesNotContain("404");

    Files.delete(post(site));
    build(site);
    assertThat(Files.readString(site.resolve("_site/index.html"))).contains("No posts yet.");
  }

  @Test
  void itsLayoutsHoldUpWithOneOrAHundredPostsAndNoDocs() throws Exception {
    Path site = dir.resolve("s");
    assertThat(run("init", site.toString())).isZero();
    build(site); // one post
    for (int i = 1; i <= 99; i++) {
      Files.writeString(site.resolve(String.format("content/blog/2024-01-%02d-post-%d.md", 1 + i % 28, i)),
          "---\ntitle: Post " + i + "\n---\nText " + i + ".\n");
    }
    build(site);
    assertThat(site.resolve("_site/blog/page/10/index.html")).exists();
    try (Stream<Path> docs = Files.walk(site.resolve("content/docs"))) {
      for (Path p : docs.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
    }
    for (Path p : Files.list(site.resolve("content/blog")).filter(Files::isRegularFile).toList()) {
      Files.writeString(p, Files.readString(p).replace("See [the docs](../docs/index.md) for what goes where.", ""));
    }
    build(site);
    assertThat(Files.readString(site.resolve("_site/index.html"))).doesNotContain("href=\"/docs/\"");
  }

  @Test
  void aFolderThatIsNotEmptyIsRefusedUnlessForcedWhichAddsOnlyWhatIsMissing() throws Exception {
    Path site = dir.resolve("busy");
    Files.createDirectories(site);
    Files.writeString(site.resolve("site.yml"), "title: Mine\n");
    assertThat(run("init", site.toString())).isEqualTo(Main.USAGE);
    assertThat(lastErr).contains("not empty");
    assertThat(run("init", "--force", site.toString())).isZero();
    assertThat(Files.readString(site.resolve("site.yml"))).isEqualTo("title: Mine\n");
    assertThat(site.resolve("layouts/base.html")).exists();
  }

  @Test
  void commandsFindTheSiteFromAnyFolderInsideIt() throws Exception {
    Path site = dir.resolve("found");
    assertThat(run("init", site.toString())).isZero();
    assertThat(SourceOption.siteAbove(site.resolve("content/blog"))).isEqualTo(site);
    Path workflow = Files.createDirectories(site.resolve(".github/workflows"));
    Files.writeString(workflow.resolve("site.yml"), "name: a workflow\n");
    assertThat(SourceOption.siteAbove(workflow)).as("a site.yml under .github is a workflow's").isEqualTo(site);
    assertThat(SourceOption.siteAbove(dir)).as("no site above: here").isEqualTo(dir);
  }

  /** The workflow as GitHub reads it: YAML, with the steps in the order they run. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> workflow(Path site) throws Exception {
    String text = Files.readString(site.resolve(InitCommand.WORKFLOW));
    return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(text);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> steps(Map<String, Object> workflow, String job) {
    Map<String, Object> jobs = (Map<String, Object>) workflow.get("jobs");
    return (List<Map<String, Object>>) ((Map<String, Object>) jobs.get(job)).get("steps");
  }

  /** The index of the first step that uses {@code action} (any version) or runs {@code command}. */
  private static int step(List<Map<String, Object>> steps, String action, String command) {
    for (int i = 0; i < steps.size(); i++) {
      Object uses = steps.get(i).get("uses");
      Object run = steps.get(i).get("run");
      if (action != null && uses != null && uses.toString().startsWith(action + "@")) return i;
      if (command != null && run != null && run.toString().strip().startsWith(command)) return i;
    }
    throw new AssertionError("no step " + (action != null ? "uses " + action : "runs " + command) + " in " + steps);
  }

  @Test
  @SuppressWarnings("unchecked")
  void writesAGitHubPagesWorkflowThatBuildsStrictlyAndDeploysSite() throws Exception {
    Path site = dir.resolve("pages");
    assertThat(run("init", site.toString())).as(lastErr).isZero();
    assertThat(lastErr).contains("set SITEGEN_REPOSITORY in .github/workflows/pages.yml");
    Map<String, Object> workflow = workflow(site);
    assertThat(workflow.get("permissions"))
        .isEqualTo(Map.of("contents", "read", "pages", "write", "id-token", "write"));
    assertThat((Map<String, Object>) workflow.get("concurrency")).containsEntry("group", "pages");
    assertThat((Map<String, Object>) workflow.get("on")).containsKeys("push", "workflow_dispatch");

    List<Map<String, Object>> build = steps(workflow, "build");
    Map<String, Object> java = build.get(step(build, "actions/setup-java", null));
    assertThat((Map<String, Object>) java.get("with")).containsEntry("distribution", "temurin")
        .containsEntry("java-version", "17");
    int siteBuild = step(build, null, "site build");
    // the comment after the command is YAML's, not the shell's: the shell sees only the command
    assertThat(build.get(siteBuild).get("run").toString().strip()).isEqualTo("site build --strict");
    int upload = step(build, "actions/upload-pages-artifact", null);
    assertThat((Map<String, Object>) build.get(upload).get("with")).containsEntry("path", "_site");
    assertThat(step(build, "actions/setup-java", null)).isLessThan(step(build, null, "mvn"));
    assertThat(step(build, null, "mvn")).isLessThan(siteBuild);
    assertThat(step(build, "actions/configure-pages", null)).isLessThan(upload);
    assertThat(siteBuild).isLessThan(upload);

    Map<String, Object> deploy = (Map<String, Object>) ((Map<String, Object>) workflow.get("jobs")).get("deploy");
    assertThat(deploy.get("needs")).isEqualTo("build");
    assertThat((Map<String, Object>) deploy.get("environment")).containsEntry("name", "github-pages");
    step(steps(workflow, "deploy"), "actions/deploy-pages", null);
  }

  @Test
  void forceKeepsAWorkflowThatIsThereAlready() throws Exception {
    Path site = dir.resolve("mine");
    Path workflow = site.resolve(InitCommand.WORKFLOW);
    Files.createDirectories(workflow.getParent());
    Files.writeString(workflow, "name: my own deployment\n");
    assertThat(run("init", "--force", site.toString())).as(lastErr).isZero();
    assertThat(workflow).hasContent("name: my own deployment");
    assertThat(lastErr).as("nothing to say about a workflow it did not write").doesNotContain("SITEGEN_REPOSITORY");
    assertThat(site.resolve("site.yml")).exists();
  }

  @Test
  void saysWhenTheWorkflowIsNotAtTheRootOfItsRepository() throws Exception {
    Files.createDirectories(dir.resolve(".git"));
    Path docs = dir.resolve("docs");
    assertThat(run("init", docs.toString())).as(lastErr).isZero();
    assertThat(lastErr).contains("runs only from the root of the repository, " + dir);
    assertThat(InitCommand.repositoryAbove(docs)).isEqualTo(dir);
    assertThat(InitCommand.repositoryAbove(dir)).as("a site at the root is where GitHub looks").isNotEqualTo(dir);
  }

  @Test
  void startersDotFilesAreStoredWithoutTheirDot() {
    assertThat(InitCommand.sitePath("gitignore")).isEqualTo(".gitignore");
    assertThat(InitCommand.sitePath("github/workflows/pages.yml")).isEqualTo(InitCommand.WORKFLOW);
    assertThat(InitCommand.sitePath("content/github/index.md")).isEqualTo("content/github/index.md");
  }
}
