package io.shardrun.operator;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.shardrun.operator.decide.Announcement;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Kubernetes Events on a TestRun, a TestRunSchedule or a TestPipeline, as `kubectl describe` shows them. Never fails a reconcile. */
public final class Events {
  private static final Logger LOG = LoggerFactory.getLogger(Events.class);
  private static final String SOURCE = "shardrun-operator";

  private final KubernetesClient client;
  private final Clock clock;

  public Events(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  public void record(HasMetadata run, Announcement announcement) {
    record(run, announcement.warning() ? "Warning" : "Normal", announcement.reason(), announcement.message());
  }

  private void record(HasMetadata run, String type, String reason, String message) {
    String now = Instant.now(clock).toString();
    try {
      client.v1().events().inNamespace(run.getMetadata().getNamespace()).resource(new EventBuilder()
          .withNewMetadata().withName(run.getMetadata().getName() + "." + UUID.randomUUID().toString().substring(0, 13)).endMetadata()
          .withInvolvedObject(new ObjectReferenceBuilder().withApiVersion(run.getApiVersion()).withKind(run.getKind())
              .withName(run.getMetadata().getName()).withNamespace(run.getMetadata().getNamespace())
              .withUid(run.getMetadata().getUid()).build())
          .withType(type).withReason(reason).withMessage(message.length() > 1024 ? message.substring(0, 1021) + "..." : message)
          .withFirstTimestamp(now).withLastTimestamp(now).withCount(1)
          .withNewSource().withComponent(SOURCE).endSource()
          .build()).create();
    } catch (KubernetesClientException e) {
      LOG.warn("could not record event {} on {} {}/{}: {}", reason, run.getKind(), run.getMetadata().getNamespace(), run.getMetadata().getName(), e.getMessage());
    }
  }
}
