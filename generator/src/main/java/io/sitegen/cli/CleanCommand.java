package io.sitegen.cli;

import io.sitegen.files.SiteFiles;
import io.sitegen.pipeline.BuildOptions;
import io.sitegen.pipeline.SiteBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "clean", mixinStandardHelpOptions = true,
    description = {"Deletes the output folder and the cache (.site-cache/).",
        "The output folder must be one a build may replace: the same rules as site build -o."},
    footerHeading = "%nExamples:%n",
    footer = {"  site clean", "  site clean -o /tmp/preview"})
final class CleanCommand implements Callable<Integer> {
  @Mixin
  SourceOption where;

  @Mixin
  Verbosity verbosity;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR",
      description = "Output folder (default: _site under the site root).")
  Path output;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Console console = new Console(spec.commandLine(), verbosity);
    Path root = where.root();
    Path out = output == null ? root.resolve("_site") : output.toAbsolutePath().normalize();
    BuildOptions options = new BuildOptions(root, out, false, true, false);
    String unusable = SiteBuilder.outputProblem(options);
    if (unusable != null) {
      console.error((output == null ? out : output) + ": " + unusable);
      return Main.USAGE;
    }
    try {
      List<String> removed = SiteBuilder.clean(options, console::note);
      console.result(removed.isEmpty() ? "nothing to remove" : "removed " + String.join(" and ", removed));
      return Main.OK;
    } catch (IOException e) {
      console.error(out + ": " + SiteFiles.describe(e));
      return Main.CONTENT_ERRORS;
    }
  }
}
