package io.sitegen.serve;

import com.sun.net.httpserver.HttpExchange;
import io.sitegen.output.MemoryOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the preview answers to a request: a file of the last good site, with the reload script
 * (and on a draft, a banner) added to HTML; a redirect from a folder's name to the folder; the 404
 * page; or one of its own endpoints under {@value #PREFIX}.
 */
final class Routes {
  static final String PREFIX = "/_sitegen/";
  private static final byte[] CLIENT_JS = loadClient();

  private final InetSocketAddress bound;
  private final MemoryOutput site;
  private final LiveReload reload;
  private final Supplier<Set<String>> drafts;
  private final Supplier<Map<String, String>> scheduled;
  private final Supplier<String> basePath;

  /**
   * @param bound  the address the server listens on, to check the Host of requests against
   * @param drafts the output paths of the drafts in the last good site, which get a banner
   * @param basePath the sub-path of baseUrl ({@code /project}, or ""): the site is served under it,
   *               as it will be once published, so that its links work in the preview too
   */
  Routes(InetSocketAddress bound, MemoryOutput site, LiveReload reload, Supplier<Set<String>> drafts,
      Supplier<String> basePath) {
    this(bound, site, reload, drafts, Map::of, basePath);
  }

  /**
   * @param scheduled the output paths of the pages dated after now in the last good site, with
   *                  when they are published: their banner says so
   */
  Routes(InetSocketAddress bound, MemoryOutput site, LiveReload reload, Supplier<Set<String>> drafts,
      Supplier<Map<String, String>> scheduled, Supplier<String> basePath) {
    this.bound = bound;
    this.site = site;
    this.reload = reload;
    this.drafts = drafts;
    this.scheduled = scheduled;
    this.basePath = basePath;
  }

  void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!hostAllowed(exchange)) {
        send(exchange, 403, "text/plain; charset=utf-8",
            LoopbackHosts.refusal(bound.getPort()).getBytes(StandardCharsets.UTF_8));
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
      String base = basePath.get();
      if (!base.isEmpty()) {
        if (raw.equals("/") || raw.equals(base)) {
          // the host's root, or the sub-path without its slash: the site's home
          exchange.getResponseHeaders().set("Location", base + "/");
          send(exchange, raw.equals("/") ? 302 : 301, "text/plain; charset=utf-8", new byte[0]);
          return;
        }
        if (!raw.startsWith(base + "/")) {
          notFound(exchange);
          return;
        }
      }
      String path;
      try {
        path = RequestPath.toOutputPath(raw.substring(base.length()));
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
        notFound(exchange);
        return;
      }
      String file = path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
      String type = MimeTypes.of(file);
      if (type.startsWith("text/html")) {
        String on = scheduled.get().get(file);
        String banner = on != null ? scheduledBanner(on) : drafts.get().contains(file) ? DRAFT_BANNER : null;
        body = inject(body, banner, reload.build());
      }
      send(exchange, 200, type, body);
    }
  }

  /** The site's own 404 page, else a plain one. */
  private void notFound(HttpExchange exchange) throws IOException {
    byte[] own = site.get("404.html");
    byte[] page = own != null ? own : notFoundPage();
    send(exchange, 404, "text/html; charset=utf-8", inject(page, (String) null, reload.build()));
  }

  /**
   * On loopback, only requests naming this machine are answered (see {@link LoopbackHosts}); bound
   * to another address the user asked to be reached under other names, so any Host is fine.
   */
  private boolean hostAllowed(HttpExchange exchange) {
    if (!bound.getAddress().isLoopbackAddress()) return true;
    List<String> hosts = exchange.getRequestHeaders().get("Host");
    // two Host headers are a request smuggling trick, not a browser
    return hosts != null && hosts.size() == 1 && LoopbackHosts.accepts(hosts.get(0), bound.getAddress(), bound.getPort());
  }

  private void handleOwn(HttpExchange exchange, String name, String query) throws IOException {
    switch (name) {
      case "client.js" -> send(exchange, 200, "text/javascript; charset=utf-8", CLIENT_JS);
      case "status" -> send(exchange, 200, "application/json", reload.errorsJson().getBytes(StandardCharsets.UTF_8));
      case "events" -> reload.listen(exchange, query);
      default -> send(exchange, 404, "text/plain; charset=utf-8", new byte[0]);
    }
  }

  /** What the banner of a draft says. */
  static final String DRAFT_BANNER = "Draft: this page is not published by site build";

  /** What the banner of a page dated after now says: {@code on} is when it is published. */
  static String scheduledBanner(String on) {
    return "Scheduled for " + on + ": site build leaves this page out until then (--future includes it)";
  }

  /** Adds the reload script, which names the build that made the page, and the draft banner to a draft. */
  static byte[] inject(byte[] html, boolean draft, int build) {
    return inject(html, draft ? DRAFT_BANNER : null, build);
  }

  /**
   * Adds the reload script, which names the build that made the page, and a banner saying
   * {@code note} (a draft's, a scheduled page's) when it is not null.
   */
  static byte[] inject(byte[] html, String note, int build) {
    String text = new String(html, StandardCharsets.UTF_8);
    String script = "<script src=\"" + PREFIX + "client.js\" data-build=\"" + build + "\"></script>";
    int end = text.lastIndexOf("</body>");
    text = end < 0 ? text + script : text.substring(0, end) + script + text.substring(end);
    if (note != null) {
      String banner = "<div class=\"sitegen-draft-banner\" role=\"note\" style=\"position:sticky;top:0;"
          + "z-index:2147483646;padding:.5rem 1rem;background:#ffd54f;color:#222;"
          + "font:600 14px/1.4 system-ui,sans-serif;text-align:center\">"
          + escape(note) + "</div>";
      int body = text.indexOf("<body");
      int open = body < 0 ? -1 : text.indexOf('>', body);
      text = open < 0 ? banner + text : text.substring(0, open + 1) + banner + text.substring(open + 1);
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
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
    try (InputStream in = Routes.class.getResourceAsStream("client.js")) {
      return in.readAllBytes();
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("client.js is missing from the jar", e);
    }
  }
}
