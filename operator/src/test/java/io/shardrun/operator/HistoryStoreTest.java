package io.shardrun.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.shardrun.core.history.History;
import io.shardrun.core.results.FileResult;
import io.shardrun.core.results.Outcome;
import io.shardrun.crd.v1alpha1.SuiteSource;
import io.shardrun.crd.v1alpha1.TestRun;
import io.shardrun.crd.v1alpha1.TestRunSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class HistoryStoreTest {
  static KubernetesClient client;

  static TestRun run(String name, String uid) {
    TestRun run = new TestRun();
    run.getMetadata().setName(name);
    run.getMetadata().setNamespace("qa");
    run.getMetadata().setUid(uid);
    TestRunSpec spec = new TestRunSpec();
    spec.setSuite(new SuiteSource("shop"));
    run.setSpec(spec);
    return run;
  }

  static final List<FileResult> RESULTS = List.of(
      new FileResult("login.json", Outcome.PASSED, 1200, List.of(), null, null),
      new FileResult("cart.json", Outcome.FAILED, 3400, List.of(), 2, "boom"),
      new FileResult("pay.json", Outcome.SKIPPED, 0, List.of(), null, "not run"));

  History history() {
    ConfigMap map = client.configMaps().inNamespace("qa").withName("shardrun-history-shop").get();
    return HistoryStore.read(map);
  }

  @Test
  void aRunIsRecordedOnceEvenWhenAskedAgainAfterARestart() {
    HistoryStore.record(client, run("r1", "uid-1"), RESULTS, "2026-11-21T10:00:00Z");
    HistoryStore.record(client, run("r1", "uid-1"), RESULTS, "2026-11-21T10:00:05Z");
    HistoryStore.record(client, run("r2", "uid-2"), RESULTS, "2026-11-21T11:00:00Z");

    History history = history();
    assertThat(history.files()).containsOnlyKeys("login.json", "cart.json");
    assertThat(history.files().get("login.json")).hasSize(2);
    assertThat(history.files().get("cart.json")).extracting(r -> r.outcome()).containsExactly(Outcome.FAILED, Outcome.FAILED);
    assertThat(client.configMaps().inNamespace("qa").withName("shardrun-history-shop").get().getMetadata().getAnnotations())
        .containsEntry("shardrun.io/recorded-runs", "uid-1,uid-2");
  }

  @Test
  void anUnreadableHistoryIsLeftAsItIsNotOverwritten() {
    client.configMaps().inNamespace("edited").resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
        .withNewMetadata().withName("shardrun-history-shop").withNamespace("edited").endMetadata()
        .addToData("history.json", "hand-edited {").build()).create();
    TestRun run = run("r3", "uid-3");
    run.getMetadata().setNamespace("edited");

    HistoryStore.record(client, run, RESULTS, "2026-11-21T12:00:00Z");

    ConfigMap kept = client.configMaps().inNamespace("edited").withName("shardrun-history-shop").get();
    assertThat(kept.getData()).containsEntry("history.json", "hand-edited {");
    assertThat(kept.getMetadata().getAnnotations()).isNullOrEmpty();
  }
}
