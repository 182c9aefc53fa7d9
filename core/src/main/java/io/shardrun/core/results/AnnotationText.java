package io.shardrun.core.results;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * How a results document's JSON is stored as an annotation value: as itself while it is small
 * (readable with {@code kubectl get pod -o yaml}), as {@value #GZIP_PREFIX} + base64(gzip(JSON))
 * beyond {@value #PLAIN_MAX_BYTES} bytes, so the pod's annotations stay far below Kubernetes'
 * 256 KiB limit.
 */
final class AnnotationText {
  static final int PLAIN_MAX_BYTES = 8 * 1024;
  static final String GZIP_PREFIX = "gz:";

  private AnnotationText() {}

  static String wrap(byte[] json) {
    if (json.length <= PLAIN_MAX_BYTES) {
      return new String(json, StandardCharsets.UTF_8);
    }
    ByteArrayOutputStream zipped = new ByteArrayOutputStream(json.length / 4);
    try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
      gzip.write(json);
    } catch (IOException e) {
      throw new UncheckedIOException("gzip into memory cannot fail", e);
    }
    return GZIP_PREFIX + Base64.getEncoder().encodeToString(zipped.toByteArray());
  }

  /**
   * The JSON bytes of an annotation value. Inflates no more than {@code maxBytes} + 1 bytes, so a
   * hostile value cannot exhaust memory.
   *
   * @throws IllegalArgumentException naming {@code source} for bad base64, bad gzip, or JSON over
   *     {@code maxBytes} ("oversize")
   */
  static byte[] unwrap(String value, int maxBytes, String source) {
    byte[] json;
    if (value.startsWith(GZIP_PREFIX)) {
      byte[] zipped;
      try {
        zipped = Base64.getDecoder().decode(value.substring(GZIP_PREFIX.length()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(source + ": bad base64 after '" + GZIP_PREFIX + "': " + e.getMessage(), e);
      }
      json = gunzip(zipped, maxBytes, source);
    } else {
      json = value.getBytes(StandardCharsets.UTF_8);
    }
    if (json.length > maxBytes) {
      throw new IllegalArgumentException(source + ": oversize result document: its JSON passes " + maxBytes + " bytes");
    }
    return json;
  }

  private static byte[] gunzip(byte[] zipped, int maxBytes, String source) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped))) {
      return in.readNBytes(maxBytes + 1);
    } catch (IOException e) {
      throw new IllegalArgumentException(source + ": bad gzip after '" + GZIP_PREFIX + "': " + e.getMessage(), e);
    }
  }
}
