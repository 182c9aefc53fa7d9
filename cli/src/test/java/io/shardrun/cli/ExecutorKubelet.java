package io.shardrun.cli;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.shardrun.executor.browser.LocalChromedriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The kubelet's part for shard pods' executor containers: the real executor, as a process, with each Job's args and env. */
record ExecutorKubelet(KubernetesClient client, String namespace, Path dir) {
  /** The kubelet's part for the executor container of {@code pod}: its volumes on disk, and the executor with the Job's args and env. */
  Process startExecutor(Job job, Pod pod, LocalChromedriver browser) throws Exception {
    String podName = pod.getMetadata().getName();
    var template = job.getSpec().getTemplate();
    Path root = Files.createDirectories(dir.resolve(podName));
    Container executor = template.getSpec().getContainers().get(0);
    List<String> args = new ArrayList<>(executor.getArgs());
    ConfigMap plan = client.configMaps().inNamespace(namespace).withName(template.getSpec().getVolumes().get(0).getConfigMap().getName()).get();
    Path planFile = Files.writeString(root.resolve("plan.json"), plan.getData().get("plan.json"));
    Path suiteDir = Files.createDirectories(root.resolve("suite"));
    ConfigMap suite = client.configMaps().inNamespace(namespace).withName(template.getSpec().getVolumes().get(1).getConfigMap().getName()).get();
    for (var item : template.getSpec().getVolumes().get(1).getConfigMap().getItems()) {
      Path file = suiteDir.resolve(item.getPath());
      Files.createDirectories(file.getParent());
      Files.writeString(file, suite.getData().get(item.getKey()));
    }
    replace(args, "--plan", planFile.toString());
    replace(args, "--suite", suiteDir.toString());
    replace(args, "--webdriver-url", browser.url().toString());
    replace(args, "--out", root.resolve("out").toString());
    args.add("--termination-log=" + Files.createFile(terminationLog(pod))); // the kubelet's /dev/termination-log
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(args);
    ProcessBuilder process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(root.resolve("log").toFile());
    Map<String, String> env = process.environment();
    for (EnvVar var : executor.getEnv()) {
      if (var.getValue() != null) {
        env.put(var.getName(), var.getValue());
      } else if ("metadata.name".equals(var.getValueFrom().getFieldRef().getFieldPath())) {
        env.put(var.getName(), podName);
      } else {
        env.put(var.getName(), namespace);
      }
    }
    env.put("HOME", root.toString());
    env.put("KUBERNETES_MASTER", client.getMasterUrl().toString());
    env.put("KUBERNETES_TRUST_CERTIFICATES", "true");
    env.put("KUBERNETES_AUTH_TRYKUBECONFIG", "false");
    env.put("KUBERNETES_AUTH_TRYSERVICEACCOUNT", "false");
    return process.start();
  }

  Path terminationLog(Pod pod) {
    return dir.resolve(pod.getMetadata().getName()).resolve("termination-log");
  }

  private static void replace(List<String> args, String flag, String value) {
    args.set(args.indexOf(flag) + 1, value);
  }
}
