package io.sitegen.cli;

import io.sitegen.build.BuildResult;
import io.sitegen.build.SiteBuilder;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Runs every check of a build without writing any output:",
        "front matter, permalinks, layouts, links and anchors. Exits 1 on errors."},
    footerHeading = "%nExamples:%n",
    footer = {"  site check", "  site check --drafts", "  site check --strict"})
final class CheckCommand implements Callable<Integer> {
  @Mixin
  SiteOptions site;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    BuildResult result = SiteBuilder.build(site.toBuildOptions(null, false));
    Report.problems(result, spec.commandLine().getErr());
    spec.commandLine().getOut().println("checked " + Report.plural(result.linksChecked(), "link")
        + " in " + Report.plural(result.pagesRead(), "page") + ": " + result.brokenLinks() + " broken, "
        + result.missingAnchors() + " missing anchor" + (result.missingAnchors() == 1 ? "" : "s")
        + " (" + Report.plural(result.errors(), "error") + ", " + Report.plural(result.warnings(), "warning")
        + ", " + Report.seconds(result.millis()) + ")");
    return result.ok() ? Main.OK : Main.CONTENT_ERRORS;
  }
}
