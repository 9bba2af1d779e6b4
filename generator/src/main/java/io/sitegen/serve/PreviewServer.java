package io.sitegen.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sitegen.content.Page;
import io.sitegen.pipeline.BuildOptions;
import io.sitegen.pipeline.BuildResult;
import io.sitegen.pipeline.MemoryOutput;
import io.sitegen.pipeline.Session;
import io.sitegen.problems.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The preview server: builds the site into memory, serves it (on loopback unless told otherwise),
 * rebuilds what each save touches and tells the browser to reload. A build with errors leaves the
 * last good site served and shows the errors over the page. Nothing is read from or written to the
 * output folder.
 */
public final class PreviewServer implements AutoCloseable {
  static final String PREFIX = "/_sitegen/";
  private static final byte[] CLIENT_JS = loadClient();

  private final Session session;
  private final Path root;
  private final PrintWriter log;
  private final HttpServer http;
  private final Watcher watcher;
  /** The last good site; a failed build's changes wait in it for the next good one. */
  private final MemoryOutput site = new MemoryOutput();
  private final LiveReload reload = new LiveReload();
  private volatile Set<String> drafts = Set.of();

  /**
   * Builds the site and starts serving it.
   *
   * @param host the address to bind: 127.0.0.1 unless the user asks for another
   */
  public PreviewServer(BuildOptions options, String host, int port, PrintWriter log) throws IOException {
    this.root = options.root().toAbsolutePath().normalize();
    this.log = log;
    this.session = new Session(options, true);
    rebuild(null);
    this.http = HttpServer.create(new InetSocketAddress(host, port), 64);
    if (!http.getAddress().getAddress().isLoopbackAddress()) {
      log.println(exposureWarning(host, options.drafts()));
      log.flush();
    }
    http.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "sitegen-http");
      t.setDaemon(true);
      return t;
    }));
    http.createContext("/", this::handle);
    http.start();
    this.watcher = new Watcher(root,
        List.of(root.resolve("content"), root.resolve("layouts"), root.resolve("assets")),
        Set.of("site.yml"), this::rebuild, log);
  }

  /** Said once when the preview is reachable from other machines, which also lifts the Host check. */
  static String exposureWarning(String host, boolean drafts) {
    return "warning: serving on " + host + ": other machines on the network can read every page"
        + (drafts ? ", drafts included" : "");
  }

  /** The port the server listens on (useful when asked for port 0). */
  public int port() {
    return http.getAddress().getPort();
  }

  public String address() {
    return http.getAddress().getAddress().getHostAddress();
  }

  /** How many browsers listen for reloads. */
  int listeners() {
    return reload.listeners();
  }

  /** When the last reload or error event was sent, from System.nanoTime(); for benchmarks. */
  public long lastEventNanos() {
    return reload.lastEventNanos();
  }

  // ---------------------------------------------------------------- building

  private void rebuild(Set<Path> changed) {
    rebuild(changed, () -> changed == null ? session.build(site) : session.update(changed, site));
  }

  /** @param attempt the build itself; a test passes one that fails */
  synchronized void rebuild(Set<Path> changed, Supplier<BuildResult> attempt) {
    BuildResult result;
    try {
      result = attempt.get();
    } catch (ThreadDeath death) {
      throw death;
    } catch (Throwable t) {
      // Even an Error from a hostile input (2,000 nested lists overflow the parser's stack) must
      // not end the watcher thread: the next save would never be rebuilt. The stack is unwound by
      // now, so reporting is safe; the trace would only bury the one line that matters.
      if (Thread.currentThread().isInterrupted()) return; // closing: the failure is the interrupt's
      String why = "rebuild failed: " + describe(t);
      log.println("site serve: " + why + "; still serving the last good build; fix the file and save again");
      log.flush();
      reload.failed(List.of(why));
      return;
    }
    for (Problem p : result.problems()) log.println(p);
    if (result.ok()) {
      if (changed != null) log.println("rebuilt in " + result.millis() + " ms");
      site.commit();
      Set<String> draftPaths = new HashSet<>();
      for (Map.Entry<String, Page> e : session.publishedByOutput().entrySet()) {
        if (e.getValue().draft()) draftPaths.add(e.getKey());
      }
      drafts = draftPaths;
      reload.succeeded(changed);
    } else {
      // No commit: the last good site stays served, and this build's changes wait for the next.
      log.println("build failed: still serving the last good build");
      reload.failed(result.problems().stream().filter(Problem::isError).map(Problem::toString).toList());
    }
    log.flush();
  }

  /** A failure in words, on one line. */
  static String describe(Throwable t) {
    if (t instanceof StackOverflowError) return "stack overflow (input nested too deeply?)";
    if (t instanceof OutOfMemoryError) return "out of memory (input too large?)";
    String line = t.toString().replaceAll("\\s*\\R\\s*", " ");
    return line.length() <= 300 ? line : line.substring(0, 300) + "...";
  }

  // ---------------------------------------------------------------- serving

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!hostAllowed(exchange)) {
        send(exchange, 403, "text/plain; charset=utf-8",
            LoopbackHosts.refusal(port()).getBytes(StandardCharsets.UTF_8));
        return;
      }
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        send(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n".getBytes(StandardCharsets.UTF_8));
        return;
      }
      String raw = exchange.getRequestURI().getRawPath();
      if (raw.startsWith(PREFIX)) {
        handleOwn(exchange, raw.substring(PREFIX.length()), exchange.getRequestURI().getRawQuery());
        return;
      }
      String path;
      try {
        path = RequestPath.toOutputPath(raw);
      } catch (RequestPath.Refused e) {
        send(exchange, 400, "text/plain; charset=utf-8", ("bad request: " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
        return;
      }
      byte[] body = path.isEmpty() || path.endsWith("/") ? site.get(path + "index.html") : site.get(path);
      if (body == null && !path.isEmpty() && !path.endsWith("/") && site.contains(path + "/index.html")) {
        exchange.getResponseHeaders().set("Location", raw + "/");
        send(exchange, 301, "text/plain; charset=utf-8", new byte[0]);
        return;
      }
      if (body == null) {
        byte[] own = site.get("404.html");
        byte[] page = own != null ? own : notFoundPage();
        send(exchange, 404, "text/html; charset=utf-8", inject(page, false));
        return;
      }
      String file = path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
      String type = MimeTypes.of(file);
      if (type.startsWith("text/html")) body = inject(body, drafts.contains(file));
      send(exchange, 200, type, body);
    }
  }

  /**
   * On loopback, only requests naming this machine are answered (see {@link LoopbackHosts}); bound
   * to another address the user asked to be reached under other names, so any Host is fine.
   */
  private boolean hostAllowed(HttpExchange exchange) {
    InetAddress bound = http.getAddress().getAddress();
    if (!bound.isLoopbackAddress()) return true;
    List<String> hosts = exchange.getRequestHeaders().get("Host");
    // two Host headers are a request smuggling trick, not a browser
    return hosts != null && hosts.size() == 1 && LoopbackHosts.accepts(hosts.get(0), bound, port());
  }

  private void handleOwn(HttpExchange exchange, String name, String query) throws IOException {
    switch (name) {
      case "client.js" -> send(exchange, 200, "text/javascript; charset=utf-8", CLIENT_JS);
      case "status" -> send(exchange, 200, "application/json", reload.errorsJson().getBytes(StandardCharsets.UTF_8));
      case "events" -> reload.listen(exchange, query);
      default -> send(exchange, 404, "text/plain; charset=utf-8", new byte[0]);
    }
  }

  /** Adds the reload script to an HTML page, and the draft banner to a draft. */
  private byte[] inject(byte[] html, boolean draft) {
    return inject(html, draft, reload.build());
  }

  static byte[] inject(byte[] html, boolean draft, int build) {
    String text = new String(html, StandardCharsets.UTF_8);
    String script = "<script src=\"" + PREFIX + "client.js\" data-build=\"" + build + "\"></script>";
    int end = text.lastIndexOf("</body>");
    text = end < 0 ? text + script : text.substring(0, end) + script + text.substring(end);
    if (draft) {
      String banner = "<div class=\"sitegen-draft-banner\" role=\"note\" style=\"position:sticky;top:0;"
          + "z-index:2147483646;padding:.5rem 1rem;background:#ffd54f;color:#222;"
          + "font:600 14px/1.4 system-ui,sans-serif;text-align:center\">"
          + "Draft: this page is not published by ./site build</div>";
      int body = text.indexOf("<body");
      int open = body < 0 ? -1 : text.indexOf('>', body);
      text = open < 0 ? banner + text : text.substring(0, open + 1) + banner + text.substring(open + 1);
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] notFoundPage() {
    return ("<!doctype html><html><head><meta charset=\"utf-8\"><title>Not found</title></head>"
        + "<body><h1>Not found</h1><p>No page at this address. <a href=\"/\">Home</a></p></body></html>")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
    if (!head && body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static byte[] loadClient() {
    try (InputStream in = PreviewServer.class.getResourceAsStream("client.js")) {
      return in.readAllBytes();
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("client.js is missing from the jar", e);
    }
  }

  @Override
  public void close() {
    watcher.close();
    reload.close();
    http.stop(0);
  }
}
