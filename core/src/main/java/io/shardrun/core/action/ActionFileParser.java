package io.shardrun.core.action;

import io.shardrun.crd.v1alpha1.Isolation;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.FileSystems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

/**
 * Parses one action file and expands its template calls. Every problem is recorded with the
 * file and the place in it.
 */
public final class ActionFileParser {
  private static final Set<String> FIELDS = Set.of("meta", "steps");
  private static final Set<String> META_FIELDS =
      Set.of("name", "tags", "depends_on", "serial", "timeout_s", "retries", "covers", "isolation", "extensions");

  private final TemplateLibrary templates;

  public ActionFileParser(TemplateLibrary templates) {
    this.templates = templates;
  }

  /**
   * The file, or empty when it is not a JSON object at all. A file is only fit to run when no
   * problem was added; one with problems is still returned (its bad steps left out) so that its
   * meta, such as depends_on, can be checked too.
   */
  public Optional<ActionFile> parse(String path, String content, List<Problem> problems) {
    JsonReader reader = new JsonReader(path, problems);
    Optional<ObjectNode> root = reader.parseObject(content);
    if (root.isEmpty()) {
      return Optional.empty();
    }
    reader.rejectUnknown(root.get(), null, FIELDS);
    Meta meta = readMeta(path, root.get(), reader);
    List<Step> steps = new ArrayList<>();
    for (StepReader.Entry entry : new StepReader(reader).read(root.get(), true)) {
      if (entry instanceof StepReader.CommandEntry c) {
        StepChecker.check(c.step(), c.step().where(), reader).ifPresent(steps::add);
      } else {
        steps.addAll(expand((StepReader.TemplateCall) entry, reader));
      }
    }
    return Optional.of(new ActionFile(path, meta, List.copyOf(steps)));
  }

  private Meta readMeta(String path, ObjectNode root, JsonReader reader) {
    ObjectNode meta = reader.object(root, null, "meta").orElse(null);
    if (meta == null) {
      return new Meta(path, List.of(), List.of(), false, null, 0, List.of(), null, List.of());
    }
    reader.rejectUnknown(meta, "meta", META_FIELDS);
    List<String> covers = reader.stringList(meta, "meta", "covers");
    for (int i = 0; i < covers.size(); i++) {
      try {
        FileSystems.getDefault().getPathMatcher("glob:" + covers.get(i));
      } catch (PatternSyntaxException e) {
        reader.problem("meta.covers[" + i + "]", "invalid glob '" + covers.get(i) + "': " + e.getDescription());
      }
    }
    return new Meta(
        reader.string(meta, "meta", "name").orElse(path),
        reader.stringList(meta, "meta", "tags"),
        reader.stringList(meta, "meta", "depends_on"),
        reader.bool(meta, "meta", "serial").orElse(false),
        // A file limit of 0 s would stop every file before its first step.
        reader.wholeNumber(meta, "meta", "timeout_s", 1).orElse(null),
        reader.wholeNumber(meta, "meta", "retries", 0).orElse(0),
        covers,
        isolation(meta, reader),
        reader.stringList(meta, "meta", "extensions"));
  }

  private static Isolation isolation(ObjectNode meta, JsonReader reader) {
    String name = reader.string(meta, "meta", "isolation").orElse(null);
    Isolation isolation = Isolation.ofWireName(name);
    if (name != null && isolation == null) {
      reader.problem("meta.isolation", "expected \"context\" or \"session\", found \"" + name + "\"");
    }
    return isolation;
  }

  private static String defaultOf(Template template, String param) {
    Template.Param p = template.params().get(param);
    return p == null ? null : p.defaultValue();
  }

  private List<Step> expand(StepReader.TemplateCall call, JsonReader reader) {
    Optional<Template> found = templates.find(call.template());
    Optional<String> brokenFile = templates.brokenFile(call.template());
    if (brokenFile.isPresent()) {
      reader.problem(call.where() + ".template", "template '" + call.template() + "' has problems; see " + brokenFile.get());
      return List.of();
    }
    if (found.isEmpty()) {
      reader.problem(call.where() + ".template", "unknown template '" + call.template() + "'; known: "
          + String.join(", ", templates.all().stream().map(Template::name).toList()));
      return List.of();
    }
    Template template = found.get();
    Map<String, String> values = new LinkedHashMap<>();
    boolean ok = true;
    for (String given : call.params().keySet()) {
      if (!template.params().containsKey(given)) {
        reader.problem(call.where() + ".params." + given, "unknown parameter for template " + template.name()
            + "; expected one of " + String.join(", ", template.params().keySet()));
        ok = false;
      }
    }
    for (Map.Entry<String, Template.Param> param : template.params().entrySet()) {
      String value = call.params().get(param.getKey());
      if (value == null && param.getValue().required()) {
        reader.problem(call.where() + ".params", "missing parameter '" + param.getKey() + "' for template " + template.name());
        ok = false;
      }
      values.put(param.getKey(), value);
    }
    if (!ok) {
      return List.of();
    }
    // A default may refer to other parameters (as given by the caller or their own defaults);
    // what the caller passes is taken literally.
    Map<String, String> given = new LinkedHashMap<>(values);
    template.params().forEach((name, param) -> {
      if (given.get(name) == null) {
        values.put(name, Variables.substitute(param.defaultValue(), n -> given.get(n) != null ? given.get(n) : defaultOf(template, n)));
      }
    });
    List<Step> steps = new ArrayList<>();
    for (RawStep raw : template.steps()) {
      String where = call.where() + " > template " + template.name() + " " + raw.where();
      StepChecker.check(raw.withParams(values, where), where, reader).ifPresent(steps::add);
    }
    return steps;
  }
}
