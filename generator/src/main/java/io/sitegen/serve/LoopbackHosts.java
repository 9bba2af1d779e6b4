package io.sitegen.serve;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Host headers a loopback-bound preview answers to. Without this check a page on any web site
 * could point its own name at 127.0.0.1 (DNS rebinding) and read the preview, drafts included,
 * through the visitor's browser: the browser thinks it is talking to that site, and the Host header
 * is the one thing that tells the two apart.
 */
final class LoopbackHosts {
  private LoopbackHosts() {}

  /**
   * @param host  the Host header as sent, null when there was none
   * @param bound the address the server listens on, a loopback address
   * @param port  the port the server listens on
   */
  static boolean accepts(String host, InetAddress bound, int port) {
    if (host == null) return false;
    String literal = bound instanceof Inet6Address ? "[" + bound.getHostAddress() + "]" : bound.getHostAddress();
    Set<String> accepted = new HashSet<>();
    for (String name : List.of("localhost", "127.0.0.1", "[::1]", literal)) {
      accepted.add(name + ":" + port);
      if (port == 80) accepted.add(name); // a browser leaves out the port it would assume anyway
    }
    return accepted.contains(host.toLowerCase(Locale.ROOT));
  }

  /** The one-line reason sent with the 403. */
  static String refusal(int port) {
    return "forbidden: this preview answers only to localhost:" + port
        + " (the Host header names another site)\n";
  }
}
