package io.sitegen.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sitegen.config.SiteConfig;
import io.sitegen.problems.Problem;
import io.sitegen.problems.Problems;
import io.sitegen.testing.TestSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** data/ as layouts see it: exact values, and each way a data file can be wrong, located. */
class DataFilesTest {
  @TempDir
  Path dir;

  private Problems problems = new Problems();

  private Map<String, Object> load() {
    problems = new Problems();
    return DataFiles.load(SiteConfig.load(dir, new Problems()), dir.resolve("_site"), problems);
  }

  private List<String> problems() {
    return problems.sorted().stream().map(Problem::toString).toList();
  }

  @Test
  void yamlJsonAndFoldersAreNestedMapsWithExactValues() {
    new TestSite(dir)
        .write("data/sidebar.yml", "- title: Start\n  url: /docs/\n- title: Setup\n  url: /docs/setup.html\n")
        .write("data/release.json", "{\n\t\"version\": \"2.0\",\n\t\"major\": 2,\n\t\"big\": 12345678901,"
            + "\n\t\"ratio\": 0.5, \"stable\": true, \"notes\": null,\n\t\"name\": \"caf\\u00e9 \\\"x\\\"\"\n}\n")
        .write("data/team/core.yaml", "lead: Ada\nmembers: [Ada, Grace]\n")
        .write("data/team/alumni/2023.yml", "count: 3\n")
        .write("data/empty.yml", "")
        .write("data/README.md", "not data: left alone\n")
        .write("data/.hidden.yml", "secret: 1\n")
        .write("data/.git/config.yml", "secret: 2\n");
    Map<String, Object> data = load();
    assertThat(problems()).isEmpty();
    Map<String, Object> release = new LinkedHashMap<>();
    release.put("version", "2.0");
    release.put("major", 2);
    release.put("big", 12345678901L);
    release.put("ratio", 0.5);
    release.put("stable", true);
    release.put("notes", null);
    release.put("name", "café \"x\"");
    assertThat(data).isEqualTo(Map.of(
        "empty", Map.of(),
        "release", release,
        "sidebar", List.of(Map.of("title", "Start", "url", "/docs/"), Map.of("title", "Setup", "url", "/docs/setup.html")),
        "team", Map.of("alumni", Map.of("2023", Map.of("count", 3)),
            "core", Map.of("lead", "Ada", "members", List.of("Ada", "Grace")))));
    // in the order of the files' names, as layouts iterate it
    assertThat(data.keySet()).containsExactly("empty", "release", "sidebar", "team");
    @SuppressWarnings("unchecked")
    Map<String, Object> read = (Map<String, Object>) data.get("release");
    assertThat(read.keySet())
        .containsExactly("version", "major", "big", "ratio", "stable", "notes", "name");
  }

  @Test
  void theValuesAreReadOnlyForLayoutsRenderedInParallel() {
    new TestSite(dir).write("data/team.yml", "members: [Ada]\n");
    Map<String, Object> data = load();
    @SuppressWarnings("unchecked")
    List<Object> members = (List<Object>) ((Map<String, Object>) data.get("team")).get("members");
    assertThatThrownBy(() -> members.add("Mallory")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> data.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aMissingFolderIsNoData() {
    assertThat(load()).isEmpty();
    assertThat(problems()).isEmpty();
  }

  @Test
  void malformedYamlIsLocatedAtItsLineAndColumn() {
    new TestSite(dir)
        .write("data/ok.yml", "a: 1\n")
        .write("data/team.yml", "lead: Ada\nmembers: [Ada, Grace\nnext: x\n");
    Map<String, Object> data = load();
    assertThat(problems()).containsExactly("data/team.yml:3:5: YAML: expected ',' or ']', but got :");
    assertThat(data).containsOnlyKeys("ok");
    new TestSite(dir).write("data/team.yml", "lead: Ada\n  bad: indent\n");
    load();
    assertThat(problems()).containsExactly("data/team.yml:2:6: YAML: mapping values are not allowed here");
  }

  @Test
  void malformedJsonIsLocatedWhereItStopsBeingJson() {
    TestSite site = new TestSite(dir);
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("{\n  \"a\": 1\n  \"b\": 2\n}", "3:3: JSON: expected ',' or '}', found '\"'");
    cases.put("{\n  \"a\": [1, 2,]\n}", "2:14: JSON: expected a value, found ']' (a comma before it is one too many)");
    cases.put("{\"a\": 1,}", "1:9: JSON: expected a key in double quotes, found '}' (a comma before it is one too many)");
    cases.put("{\n\t\"a\": 'x'\n}", "2:7: JSON: expected a value, found \"'\" (JSON strings are in double quotes)");
    cases.put("{\"é\": \"ü\", \"a\": tru}", "1:17: JSON: expected a value, found 'tru'");
    cases.put("{\"a\": \"line\nbreak\"}", "1:12: JSON: the string is not closed on its line (write a line break as \\n)");
    cases.put("{\"a\": 1, \"a\": 2}", "1:10: JSON: duplicate key \"a\"");
    cases.put("{\"a\": 01}", "1:7: JSON: a number cannot start with 0 (quote it to keep the zeros)");
    cases.put("{\"a\": 1} // note", "1:10: JSON: expected the end of the file after the value, found a comment (JSON has none)");
    cases.put("[1, 2", "1:6: JSON: unexpected end of the file: the array opened at 1:1 is not closed");
    cases.put("", "1:1: JSON: empty: a JSON file holds one value");
    cases.put("[".repeat(101), "1:101: JSON: nested deeper than 100 levels");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      site.write("data/x.json", c.getKey());
      Map<String, Object> data = load();
      assertThat(problems()).as(c.getKey()).containsExactly("data/x.json:" + c.getValue());
      assertThat(data).as(c.getKey()).isEmpty();
    }
  }

  @Test
  void jsonIndentedWithTabsAndCrlfIsRead() {
    new TestSite(dir).write("data/x.json", "{\r\n\t\"a\": [\r\n\t\t1,\r\n\t\t\"\\ud83d\\ude00\"\r\n\t]\r\n}\r\n");
    assertThat(load()).isEqualTo(Map.of("x", Map.of("a", List.of(1, "😀"))));
    assertThat(problems()).isEmpty();
  }

  @Test
  void twoFilesOfOneNameAreAnErrorNamingBoth() {
    new TestSite(dir)
        .write("data/a.yml", "x: 1\n")
        .write("data/a.json", "{\"x\": 2}")
        .write("data/b.yml", "y: 1\n");
    Map<String, Object> data = load();
    assertThat(problems()).containsExactly(
        "data/a.json: data.a is written by two files: data/a.json and data/a.yml; keep one");
    assertThat(data).containsOnlyKeys("b");
    new TestSite(dir).write("data/team/core.yml", "x: 1\n").write("data/team/core.yaml", "x: 1\n");
    load();
    assertThat(problems()).contains(
        "data/team/core.yaml: data.team.core is written by two files: data/team/core.yaml and data/team/core.yml; keep one");
  }

  @Test
  void aFileAndAFolderOfOneNameAreAnError() {
    new TestSite(dir).write("data/team.yml", "x: 1\n").write("data/team/core.yml", "y: 1\n");
    Map<String, Object> data = load();
    assertThat(problems()).containsExactly("data/team.yml: data.team is also the folder data/team/; rename one of them");
    assertThat(data).isEqualTo(Map.of("team", Map.of("core", Map.of("y", 1))));
  }

  @Test
  void aSymlinkOutOfTheSiteIsRefusedAndNeverRead() throws Exception {
    Path outside = Files.createTempDirectory("sitegen-outside-");
    try {
      Files.writeString(outside.resolve("secret.yml"), "token: s3cret\n");
      new TestSite(dir).write("data/ok.yml", "a: 1\n").write("content/inside.yml", "b: 2\n");
      Files.createSymbolicLink(dir.resolve("data/secret.yml"), outside.resolve("secret.yml"));
      Files.createSymbolicLink(dir.resolve("data/inside.yml"), dir.resolve("content/inside.yml"));
      Map<String, Object> data = load();
      assertThat(problems()).containsExactly("data/secret.yml: symlink to a file outside the site");
      assertThat(data).isEqualTo(Map.of("ok", Map.of("a", 1), "inside", Map.of("b", 2)));
      assertThat(data.toString()).doesNotContain("s3cret");

      Files.delete(dir.resolve("data/secret.yml"));
      Files.createSymbolicLink(dir.resolve("data/more"), outside);
      data = load();
      assertThat(problems()).containsExactly("data/more: symlink to a folder outside the site");
      assertThat(data.toString()).doesNotContain("s3cret");
    } finally {
      Files.deleteIfExists(outside.resolve("secret.yml"));
      Files.deleteIfExists(outside);
    }
  }

  @Test
  void aDataFolderThatIsASymlinkOutOfTheSiteIsRefused() throws Exception {
    Path outside = Files.createTempDirectory("sitegen-outside-");
    try {
      Files.writeString(outside.resolve("secret.yml"), "token: s3cret\n");
      Files.createSymbolicLink(dir.resolve("data"), outside);
      Map<String, Object> data = load();
      assertThat(problems()).containsExactly("data: symlink to a folder outside the site");
      assertThat(data).isEmpty();
    } finally {
      Files.deleteIfExists(outside.resolve("secret.yml"));
      Files.deleteIfExists(outside);
    }
  }
}
