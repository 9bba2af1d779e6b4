package io.sitegen.cli;

import io.sitegen.pipeline.BuildOptions;
import io.sitegen.pipeline.BuildResult;
import io.sitegen.pipeline.SiteBuilder;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "build", mixinStandardHelpOptions = true,
    description = "Builds the site into the output folder, replacing it only if the build succeeds.",
    footerHeading = "%nExamples:%n",
    footer = {"  site build", "  site build --drafts -o /tmp/preview", "  site build --strict",
        "  site build --future   (pages dated after now too)"})
final class BuildCommand implements Callable<Integer> {
  @Mixin
  SiteOptions site;

  @Mixin
  Verbosity verbosity;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR",
      description = "Output folder (default: _site under the site root).")
  Path output;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
      description = "Threads that build pages (default: one per core).")
  int threads;

  @Option(names = "--no-link-check", hidden = true,
      description = "Publish links as written, unchecked: only for measuring what checking costs.")
  boolean noLinkCheck;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Console console = new Console(spec.commandLine(), verbosity);
    BuildOptions options = site.toBuildOptions(output, true).withLinks(!noLinkCheck).withThreads(threads);
    String unusable = SiteBuilder.outputProblem(options);
    if (unusable != null) {
      console.error((output == null ? options.output() : output) + ": " + unusable);
      return Main.USAGE;
    }
    console.detail("building " + options.root() + " into " + options.output());
    BuildResult result = SiteBuilder.build(options, console::detail, console::note);
    console.problems(result.problems());
    if (!result.ok()) {
      console.error("build failed: " + Console.plural(result.errors(), "error")
          + "; the previous output was left as it was");
      return Main.CONTENT_ERRORS;
    }
    console.result(summary(result));
    return Main.OK;
  }

  static String summary(BuildResult result) {
    if (result.unchanged()) {
      return "nothing changed since the last build, and its output is as it wrote it: "
          + Console.plural(result.pagesWritten(), "page") + ", " + Console.plural(result.warnings(), "warning")
          + " in " + Console.seconds(result.millis());
    }
    return "built " + Console.plural(result.pagesWritten(), "page")
        + ", " + Console.plural(result.draftsSkipped(), "draft") + " skipped"
        + ", " + Console.plural(result.filesCopied(), "file") + " copied"
        + ", " + Console.plural(result.linksChecked(), "link") + " checked"
        + ", " + Console.plural(result.warnings(), "warning")
        + " in " + Console.seconds(result.millis());
  }
}
