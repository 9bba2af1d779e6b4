package io.sitegen.cli;

import io.sitegen.build.BuildResult;
import io.sitegen.build.SiteBuilder;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "build", mixinStandardHelpOptions = true,
    description = "Builds the site into the output folder, replacing it only if the build succeeds.",
    footerHeading = "%nExamples:%n",
    footer = {"  site build", "  site build --drafts -o /tmp/preview", "  site build --strict"})
final class BuildCommand implements Callable<Integer> {
  @Mixin
  SiteOptions site;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR",
      description = "Output folder (default: _site under the site root).")
  Path output;

  @Option(names = "--no-link-check", hidden = true,
      description = "Publish links as written, unchecked: only for measuring what checking costs.")
  boolean noLinkCheck;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    BuildResult result = SiteBuilder.build(site.toBuildOptions(output, true).withLinks(!noLinkCheck));
    var err = spec.commandLine().getErr();
    var out = spec.commandLine().getOut();
    Report.problems(result, err);
    if (!result.ok()) {
      err.println("build failed: " + Report.plural(result.errors(), "error")
          + "; the previous output was left as it was");
      return Main.CONTENT_ERRORS;
    }
    out.println("built " + Report.plural(result.pagesWritten(), "page")
        + ", " + Report.plural(result.draftsSkipped(), "draft") + " skipped"
        + ", " + Report.plural(result.filesCopied(), "file") + " copied"
        + ", " + Report.plural(result.linksChecked(), "link") + " checked"
        + (result.warnings() > 0 ? ", " + Report.plural(result.warnings(), "warning") : "")
        + " in " + Report.seconds(result.millis()));
    return Main.OK;
  }
}
