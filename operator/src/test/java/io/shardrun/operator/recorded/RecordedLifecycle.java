package io.shardrun.operator.recorded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.shardrun.core.run.Manifests;
import io.shardrun.crd.v1alpha1.TestRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One case of testdata/k8s-recordings/lifecycle: the TestRun given to render-jobs, and the watch
 * events a real Kubernetes v1.36 API server sent for its shard Jobs and pods, both streams merged
 * in the order they reached the recorder ({@code seq}), objects as recorded.
 *
 * @param name the case's folder, e.g. a-success
 */
public record RecordedLifecycle(String name, TestRun testRun, List<WatchEvent> events) {
  public static final Path ROOT = Path.of("../testdata/k8s-recordings/lifecycle");
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * @param tMs milliseconds since the case started
   * @param type ADDED, MODIFIED or DELETED
   * @param object the Job or Pod, as the API server sent it
   */
  public record WatchEvent(int seq, long tMs, String type, HasMetadata object) {
    public boolean isJob() {
      return object instanceof Job;
    }
  }

  /** Every recorded case, by folder name: a test that covers "every case" lists them from here. */
  public static List<String> cases() {
    try (Stream<Path> dirs = Files.list(ROOT)) {
      List<String> names = dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
      if (names.isEmpty()) {
        throw new IllegalStateException("no recorded lifecycles in " + ROOT.toAbsolutePath());
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static RecordedLifecycle load(String name) {
    Path dir = ROOT.resolve(name);
    try {
      TestRun run = Manifests.read(Files.readString(dir.resolve("testrun.json")), dir + "/testrun.json").testRuns().get(0);
      List<WatchEvent> events = new ArrayList<>(events(dir.resolve("jobs.watch.ndjson"), Job.class));
      events.addAll(events(dir.resolve("pods.watch.ndjson"), Pod.class));
      events.sort(Comparator.comparingInt(WatchEvent::seq));
      return new RecordedLifecycle(name, run, List.copyOf(events));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<WatchEvent> events(Path file, Class<? extends HasMetadata> kind) throws IOException {
    List<WatchEvent> events = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode event = JSON.readTree(line);
      HasMetadata object = Serialization.unmarshal(JSON.writeValueAsString(event.get("object")), kind);
      events.add(new WatchEvent(event.get("seq").asInt(), event.get("tMs").asLong(), event.get("type").asText(), object));
    }
    return events;
  }
}
