package io.sitegen.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitegen.problems.Problem;
import io.sitegen.problems.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** baseUrl gives the sub-path a site is served under; a value that is no address is an error at its line. */
class BaseUrlTest {
  @TempDir
  Path dir;

  private SiteConfig load(String yaml, Problems problems) throws IOException {
    Files.writeString(dir.resolve("site.yml"), yaml);
    return SiteConfig.load(dir, problems);
  }

  private String basePath(String baseUrl) throws IOException {
    Problems problems = new Problems();
    SiteConfig config = load("title: x\nbaseUrl: " + baseUrl + "\n", problems);
    assertThat(problems.sorted()).isEmpty();
    return config.basePath();
  }

  @Test
  void theSubPathIsThePathOfBaseUrlWithoutItsLastSlash() throws IOException {
    assertThat(basePath("https://org.github.io/project/")).isEqualTo("/project");
    assertThat(basePath("https://org.github.io/project")).isEqualTo("/project");
    assertThat(basePath("https://example.org/a/b//")).isEqualTo("/a/b");
    assertThat(basePath("https://example.org/")).isEmpty();
    assertThat(basePath("http://localhost:8080")).isEmpty();
    assertThat(basePath("''")).isEmpty();
  }

  private String error(String yaml) throws IOException {
    Problems problems = new Problems();
    SiteConfig config = load(yaml, problems);
    assertThat(config.basePath()).isEmpty();
    assertThat(problems.sorted()).hasSize(1).allMatch(Problem::isError);
    return problems.sorted().get(0).toString();
  }

  @Test
  void aValueThatIsNotAnHttpAddressIsAnErrorAtItsLine() throws IOException {
    assertThat(error("title: x\nbaseUrl: /project\n"))
        .startsWith("site.yml:2: baseUrl: expected a full address starting with https://, found '/project'");
    assertThat(error("baseUrl: org.github.io/project\n")).startsWith("site.yml:1: baseUrl: expected a full address");
    assertThat(error("baseUrl: ftp://example.org\n")).startsWith("site.yml:1: baseUrl: expected a full address");
    assertThat(error("baseUrl: https://example.org/?x=1\n")).contains("no ?query or #fragment");
    assertThat(error("baseUrl: https://exa mple.org\n")).startsWith("site.yml:1: baseUrl: not an address");
    assertThat(error("baseUrl: [https://example.org]\n")).startsWith("site.yml:1: baseUrl: expected the site's address");
  }

  @Test
  void aKnownTextKeyWithAListOrMappingIsAnError() throws IOException {
    assertThat(error("title: [a, b]\n")).isEqualTo("site.yml:1: title: expected text, found a list");
    assertThat(error("x: 1\ndescription: {a: 1}\n")).isEqualTo("site.yml:2: description: expected text, found a mapping");
    assertThat(error("sourceBase: [a]\n")).isEqualTo("site.yml:1: sourceBase: expected text, found a list");
  }

  @Test
  void aNearlyKnownKeyIsToldAtItsOwnLine() throws IOException {
    Problems problems = new Problems();
    load("title: x\nbaseURL: https://example.org\nblog:\n  pagesize: 5\n", problems);
    assertThat(problems.sorted()).extracting(Problem::toString).containsExactly(
        "site.yml:2: warning: baseURL: did you mean baseUrl? (a key of your own is fine: layouts read it as site.baseURL)",
        "site.yml:4: warning: blog.pagesize: did you mean blog.pageSize? (a key of your own is fine: layouts read it as site.blog.pagesize)");
  }
}
