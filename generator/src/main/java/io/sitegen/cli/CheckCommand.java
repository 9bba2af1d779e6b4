package io.sitegen.cli;

import io.sitegen.pipeline.BuildResult;
import io.sitegen.pipeline.SiteBuilder;
import io.sitegen.content.Page;
import io.sitegen.content.Translations;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Checks the site as a build would, writing nothing.",
        "Front matter, permalinks, layouts, links and anchors; exits 1 on errors."},
    footerHeading = "%nExamples:%n",
    footer = {"  site check", "  site check --drafts", "  site check --strict", "  site check --translations"})
final class CheckCommand implements Callable<Integer> {
  @Mixin
  SiteOptions site;

  @Mixin
  Verbosity verbosity;

  @Spec
  CommandSpec spec;

  @Option(names = "--translations", description = {"Also print, for each language but the default, how many pages"
      + " it translates, which translations are older than their original, and which originals it has no"
      + " translation of. Outdated and missing translations do not change the exit code."})
  boolean translations;

  @Override
  public Integer call() {
    return run(new Console(spec.commandLine(), verbosity), site, translations);
  }

  static int run(Console console, SiteOptions site) {
    return run(console, site, false);
  }

  static int run(Console console, SiteOptions site, boolean translations) {
    BuildResult result = translations
        ? SiteBuilder.checkTranslations(site.toBuildOptions(null, false), reports -> table(console, reports))
        : SiteBuilder.build(site.toBuildOptions(null, false));
    console.problems(result.problems());
    String line = summary(result);
    if (result.ok()) console.result(line); else console.print(line);
    return result.ok() ? Main.OK : Main.CONTENT_ERRORS;
  }

  /** The table of {@code --translations}: a row per language, then the outdated translations by name. */
  static void table(Console console, List<Translations.Report> reports) {
    if (reports == null) return; // site.yml could not be read: its errors say why
    if (reports.isEmpty()) {
      console.print("translations: site.yml declares no second language (languages:), so nothing is translated");
      return;
    }
    int width = "language".length();
    for (Translations.Report r : reports) width = Math.max(width, (r.lang() + " " + r.name()).length());
    String row = "  %-" + width + "s  %10s  %8s  %7s";
    console.print("translations:");
    console.print(String.format(Locale.ROOT, row, "language", "translated", "outdated", "missing"));
    for (Translations.Report r : reports) {
      console.print(String.format(Locale.ROOT, row, r.lang() + " " + r.name(), r.translated(), r.outdated().size(),
          r.missing().size()));
    }
    for (Translations.Report r : reports) {
      for (Page page : r.outdated()) console.print("  outdated (" + r.lang() + "): " + page.source());
    }
    // what is left to translate, language by language
    for (Translations.Report r : reports) {
      for (Page page : r.missing()) console.print("  missing (" + r.lang() + "): " + page.source());
    }
  }

  static String summary(BuildResult result) {
    return "checked " + Console.plural(result.linksChecked(), "link")
        + " in " + Console.plural(result.pagesRead(), "page") + ": " + result.brokenLinks() + " broken, "
        + result.missingAnchors() + " missing anchor" + (result.missingAnchors() == 1 ? "" : "s")
        + " (" + Console.plural(result.errors(), "error") + ", " + Console.plural(result.warnings(), "warning")
        + ", " + Console.seconds(result.millis()) + ")";
  }
}
