package io.sitegen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installable archive, end to end, as a new user meets it: unpacked anywhere, bin/site starts a
 * site with init, builds it from a subfolder with no -s, builds it again without its post, and
 * serves it. Runs after mvn package made the archive (failsafe, in mvn verify).
 */
class DistributionIT {
  @TempDir
  Path dir;

  private Path site;
  private Path cache;

  private record Run(int code, String output) {}

  private Run run(Path cwd, String... args) throws Exception {
    Process p = process(cwd, args).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), output);
  }

  private ProcessBuilder process(Path cwd, String... args) {
    ProcessBuilder pb = new ProcessBuilder(Stream.concat(Stream.of(site.toString()), Stream.of(args)).toList())
        .directory(cwd.toFile());
    pb.environment().put("XDG_CACHE_HOME", cache.toString()); // the class archive goes to the user's cache
    return pb;
  }

  @Test
  void unpackedAnywhereItStartsBuildsAndServesASite() throws Exception {
    Path target = Path.of(System.getProperty("user.dir"), "target");
    Path archive;
    try (Stream<Path> files = Files.list(target)) {
      archive = files.filter(p -> p.getFileName().toString().matches("site-.*\\.tar\\.gz")).findFirst().orElseThrow();
    }
    Path install = Files.createDirectories(dir.resolve("opt"));
    Process tar = new ProcessBuilder("tar", "xzf", archive.toString(), "-C", install.toString()).inheritIO().start();
    assertThat(tar.waitFor()).isZero();
    try (Stream<Path> unpacked = Files.list(install)) {
      site = unpacked.findFirst().orElseThrow().resolve("bin/site");
    }
    cache = dir.resolve("cache");
    assertThat(Files.isExecutable(site)).isTrue();

    Path home = Files.createDirectories(dir.resolve("home"));
    Run init = run(home, "init", "my-site");
    assertThat(init.code()).as(init.output()).isZero();
    Path mySite = home.resolve("my-site");

    Run build = run(mySite.resolve("content/blog"), "build");
    assertThat(build.code()).as(build.output()).isZero();
    assertThat(build.output()).contains("built 5 pages"); // home, post, docs, 404, search
    assertThat(mySite.resolve("_site/index.html")).exists();
    try (Stream<Path> cached = Files.list(cache.resolve("sitegen"))) {
      assertThat(cached.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(".jsa") || n.endsWith(".aot"));
    }
    assertThat(Files.list(site.getParent().getParent()).map(p -> p.getFileName().toString()).toList())
        .as("nothing is written into the install folder").containsExactlyInAnyOrder("bin", "lib");

    try (Stream<Path> posts = Files.list(mySite.resolve("content/blog"))) {
      for (Path post : posts.filter(p -> p.toString().endsWith(".md")).toList()) Files.delete(post);
    }
    Run again = run(mySite.resolve("layouts"), "build");
    assertThat(again.code()).as(again.output()).isZero();

    Process serve = process(mySite, "serve", "--port", "0").redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
      Pattern at = Pattern.compile("at (http://\\S+/)");
      String url = null;
      while (url == null) {
        String line = out.readLine();
        if (line == null) break;
        Matcher m = at.matcher(line);
        if (m.find()) url = m.group(1);
      }
      assertThat(url).isNotNull();
      // the rest of its output is drained, so that a full pipe never stops the server
      Thread drain = new Thread(() -> {
        try {
          while (out.readLine() != null) {
            // discarded
          }
        } catch (java.io.IOException e) {
          // the server stopped
        }
      });
      drain.setDaemon(true);
      drain.start();
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(java.time.Duration.ofSeconds(10)).build();
      HttpResponse<String> home2 = client.send(HttpRequest.newBuilder(URI.create(url))
          .timeout(java.time.Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(home2.statusCode()).isEqualTo(200);
      assertThat(home2.body()).contains("No posts yet.");
    } finally {
      serve.destroy();
      serve.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
