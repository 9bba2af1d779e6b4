package io.sitegen.cli;

import io.sitegen.config.SiteConfig;
import io.sitegen.content.Content;
import io.sitegen.content.Page;
import io.sitegen.problems.Problems;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "drafts", mixinStandardHelpOptions = true,
    description = {"Lists the drafts: path, title, date and permalink.",
        "A page dated after now (in site.yml's timezone) is listed too, its date marked (scheduled):"
            + " site build leaves it out until then."},
    footerHeading = "%nExamples:%n", footer = {"  site drafts"})
final class DraftsCommand implements Callable<Integer> {
  @Mixin
  SourceOption where;

  @Mixin
  Verbosity verbosity;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Console console = new Console(spec.commandLine(), verbosity);
    Problems problems = new Problems();
    SiteConfig config = SiteConfig.load(where.root(), problems);
    java.time.Instant now = java.time.Instant.now();
    // a page dated after now is a draft until its date: listed, marked scheduled
    List<Page> drafts = Content.read(config, io.sitegen.files.SiteFiles.of(config, where.root().resolve("_site")), problems)
        .pages().stream().map(p -> p.asOf(now, config.timezone(), false)).filter(Page::draft).toList();
    console.problems(problems.sorted());
    if (drafts.isEmpty()) {
      console.result("no drafts");
      return problems.hasErrors() ? Main.CONTENT_ERRORS : Main.OK;
    }
    String[][] rows = new String[drafts.size() + 1][];
    rows[0] = new String[] {"PATH", "TITLE", "DATE", "PERMALINK"};
    for (int i = 0; i < drafts.size(); i++) {
      Page p = drafts.get(i);
      String date = p.scheduled() ? p.publishedOn() + " (scheduled)"
          : p.date() == null ? "-" : p.date().format(DateTimeFormatter.ISO_LOCAL_DATE);
      rows[i + 1] = new String[] {p.source(), p.title(), date, p.url()};
    }
    int[] widths = new int[4];
    for (String[] row : rows) {
      for (int c = 0; c < 4; c++) widths[c] = Math.max(widths[c], row[c].length());
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < 4; c++) {
        line.append(row[c]);
        if (c < 3) line.append(" ".repeat(widths[c] - row[c].length() + 2));
      }
      console.print(line.toString());
    }
    return problems.hasErrors() ? Main.CONTENT_ERRORS : Main.OK;
  }
}
