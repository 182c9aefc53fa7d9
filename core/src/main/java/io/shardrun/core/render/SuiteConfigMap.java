package io.shardrun.core.render;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.shardrun.core.suite.SuiteException;
import io.shardrun.core.suite.SuiteFile;
import io.shardrun.core.suite.SuiteFiles;
import io.shardrun.core.suite.SuiteKeys;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A suite stored in a ConfigMap: keys encoded by {@link SuiteKeys} (marked by an annotation), and
 * the shard pods' volume restores the exact relative paths through {@code items}.
 */
public final class SuiteConfigMap {
  /** What the API server accepts in one ConfigMap's data. */
  public static final long MAX_BYTES = 1024 * 1024;

  private SuiteConfigMap() {}

  /** The ConfigMap holding {@code files}; fails clearly when it would exceed 1 MiB. */
  public static ConfigMap build(String name, String namespace, SuiteFiles files) {
    long size = files.sizeBytes();
    if (size > MAX_BYTES) {
      List<SuiteFile> largest = new ArrayList<>(files.files());
      largest.sort(Comparator.comparingInt((SuiteFile f) -> f.content().length()).reversed());
      throw new SuiteException(String.format(
          "the suite is %,d bytes, over the %,d-byte (1 MiB) limit of a ConfigMap; split it into"
              + " several suites (one TestRun each) or trim it. Largest files: %s",
          size, MAX_BYTES, String.join(", ", largest.stream().limit(3).map(SuiteFile::path).toList())));
    }
    for (SuiteFile f : files.files()) {
      if (f.key().length() > SuiteKeys.MAX_KEY_LENGTH) {
        throw new SuiteException(f.path() + ": the path is too long to store in a ConfigMap (its key would be "
            + f.key().length() + " characters, the limit is " + SuiteKeys.MAX_KEY_LENGTH + "); shorten it");
      }
    }
    Map<String, String> data = new LinkedHashMap<>();
    files.files().forEach(f -> data.put(f.key(), f.content()));
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .withLabels(Labels.forSuite())
        .addToAnnotations(SuiteKeys.ENCODING_ANNOTATION, SuiteKeys.ENCODING)
        .endMetadata()
        .withData(data)
        .build();
  }

  /**
   * The suite held by a ConfigMap. Keys are decoded when the ConfigMap says they are encoded;
   * otherwise (for example {@code kubectl create configmap --from-file}) each key is a path.
   */
  public static SuiteFiles read(ConfigMap configMap) {
    Map<String, String> annotations = configMap.getMetadata().getAnnotations();
    boolean encoded = annotations != null && SuiteKeys.ENCODING.equals(annotations.get(SuiteKeys.ENCODING_ANNOTATION));
    List<SuiteFile> files = new ArrayList<>();
    Map<String, String> data = configMap.getData() == null ? Map.of() : configMap.getData();
    data.forEach((key, content) -> {
      String path;
      try {
        path = encoded ? SuiteKeys.decode(key) : key;
      } catch (IllegalArgumentException e) {
        throw new SuiteException("ConfigMap " + configMap.getMetadata().getName() + ": " + e.getMessage());
      }
      if (path.startsWith("/") || java.util.Arrays.asList(path.split("/")).contains("..")) {
        throw new SuiteException("ConfigMap " + configMap.getMetadata().getName() + ": key '" + key + "' names '"
            + path + "', which is not a relative path inside the suite");
      }
      if (SuiteFiles.isSuiteFile(path)) {
        files.add(new SuiteFile(path, key, content));
      }
    });
    return new SuiteFiles(files);
  }
}
