package io.shardrun.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * The operator's RBAC rules as the Helm chart grants them (the {@code shardrun.operatorRules}
 * block of charts/shardrun/templates/_helpers.tpl), to check every API request the operator
 * makes in tests against what it will be allowed in a cluster.
 */
final class ChartOperatorRules {
  static final Path HELPERS = Path.of("../charts/shardrun/templates/_helpers.tpl");
  private static final Pattern BLOCK = Pattern.compile(
      "\\{\\{- define \"shardrun.operatorRules\" -}}\\n(.*?)\\{\\{- end -}}", Pattern.DOTALL);
  /** /api/v1/... or /apis/GROUP/VERSION/..., then namespaces/NS/ or not, then RESOURCE[/NAME[/SUBRESOURCE]]. */
  private static final Pattern PATH = Pattern.compile(
      "^/(?:api/v1|apis/([^/]+)/[^/]+)/(?:namespaces/[^/]+/)?([^/]+)(?:/([^/]+)(?:/([^/]+))?)?$");

  record Rule(List<String> groups, List<String> resources, List<String> verbs) {
    boolean allows(Access access) {
      return groups.contains(access.group()) && resources.contains(access.resource()) && verbs.contains(access.verb());
    }
  }

  /** A request as RBAC sees it: verb, API group, resource (with "/subresource"). */
  record Access(String verb, String group, String resource) {
    static Optional<Access> of(String method, String target) {
      URI uri = URI.create(target);
      Matcher m = PATH.matcher(uri.getPath());
      if (!m.matches()) {
        return Optional.empty(); // discovery and the like: not resource requests
      }
      String group = m.group(1) == null ? "" : m.group(1);
      String resource = m.group(2) + (m.group(4) == null ? "" : "/" + m.group(4));
      boolean named = m.group(3) != null;
      boolean watch = uri.getQuery() != null && uri.getQuery().contains("watch=true");
      String verb = switch (method) {
        case "GET" -> watch ? "watch" : named ? "get" : "list";
        case "POST" -> "create";
        case "PUT" -> "update";
        case "PATCH" -> "patch";
        case "DELETE" -> named ? "delete" : "deletecollection";
        default -> method.toLowerCase();
      };
      return Optional.of(new Access(verb, group, resource));
    }
  }

  static List<Rule> rules() throws IOException {
    Matcher block = BLOCK.matcher(Files.readString(HELPERS));
    if (!block.find()) {
      throw new IllegalStateException(HELPERS + " has no shardrun.operatorRules block");
    }
    JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(block.group(1));
    return StreamSupport.stream(rules.spliterator(), false)
        .map(r -> new Rule(strings(r.get("apiGroups")), strings(r.get("resources")), strings(r.get("verbs"))))
        .toList();
  }

  private static List<String> strings(JsonNode list) {
    return StreamSupport.stream(list.spliterator(), false).map(JsonNode::asText).toList();
  }
}
