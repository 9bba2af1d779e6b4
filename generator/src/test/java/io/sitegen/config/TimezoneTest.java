package io.sitegen.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitegen.problems.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** timezone takes IANA names, the short ones the JDK's own list lacks included. */
class TimezoneTest {
  @TempDir
  Path dir;

  private ZoneId zone(String value) throws IOException {
    Files.writeString(dir.resolve("site.yml"), "timezone: " + value + "\n");
    Problems problems = new Problems();
    ZoneId zone = SiteConfig.load(dir, problems).timezone();
    assertThat(problems.sorted()).as(value).isEmpty();
    return zone;
  }

  @Test
  void shortNamesAreZonesNotMistakes() throws IOException {
    assertThat(zone("EST").getRules().getOffset(java.time.Instant.EPOCH).getTotalSeconds()).isEqualTo(-5 * 3600);
    assertThat(zone("Europe/Warsaw")).isEqualTo(ZoneId.of("Europe/Warsaw"));
    assertThat(zone("UTC")).isEqualTo(ZoneId.of("UTC"));
  }
}
