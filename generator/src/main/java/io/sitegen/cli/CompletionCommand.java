package io.sitegen.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "completion", mixinStandardHelpOptions = true,
    description = "Prints a bash (and zsh) completion script for site.",
    footerHeading = "%nExamples:%n",
    footer = {"  source <(./site completion)", "  ./site completion > /etc/bash_completion.d/site"})
final class CompletionCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    String script = AutoComplete.bash("site", spec.root().commandLine());
    spec.commandLine().getOut().print(script);
    spec.commandLine().getOut().flush();
  }
}
