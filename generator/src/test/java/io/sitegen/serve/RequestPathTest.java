package io.sitegen.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RequestPathTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "/../site.yml", "/blog/../../site.yml", "/%2e%2e/site.yml", "/%2E%2E/site.yml", "/.%2e/site.yml",
      "/..%2fsite.yml", "/..%2Fsite.yml", "/blog%2f..%2f..%2fsite.yml", "/..\\site.yml", "/..%5csite.yml",
      "/%252e%252e/site.yml", "/%252e%252e%252fsite.yml", "/./index.html", "/a/%00/b", "relative.html", "/%zz",
      "//etc/passwd", "/blog//one.html", "//evil.example", "/%c2%85", "/\u0085", "/a\ud800b", "/%0a"})
  void refusesPathsThatTryToLeaveTheSite(String raw) {
    assertThatThrownBy(() -> RequestPath.toOutputPath(raw)).isInstanceOf(RequestPath.Refused.class);
  }

  @Test
  void mapsOrdinaryPaths() throws Exception {
    assertThat(RequestPath.toOutputPath("/")).isEmpty();
    assertThat(RequestPath.toOutputPath("/blog/")).isEqualTo("blog/");
    assertThat(RequestPath.toOutputPath("/blog/my%20post.html")).isEqualTo("blog/my post.html");
    assertThat(RequestPath.toOutputPath("/css/site.css")).isEqualTo("css/site.css");
    assertThat(RequestPath.toOutputPath("/a..b/c.html")).isEqualTo("a..b/c.html");
    assertThat(RequestPath.toOutputPath("/100%25zz.html")).as("a literal %, not double-encoded").isEqualTo("100%zz.html");
    assertThat(RequestPath.toOutputPath("/%25")).isEqualTo("%");
    assertThat(RequestPath.toOutputPath("/caf%C3%A9/%F0%9F%98%80.html")).isEqualTo("café/\ud83d\ude00.html");
  }
}
