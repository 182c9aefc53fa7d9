package io.shardrun.cli;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.shardrun.core.render.JobRenderer;
import io.shardrun.core.render.RenderedRun;
import io.shardrun.core.render.SuiteConfigMap;
import io.shardrun.core.run.Manifests;
import io.shardrun.crd.v1alpha1.Sharding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code shardrun render-jobs}: what the operator would create, as YAML for kubectl or GitOps. */
@Command(name = "render-jobs", description = "Render what the operator creates for a TestRun (the"
    + " plan ConfigMap and one Job per shard; with --suite also the suite ConfigMap) as YAML for 'kubectl apply -f'.")
final class RenderJobsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin RunInputs inputs;

  @Mixin ImageOptions images;

  @Option(names = {"-o", "--output-dir"}, paramLabel = "DIR",
      description = "Write one file per object (KIND-NAME.yaml) into DIR instead of one stream on stdout.")
  Path outputDir;

  @Override
  public Integer call() throws IOException {
    if (outputDir != null) {
      OutputPaths.folder("-o", outputDir);
    }
    JobRenderer renderer = new JobRenderer(images.images());
    List<HasMetadata> objects = new ArrayList<>();
    for (RunInputs.Prepared run : inputs.prepare()) {
      if (run.suiteFromDir()) {
        objects.add(SuiteConfigMap.build(run.run().getSpec().getSuite().getConfigMap(),
            run.run().getMetadata().getNamespace(), run.suiteFiles()));
      }
      if (run.plan().sharding() == Sharding.DYNAMIC) {
        spec.commandLine().getErr().println("note: TestRun " + run.run().getMetadata().getName() + " shards dynamically: its"
            + " pods take their work from the operator as they go (annotation shardrun.io/assignment); without the"
            + " operator they wait, then fail");
      }
      RenderedRun rendered = renderer.render(run.run(), run.plan(), run.suiteFiles());
      objects.add(rendered.plan());
      objects.addAll(rendered.jobs());
    }
    if (outputDir == null) {
      spec.commandLine().getOut().print(Manifests.write(objects));
      spec.commandLine().getOut().flush();
      return 0;
    }
    Map<Path, HasMetadata> files = new LinkedHashMap<>();
    for (HasMetadata object : objects) {
      Path file = outputDir.resolve(object.getKind().toLowerCase(Locale.ROOT) + "-" + object.getMetadata().getName() + ".yaml");
      HasMetadata before = files.putIfAbsent(file, object);
      if (before != null) {
        throw new CliException("-o " + outputDir + ": " + describe(before) + " and " + describe(object) + " would both be written to "
            + file.getFileName() + "; render runs of other namespaces into another folder");
      }
    }
    Files.createDirectories(outputDir);
    for (Map.Entry<Path, HasMetadata> file : files.entrySet()) {
      Files.writeString(file.getKey(), Manifests.write(file.getValue()), StandardCharsets.UTF_8);
      spec.commandLine().getErr().println("wrote " + file.getKey());
    }
    return 0;
  }

  private static String describe(HasMetadata object) {
    String namespace = object.getMetadata().getNamespace();
    return object.getKind() + " " + (namespace == null ? "" : namespace + "/") + object.getMetadata().getName();
  }
}
