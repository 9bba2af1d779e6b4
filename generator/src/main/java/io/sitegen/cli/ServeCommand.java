package io.sitegen.cli;

import io.sitegen.pipeline.BuildOptions;
import io.sitegen.serve.PreviewServer;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Previews the site with drafts, reloading the browser on every save.",
        "Rebuilds only what a save touches, and serves from memory: _site/ is never read or written."},
    footerHeading = "%nExamples:%n",
    footer = {"  site serve", "  site serve --port 4000", "  site serve --no-drafts",
        "  site serve --host 0.0.0.0   (other machines can see your drafts)"})
final class ServeCommand implements Callable<Integer> {
  @Mixin
  SourceOption where;

  @Mixin
  Verbosity verbosity;

  @Option(names = {"-p", "--port"}, defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
  String host;

  @Option(names = "--no-drafts", description = "Leave drafts out, as site build does.")
  boolean noDrafts;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (port < 0 || port > 65535) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--port must be between 0 and 65535 (0 picks a free port), not " + port);
    }
    Path root = where.root();
    if (!io.sitegen.config.SiteConfig.hasContent(root)) {
      new Console(spec.commandLine(), verbosity).error(root + ": no content/ folder here: is this the site's root?");
      return Main.CONTENT_ERRORS;
    }
    BuildOptions options = new BuildOptions(root, root.resolve("_site"), !noDrafts, false, false).withCache(true);
    var out = spec.commandLine().getOut();
    PreviewServer server;
    try {
      server = new PreviewServer(options, host, port, spec.commandLine().getErr());
    } catch (BindException e) {
      spec.commandLine().getErr().println("site serve: cannot listen on " + host + ":" + port + ": "
          + e.getMessage() + "; try --port");
      return Main.CONTENT_ERRORS;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      out.println("stopped");
      out.flush();
      stopped.countDown();
    }));
    out.println("serving " + root + " at http://" + hostForUrl(server.address()) + ":" + server.port() + server.basePath() + "/"
        + (noDrafts ? "" : " (drafts included)") + "; Ctrl-C stops");
    out.flush();
    stopped.await();
    return Main.OK;
  }

  private static String hostForUrl(String address) {
    return address.contains(":") ? "[" + address + "]" : address;
  }
}
