package io.sitegen.cli;

import picocli.CommandLine.Option;

/** {@code --quiet} and {@code --verbose}, on every command that prints. */
final class Verbosity {
  @Option(names = {"-q", "--quiet"}, description = "Print errors only.")
  boolean quiet;

  @Option(names = {"-v", "--verbose"}, description = "Also print what is done, step by step.")
  boolean verbose;
}
