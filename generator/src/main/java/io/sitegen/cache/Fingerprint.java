package io.sitegen.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A SHA-256 over values as layouts see them (front matter maps, lists, strings, numbers, dates),
 * written so that different values never write the same bytes: each value carries its kind, and
 * each text its length. Two models with equal fingerprints render alike.
 */
public final class Fingerprint {
  private final MessageDigest sha = CacheFiles.sha256();

  public Fingerprint add(Object value) {
    if (value == null) {
      tag('n');
    } else if (value instanceof CharSequence text) {
      tag('s');
      text(text.toString());
    } else if (value instanceof Map<?, ?> map) {
      tag('m');
      count(map.size());
      for (Map.Entry<?, ?> e : map.entrySet()) {
        add(e.getKey());
        add(e.getValue());
      }
    } else if (value instanceof List<?> list) {
      tag('l');
      count(list.size());
      for (Object item : list) add(item);
    } else if (value instanceof byte[] bytes) {
      tag('b');
      count(bytes.length);
      sha.update(bytes);
    } else if (value instanceof Object[] array) {
      add(Arrays.asList(array));
    } else {
      // numbers, booleans, dates: their class and text tell them apart
      tag('o');
      text(value.getClass().getName());
      text(value.toString());
    }
    return this;
  }

  public String hex() {
    return HexFormat.of().formatHex(sha.digest());
  }

  private void tag(char kind) {
    sha.update((byte) kind);
  }

  private final byte[] four = new byte[4];

  private void count(int n) {
    four[0] = (byte) (n >>> 24);
    four[1] = (byte) (n >>> 16);
    four[2] = (byte) (n >>> 8);
    four[3] = (byte) n;
    sha.update(four);
  }

  private void text(String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    count(bytes.length);
    sha.update(bytes);
  }
}
