package io.shardrun.charts;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The checks of the Pod Security Standard "restricted" profile (which includes "baseline"), as
 * the Pod Security admission controller applies them, plus Shardrun's own bar: a read-only root
 * filesystem in every container.
 */
final class RestrictedPodSecurity {
  /** The volume types "restricted" allows. */
  static final Set<String> ALLOWED_VOLUMES = Set.of("configMap", "csi", "downwardAPI", "emptyDir", "ephemeral",
      "persistentVolumeClaim", "projected", "secret");

  private RestrictedPodSecurity() {}

  /** What keeps the pod out of "restricted", one line each, naming the container; empty when it complies. */
  static List<String> violations(PodSpec pod) {
    List<String> out = new ArrayList<>();
    if (Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostPID()) || Boolean.TRUE.equals(pod.getHostIPC())) {
      out.add("pod: shares a host namespace");
    }
    for (Volume volume : pod.getVolumes()) {
      String type = volumeType(volume);
      if (!ALLOWED_VOLUMES.contains(type)) {
        out.add("volume " + volume.getName() + ": type " + type + " is not allowed");
      }
    }
    PodSecurityContext podContext = pod.getSecurityContext() == null ? new PodSecurityContext() : pod.getSecurityContext();
    if (podContext.getSysctls() != null && !podContext.getSysctls().isEmpty()) {
      out.add("pod: sets sysctls");
    }
    if (Long.valueOf(0).equals(podContext.getRunAsUser())) {
      out.add("pod: runAsUser 0");
    }
    for (Container container : containers(pod).toList()) {
      String where = "container " + container.getName() + ": ";
      SecurityContext context = container.getSecurityContext() == null ? new SecurityContext() : container.getSecurityContext();
      if (Boolean.TRUE.equals(context.getPrivileged())) {
        out.add(where + "privileged");
      }
      if (!Boolean.FALSE.equals(context.getAllowPrivilegeEscalation())) {
        out.add(where + "allowPrivilegeEscalation is not false");
      }
      Capabilities caps = context.getCapabilities();
      if (caps == null || caps.getDrop() == null || !caps.getDrop().contains("ALL")) {
        out.add(where + "does not drop ALL capabilities");
      }
      if (caps != null && caps.getAdd() != null && caps.getAdd().stream().anyMatch(c -> !c.equals("NET_BIND_SERVICE"))) {
        out.add(where + "adds capabilities " + caps.getAdd());
      }
      boolean nonRoot = context.getRunAsNonRoot() != null ? context.getRunAsNonRoot() : Boolean.TRUE.equals(podContext.getRunAsNonRoot());
      if (!nonRoot) {
        out.add(where + "runAsNonRoot is not true");
      }
      if (Long.valueOf(0).equals(context.getRunAsUser())) {
        out.add(where + "runAsUser 0");
      }
      SeccompProfile seccomp = context.getSeccompProfile() != null ? context.getSeccompProfile() : podContext.getSeccompProfile();
      if (seccomp == null || !Set.of("RuntimeDefault", "Localhost").contains(seccomp.getType())) {
        out.add(where + "seccompProfile is not RuntimeDefault or Localhost");
      }
      if (container.getPorts() != null && container.getPorts().stream().anyMatch(p -> p.getHostPort() != null && p.getHostPort() != 0)) {
        out.add(where + "uses a host port");
      }
      if (!Boolean.TRUE.equals(context.getReadOnlyRootFilesystem())) {
        out.add(where + "root filesystem is writable");
      }
    }
    return out;
  }

  /** The containers that can read a ServiceAccount token: all of them when automounted, else those mounting a projected token. */
  static List<String> containersWithToken(PodSpec pod) {
    if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
      return containers(pod).map(Container::getName).toList(); // the ServiceAccount might automount: assume it does
    }
    Set<String> tokenVolumes = Set.copyOf(pod.getVolumes().stream()
        .filter(v -> v.getProjected() != null && v.getProjected().getSources().stream().anyMatch(s -> s.getServiceAccountToken() != null))
        .map(Volume::getName).toList());
    return containers(pod)
        .filter(c -> c.getVolumeMounts().stream().anyMatch(m -> tokenVolumes.contains(m.getName())))
        .map(Container::getName).toList();
  }

  private static Stream<Container> containers(PodSpec pod) {
    return Stream.of(pod.getInitContainers(), pod.getContainers()).flatMap(List::stream);
  }

  /** The volume's type: its one field besides the name (hostPath, emptyDir, ...). */
  private static String volumeType(Volume volume) {
    Map<?, ?> fields = Serialization.jsonMapper().convertValue(volume, Map.class);
    return fields.keySet().stream().map(String::valueOf).filter(k -> !k.equals("name")).findFirst().orElse("(none)");
  }
}
