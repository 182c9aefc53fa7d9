package io.shardrun.core.action;

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
 * file and the place in it; a file with problems yields no {@link ActionFile}.
 */
public final class ActionFileParser {
  private static final Set<String> FIELDS = Set.of("meta", "steps");
  private static final Set<String> META_FIELDS =
      Set.of("name", "tags", "depends_on", "serial", "timeout_s", "retries", "covers");

  private final TemplateLibrary templates;

  public ActionFileParser(TemplateLibrary templates) {
    this.templates = templates;
  }

  public Optional<ActionFile> parse(String path, String content, List<Problem> problems) {
    JsonReader reader = new JsonReader(path, problems);
    int before = problems.size();
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
    return problems.size() > before ? Optional.empty() : Optional.of(new ActionFile(path, meta, List.copyOf(steps)));
  }

  private Meta readMeta(String path, ObjectNode root, JsonReader reader) {
    ObjectNode meta = reader.object(root, null, "meta").orElse(null);
    if (meta == null) {
      return new Meta(path, List.of(), List.of(), false, null, 0, List.of());
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
        reader.nonNegativeInt(meta, "meta", "timeout_s").orElse(null),
        reader.nonNegativeInt(meta, "meta", "retries").orElse(0),
        covers);
  }

  private List<Step> expand(StepReader.TemplateCall call, JsonReader reader) {
    Optional<Template> found = templates.find(call.template());
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
      String value = call.params().getOrDefault(param.getKey(), param.getValue().defaultValue());
      if (value == null) {
        reader.problem(call.where() + ".params", "missing parameter '" + param.getKey() + "' for template " + template.name());
        ok = false;
      }
      values.put(param.getKey(), value);
    }
    if (!ok) {
      return List.of();
    }
    values.replaceAll((name, value) -> Variables.substitute(value, values)); // defaults may use other params
    List<Step> steps = new ArrayList<>();
    for (RawStep raw : template.steps()) {
      String where = call.where() + " > template " + template.name() + " " + raw.where();
      StepChecker.check(raw.withParams(values, where), where, reader).ifPresent(steps::add);
    }
    return steps;
  }
}
