package io.sitegen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The options the README promises on every command. */
class CommandOptionsTest {
  private static void collect(CommandLine cli, List<CommandLine> out) {
    for (Map.Entry<String, CommandLine> sub : cli.getSubcommands().entrySet()) {
      String name = sub.getKey();
      if (name.equals("help") || name.equals("completion")) continue;
      CommandLine child = sub.getValue();
      if (child.getSubcommands().isEmpty()) out.add(child);
      else collect(child, out);
    }
  }

  @Test
  void everyCommandTakesQuietAndVerbose() {
    List<CommandLine> commands = new ArrayList<>();
    collect(new CommandLine(new Main()), commands);
    assertThat(commands).hasSizeGreaterThanOrEqualTo(9);
    for (CommandLine c : commands) {
      String name = c.getCommandSpec().qualifiedName();
      assertThat(c.getCommandSpec().findOption("-q")).as(name + " -q").isNotNull();
      assertThat(c.getCommandSpec().findOption("-v")).as(name + " -v").isNotNull();
    }
  }

  @Test
  void publishDoesNotOfferDrafts() {
    CommandLine publish = new CommandLine(new Main()).getSubcommands().get("publish");
    assertThat(publish.getCommandSpec().findOption("--drafts")).isNull();
    assertThat(publish.getCommandSpec().findOption("--strict")).isNotNull();
  }
}
