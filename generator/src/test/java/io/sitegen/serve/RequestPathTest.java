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
      "/%252e%252e/site.yml", "/%252e%252e%252fsite.yml", "/./index.html", "/a/%00/b", "relative.html", "/%zz"})
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
  }
}
