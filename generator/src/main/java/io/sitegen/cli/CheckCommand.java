package io.sitegen.cli;

import io.sitegen.pipeline.BuildResult;
import io.sitegen.pipeline.SiteBuilder;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Checks the site as a build would, writing nothing.",
        "Front matter, permalinks, layouts, links and anchors; exits 1 on errors."},
    footerHeading = "%nExamples:%n",
    footer = {"  site check", "  site check --drafts", "  site check --strict"})
final class CheckCommand implements Callable<Integer> {
  @Mixin
  SiteOptions site;

  @Mixin
  Verbosity verbosity;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    return run(new Console(spec.commandLine(), verbosity), site);
  }

  static int run(Console console, SiteOptions site) {
    BuildResult result = SiteBuilder.build(site.toBuildOptions(null, false));
    console.problems(result.problems());
    String line = summary(result);
    if (result.ok()) console.result(line); else console.print(line);
    return result.ok() ? Main.OK : Main.CONTENT_ERRORS;
  }

  static String summary(BuildResult result) {
    return "checked " + Console.plural(result.linksChecked(), "link")
        + " in " + Console.plural(result.pagesRead(), "page") + ": " + result.brokenLinks() + " broken, "
        + result.missingAnchors() + " missing anchor" + (result.missingAnchors() == 1 ? "" : "s")
        + " (" + Console.plural(result.errors(), "error") + ", " + Console.plural(result.warnings(), "warning")
        + ", " + Console.seconds(result.millis()) + ")";
  }
}
