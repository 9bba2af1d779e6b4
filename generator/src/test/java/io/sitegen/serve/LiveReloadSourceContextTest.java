package io.sitegen.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The lines around each error that the overlay shows, as LiveReload's JSON carries them: read
 * from the site's own files only, cut to a sane size, and simply left out when they cannot be.
 */
class LiveReloadSourceContextTest {
  @TempDir
  Path dir;
  Path root;
  Path outside;

  @BeforeEach
  void site() throws Exception {
    root = Files.createDirectories(dir.resolve("site"));
    outside = Files.createDirectories(dir.resolve("elsewhere"));
    Files.createDirectories(root.resolve("content/blog"));
    Files.writeString(root.resolve("content/blog/post.md"), numbered(10));
    Files.writeString(outside.resolve("secret.md"), "TOKEN=1\nTOKEN=2\nTOKEN=3\n");
  }

  private static String numbered(int lines) {
    return IntStream.rangeClosed(1, lines).mapToObj(n -> "line " + n + "\n").collect(Collectors.joining());
  }

  /** The JSON as the browser reads it (YAML 1.2 reads JSON). */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> errors(String json) {
    Map<String, Object> parsed = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(json);
    return (List<Map<String, Object>>) parsed.get("errors");
  }

  private Map<String, Object> only(String message) {
    List<Map<String, Object>> errors = errors(LiveReload.errorsJson(List.of(message), root));
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0)).containsEntry("message", message);
    return errors.get(0);
  }

  private static List<String> texts(Map<String, Object> error) {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> context = (List<Map<String, Object>>) error.get("context");
    return context.stream().map(l -> l.get("line") + "|" + l.get("text")).toList();
  }

  @Test
  void threeLinesEachSideOfTheErrorsLine() {
    Map<String, Object> error = only("content/blog/post.md:5: front matter: unclosed");
    assertThat(error).containsEntry("file", "content/blog/post.md").containsEntry("line", 5);
    assertThat(texts(error)).containsExactly("2|line 2", "3|line 3", "4|line 4", "5|line 5", "6|line 6", "7|line 7", "8|line 8");
  }

  @Test
  void theFilesEdgesCutTheWindowAndAColumnIsAllowed() {
    assertThat(texts(only("content/blog/post.md:1:4: bad"))).containsExactly("1|line 1", "2|line 2", "3|line 3", "4|line 4");
    assertThat(texts(only("content/blog/post.md:10: bad"))).containsExactly("7|line 7", "8|line 8", "9|line 9", "10|line 10");
  }

  @Test
  void noContextWithoutALineOrPastTheEndOrWithoutARoot() {
    assertThat(only("content/blog/post.md: missing title")).containsOnlyKeys("message");
    assertThat(only("content/blog/post.md:11: past the end")).containsOnlyKeys("message");
    assertThat(only("content/blog/none.md:2: no such file")).containsOnlyKeys("message");
    assertThat(only("content/blog:2: a folder")).containsOnlyKeys("message");
    assertThat(only("rebuild failed: stack overflow (input nested too deeply?)")).containsOnlyKeys("message");
    assertThat(errors(LiveReload.errorsJson(List.of("content/blog/post.md:5: bad"), null)).get(0)).containsOnlyKeys("message");
  }

  @Test
  void noContextFromAFileOutsideTheRootByNameOrByLink() throws Exception {
    assertThat(only("../elsewhere/secret.md:2: up and out")).containsOnlyKeys("message");
    assertThat(only("content/../../elsewhere/secret.md:2: up and out")).containsOnlyKeys("message");
    assertThat(only(outside.resolve("secret.md") + ":2: absolute")).containsOnlyKeys("message");
    Files.createSymbolicLink(root.resolve("content/blog/link.md"), outside.resolve("secret.md"));
    assertThat(only("content/blog/link.md:2: a link out")).containsOnlyKeys("message");
    Files.createSymbolicLink(root.resolve("content/away"), outside);
    assertThat(only("content/away/secret.md:2: a folder link out")).containsOnlyKeys("message");
    assertThat(LiveReload.errorsJson(List.of("content/away/secret.md:2: x", "content/blog/link.md:1: y"), root))
        .doesNotContain("TOKEN");
  }

  @Test
  void aLinkThatStaysInsideTheSiteAndARootReachedByALinkStillShowTheLines() throws Exception {
    Files.createSymbolicLink(root.resolve("content/blog/same.md"), root.resolve("content/blog/post.md"));
    assertThat(texts(only("content/blog/same.md:2: bad"))).startsWith("1|line 1");
    Path linkedRoot = Files.createSymbolicLink(dir.resolve("linked-site"), root);
    List<Map<String, Object>> errors = errors(LiveReload.errorsJson(List.of("content/blog/post.md:2: bad"), linkedRoot));
    assertThat(texts(errors.get(0))).startsWith("1|line 1");
  }

  @Test
  void longLinesAreCutAndBigFilesAreNotRead() throws Exception {
    Files.writeString(root.resolve("content/blog/long.md"), "short\n" + "x".repeat(5000) + "\nshort\n");
    List<String> lines = texts(only("content/blog/long.md:2: bad"));
    assertThat(lines.get(1)).isEqualTo("2|" + "x".repeat(LiveReload.Located.MAX_LINE) + "\u2026");
    Files.write(root.resolve("content/blog/big.md"), ("a\n".repeat((int) LiveReload.Located.MAX_BYTES / 2 + 1))
        .getBytes(StandardCharsets.UTF_8));
    assertThat(only("content/blog/big.md:1: bad")).containsOnlyKeys("message");
  }

  @Test
  void theTextIsEscapedForJsonAndKeptAsText() throws Exception {
    Files.writeString(root.resolve("content/blog/html.md"), "<script>alert(\"x\")</script>\r\n\tnext & \\last\n");
    String json = LiveReload.errorsJson(List.of("content/blog/html.md:1: bad"), root);
    assertThat(json).doesNotContain("<script>").contains("\\u003cscript\\u003e");
    assertThat(texts(errors(json).get(0))).containsExactly("1|<script>alert(\"x\")</script>", "2|\tnext & \\last");
  }

  @Test
  void onlyTheFirstErrorsGetTheirLines() {
    List<String> many = IntStream.rangeClosed(1, 15).mapToObj(n -> "content/blog/post.md:" + (n % 10 + 1) + ": bad " + n).toList();
    List<Map<String, Object>> errors = errors(LiveReload.errorsJson(many, root));
    assertThat(errors).hasSize(15);
    assertThat(errors.subList(0, LiveReload.Located.MAX_ERRORS_WITH_SOURCE)).allSatisfy(e -> assertThat(e).containsKey("context"));
    assertThat(errors.subList(LiveReload.Located.MAX_ERRORS_WITH_SOURCE, 15)).allSatisfy(e -> assertThat(e).containsOnlyKeys("message"));
  }

  @Test
  void aGoodBuildClearsTheErrors() {
    try (LiveReload reload = new LiveReload(root)) {
      reload.failed(List.of("content/blog/post.md:3: bad"));
      assertThat(reload.errorsJson()).contains("\"context\":[{\"line\":1,\"text\":\"line 1\"}");
      reload.succeeded(null);
      assertThat(reload.errorsJson()).isEqualTo("{\"errors\":[]}");
    }
  }
}
