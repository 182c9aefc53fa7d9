package io.shardrun.operator.decide;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.shardrun.core.plan.Plan;
import io.shardrun.core.plan.PlannedFile;
import io.shardrun.core.plan.PlannedShard;
import io.shardrun.core.render.JobRenderer;
import io.shardrun.core.render.Images;
import io.shardrun.core.results.FileResult;
import io.shardrun.core.results.Outcome;
import io.shardrun.core.results.ResultsCodec;
import io.shardrun.core.results.ResultsDocument;
import io.shardrun.core.results.RunRecord;
import io.shardrun.core.results.RunRecordCodec;
import io.shardrun.core.results.ShardCounts;
import io.shardrun.core.results.ShardState;
import io.shardrun.crd.v1alpha1.Sharding;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * ConfigMap NAME-results of a finished 5,000-file run, as the operator fills it (each shard's kept
 * document and the run's record), measured as the API server stores it: under Kubernetes' 1 MiB.
 * Each shard's 500 results pass the annotation's 64 KiB, so its pod published them in the compact
 * form: the record holds what the pods published (messages as cut there), the tags from the suite.
 */
class ResultsConfigMapSizeTest {
  static final int FILES = 5000;
  static final int SHARDS = 10;
  static final int MIB = 1024 * 1024;
  static final JobRenderer RENDERER = new JobRenderer(Images.defaults());

  @Test
  void fiveThousandFilesWithOneInTwentyFailingFitWithEveryMessage() {
    Built built = finish(20);
    assertThat(built.bytes).isLessThan(MIB);
    RunRecord record = RunRecordCodec.decode(built.map.getData().get(RunRecord.KEY), "record");
    assertThat(record.files()).hasSize(FILES);
    assertThat(record.files()).filteredOn(f -> f.status() == Outcome.FAILED).hasSize(FILES / 20)
        .allSatisfy(f -> assertThat(f.message()).startsWith("steps[4] assertText '#order-"));
    assertThat(record.files()).allSatisfy(f -> {
      assertThat(f.startedMs()).isNotNull();
      assertThat(f.tags()).contains("regression");
    });
  }

  @Test
  void fiveThousandFailingFilesFitWithTheirMessagesCut() {
    Built built = finish(1);
    assertThat(built.bytes).isLessThan(MIB);
    RunRecord record = RunRecordCodec.decode(built.map.getData().get(RunRecord.KEY), "record");
    assertThat(record.files()).hasSize(FILES).allSatisfy(f -> assertThat(f.status()).isEqualTo(Outcome.FAILED));
    assertThat(record.files()).allSatisfy(f -> assertThat(f.failedStep()).isEqualTo(4));
  }

  /** The ConfigMap after a run whose every {@code failEvery}-th file failed with a long, unrepetitive message. */
  static Built finish(int failEvery) {
    Random random = new Random(12);
    List<ShardObservation> shards = new ArrayList<>();
    List<PlannedShard> planned = new ArrayList<>();
    Map<String, String> data = new LinkedHashMap<>();
    long start = 1_780_000_000_000L;
    for (int shard = 0; shard < SHARDS; shard++) {
      List<String> paths = new ArrayList<>();
      List<FileResult> results = new ArrayList<>();
      long at = start;
      for (int i = shard; i < FILES; i += SHARDS) {
        String path = "area-" + (i % 37) + "/feature-" + i + "-" + Long.toString(random.nextLong() & 0xFFFFFFL, 36) + ".json";
        long duration = 500 + random.nextInt(30_000);
        boolean fails = i % failEvery == 0;
        String message = fails ? "steps[4] assertText '#order-" + random.nextInt(1_000_000) + " .total': expected '"
            + randomText(random, 180) + "' but was '" + randomText(random, 180) + "'" : null;
        paths.add(path);
        results.add(new FileResult(path, fails ? Outcome.FAILED : Outcome.PASSED, duration, List.of("area-" + (i % 37), "regression"),
            fails ? 4 : null, message, at, null));
        at += duration + 40;
      }
      ResultsDocument document = new ResultsDocument(shard, ShardState.DONE, ShardCounts.tally(paths.size(), results, at - start), results);
      String value = ResultsCodec.encode(document);
      List<FileResult> read = ResultsCodec.decode(value, paths, "pod").files();
      List<FileResult> tagged = IntStream.range(0, read.size()).mapToObj(f -> read.get(f).withTags(results.get(f).tags())).toList();
      Published published = new Published(value, new ResultsDocument(shard, ShardState.DONE, document.counts(), tagged), null);
      Pod pod = new PodBuilder().withNewMetadata().withName("p" + shard).withCreationTimestamp("2026-11-21T10:00:00Z").endMetadata()
          .withNewStatus().withPhase("Succeeded").endStatus().build();
      shards.add(new ShardObservation(shard, paths, RunDeciderTest.job(shard, "Complete", "CompletionsReached"),
          List.of(new ShardPod(pod, published)), null));
      planned.add(new PlannedShard(shard, 0, paths.stream().map(p -> new PlannedFile(p, 1000)).toList()));
    }
    Decision decision = RunDeciderTest.DECIDER.decide(new RunObservation(RunDeciderTest.run(), RunDeciderTest.T1, null,
        new Plan(Sharding.BALANCED, planned), false, null, shards, null, Set.of()));
    for (Action action : decision.actions()) {
      if (action instanceof Action.KeepResults keep) {
        data.put(JobRenderer.resultsKey(keep.shard()), keep.results().value());
      } else if (action instanceof Action.KeepRunRecord record) {
        data.put(RunRecord.KEY, record.value());
      }
    }
    assertThat(data).hasSize(SHARDS + 1);
    ConfigMap map = RENDERER.resultsConfigMap(RunDeciderTest.run());
    map.setData(data);
    int bytes = Serialization.asJson(map).getBytes(StandardCharsets.UTF_8).length;
    System.out.printf("ConfigMap NAME-results of %d files on %d shards, one in %d failing: %d bytes (%.0f%% of 1 MiB); the run record %d%n",
        FILES, SHARDS, failEvery, bytes, 100.0 * bytes / MIB, data.get(RunRecord.KEY).length());
    return new Built(map, bytes);
  }

  static String randomText(Random random, int chars) {
    StringBuilder text = new StringBuilder(chars);
    for (int i = 0; i < chars; i++) {
      text.append((char) ('a' + random.nextInt(26)));
    }
    return text.toString();
  }

  record Built(ConfigMap map, int bytes) {}
}
