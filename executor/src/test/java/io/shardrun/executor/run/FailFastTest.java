package io.shardrun.executor.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardrun.core.results.FileRun;
import io.shardrun.core.results.Outcome;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A shard stops at its own first bad file at once, and at another shard's when it is told. */
class FailFastTest {
  static FileRun ended(String file, Outcome outcome) {
    return new FileRun(file, file, 0, outcome, 10, 1, List.of(), null, null, List.of(), 0);
  }

  @Test
  void aShardStopsAtAnotherShardsFailureOnceItIsToldAndAtItsOwnWithoutAsking() {
    AtomicReference<String> told = new AtomicReference<>();
    AtomicInteger asked = new AtomicInteger();
    FailFast failFast = FailFast.on(() -> {
      asked.incrementAndGet();
      return told.get();
    });
    failFast.heard(ended("a.json", Outcome.PASSED));
    assertThat(failFast.whyStopped()).isNull();
    told.set("elsewhere.json");
    assertThat(failFast.whyStopped()).isEqualTo("skipped (fail-fast): elsewhere.json did not pass");

    FailFast own = FailFast.on(() -> {
      asked.incrementAndGet();
      return null;
    });
    int before = asked.get();
    own.heard(ended("b.json", Outcome.ERROR));
    assertThat(own.whyStopped()).isEqualTo("skipped (fail-fast): b.json did not pass");
    assertThat(asked.get()).as("its own failure needs no asking").isEqualTo(before);
  }

  @Test
  void withoutFailFastNothingStopsAndNobodyIsAsked() {
    FailFast off = FailFast.off();
    off.heard(ended("a.json", Outcome.FAILED));
    assertThat(off.whyStopped()).isNull();
  }
}
