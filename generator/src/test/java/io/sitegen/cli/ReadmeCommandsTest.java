package io.sitegen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The README's command table and the commands' --help cannot drift apart. */
class ReadmeCommandsTest {
  private static final Pattern ROW = Pattern.compile("^\\| `\\./site ([a-z]+(?: (?:post|doc))?)([^`]*)` \\|", Pattern.MULTILINE);
  private static final Pattern OPTION = Pattern.compile("(?<![\\w-])(--?[a-z][a-z-]*)");

  @Test
  void everyCommandIsInTheTableWithOptionsItReallyTakes() throws Exception {
    String readme = Files.readString(Path.of(System.getProperty("user.dir")).resolveSibling("README.md"));
    CommandLine main = new CommandLine(new Main());
    Set<String> inTable = new TreeSet<>();
    List<String> wrong = new ArrayList<>();
    Matcher row = ROW.matcher(readme);
    while (row.find()) {
      String[] names = row.group(1).split(" ");
      CommandLine command = main.getSubcommands().get(names[0]);
      if (command != null && names.length > 1) command = command.getSubcommands().get(names[1]);
      if (command == null) {
        wrong.add("README names ./site " + row.group(1) + ", which is no command");
        continue;
      }
      inTable.add(names[0]);
      Matcher option = OPTION.matcher(row.group(2));
      while (option.find()) {
        if (command.getCommandSpec().findOption(option.group(1)) == null) {
          wrong.add("README gives ./site " + row.group(1) + " " + option.group(1) + ", which --help does not list");
        }
      }
    }
    assertThat(wrong).isEmpty();
    Set<String> commands = new TreeSet<>(main.getSubcommands().keySet());
    commands.remove("help");
    assertThat(inTable).containsAll(commands);
  }

  @Test
  void theReadmesExitCodesAreTheOnesHelpLists() throws Exception {
    String readme = Files.readString(Path.of(System.getProperty("user.dir")).resolveSibling("README.md"));
    int start = readme.indexOf("\nExit codes:");
    assertThat(start).as("README's Exit codes paragraph").isNotNegative();
    String paragraph = readme.substring(start + 1, readme.indexOf("\n\n", start));
    List<String> codes = new ArrayList<>();
    Matcher code = Pattern.compile("`(\\d+)`\\s").matcher(paragraph);
    while (code.find()) codes.add(code.group(1));
    assertThat(codes).containsExactlyElementsOf(CommandOptionsTest.exitCodes(new CommandLine(new Main())));
    assertThat(paragraph).containsPattern("`3`\\s+an internal error");
  }
}
