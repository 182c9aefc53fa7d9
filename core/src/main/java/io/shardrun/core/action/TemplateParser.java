package io.shardrun.core.action;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Parses a template file: {@code {"description", "params": {NAME: {default, description}}, "steps"}}. */
public final class TemplateParser {
  private static final Set<String> FIELDS = Set.of("description", "params", "steps");
  private static final Set<String> PARAM_FIELDS = Set.of("default", "description");

  private TemplateParser() {}

  /**
   * Parses one template; its name is the file name without {@code .json}.
   *
   * @param source the path reported in problems (suite-relative, or {@code built-in/NAME.json})
   */
  public static Optional<Template> parse(String name, String source, String content, List<Problem> problems) {
    JsonReader reader = new JsonReader(source, problems);
    int before = problems.size();
    Optional<ObjectNode> root = reader.parseObject(content);
    if (root.isEmpty()) {
      return Optional.empty();
    }
    if (!Variables.NAME.matcher(name).matches()) {
      reader.problem(null, "template name '" + name + "' (from the file name) must match " + Variables.NAME.pattern());
    }
    reader.rejectUnknown(root.get(), null, FIELDS);
    String description = reader.string(root.get(), null, "description").orElse("");
    Map<String, Template.Param> params = new LinkedHashMap<>();
    reader.object(root.get(), null, "params").ifPresent(object -> object.fields().forEachRemaining(field -> {
      String where = "params." + field.getKey();
      if (!Variables.NAME.matcher(field.getKey()).matches()) {
        reader.problem(where, "parameter names must match " + Variables.NAME.pattern());
      } else if (!field.getValue().isObject()) {
        reader.problem(where, "expected an object with optional \"default\" and \"description\"");
      } else {
        ObjectNode param = (ObjectNode) field.getValue();
        reader.rejectUnknown(param, where, PARAM_FIELDS);
        params.put(field.getKey(), new Template.Param(
            reader.string(param, where, "default").orElse(null),
            reader.string(param, where, "description").orElse("")));
      }
    }));
    List<RawStep> steps = new ArrayList<>();
    for (StepReader.Entry entry : new StepReader(reader).read(root.get(), false)) {
      RawStep step = ((StepReader.CommandEntry) entry).step();
      StepChecker.command(step, step.where(), reader);
      steps.add(step);
    }
    return problems.size() > before ? Optional.empty() : Optional.of(new Template(name, description, params, steps, source));
  }
}
