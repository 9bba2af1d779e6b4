package io.sitegen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  /** Every command and command group, with help and completion: all that answers --help. */
  private static void collectAll(CommandLine cli, List<CommandLine> out) {
    out.add(cli);
    for (CommandLine child : cli.getSubcommands().values()) collectAll(child, out);
  }

  /** The codes in the "Exit codes:" section of a command's --help, in order. */
  static List<String> exitCodes(CommandLine command) {
    String help = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
    int heading = help.indexOf("\nExit codes:\n");
    if (heading < 0) return List.of();
    int end = help.indexOf("\n\n", heading + 1);
    String section = help.substring(heading, end < 0 ? help.length() : end);
    List<String> codes = new ArrayList<>();
    Matcher code = Pattern.compile("^  (\\d+)  ", Pattern.MULTILINE).matcher(section);
    while (code.find()) codes.add(code.group(1));
    return codes;
  }

  @Test
  void everyCommandsHelpListsTheExitCodesUpToTheInternalError() {
    List<CommandLine> commands = new ArrayList<>();
    collectAll(new CommandLine(new Main()), commands);
    assertThat(commands).extracting(c -> c.getCommandSpec().qualifiedName())
        .contains("site", "site build", "site new", "site new post", "site completion", "site help");
    for (CommandLine c : commands) {
      String name = c.getCommandSpec().qualifiedName();
      assertThat(exitCodes(c)).as(name + " --help").containsExactly("0", "1", "2", "3");
      assertThat(c.getUsageMessage(CommandLine.Help.Ansi.OFF)).as(name + " --help")
          .containsPattern("(?m)^  3 +an internal error: a bug in sitegen");
    }
  }
}
