package io.sitegen.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** Serves a built folder on loopback for browser tests of the static output. */
public final class FolderServer implements AutoCloseable {
  private final HttpServer server;

  public FolderServer(Path folder) {
    this(folder, "");
  }

  /**
   * Serves the folder under {@code prefix} ({@code /project}), as GitHub Pages serves a project
   * site: every other path, the host's root included, is a 404.
   */
  public FolderServer(Path folder, String prefix) {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path root = folder.toAbsolutePath().normalize();
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      if (!path.startsWith(prefix + "/")) {
        exchange.sendResponseHeaders(404, -1);
        exchange.close();
        return;
      }
      Path file = root.resolve(path.substring(prefix.length() + 1)).normalize();
      if (Files.isDirectory(file)) file = file.resolve("index.html");
      if (!file.startsWith(root) || !Files.isRegularFile(file)) {
        exchange.sendResponseHeaders(404, -1);
        exchange.close();
        return;
      }
      String name = file.getFileName().toString();
      String type = name.endsWith(".css") ? "text/css" : name.endsWith(".png") ? "image/png"
          : name.endsWith(".html") ? "text/html; charset=utf-8" : name.endsWith(".js") ? "text/javascript"
          : name.endsWith(".json") ? "application/json" : name.endsWith(".xml") || name.endsWith(".rss")
          || name.endsWith(".atom") ? "application/xml" : "application/octet-stream";
      byte[] body = Files.readAllBytes(file);
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
