package io.shardrun.core.action;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The templates an action file may call: the built-ins, overridden or extended by a suite's own. */
public final class TemplateLibrary {
  public static final List<String> BUILT_IN = List.of("login_basic", "accept_cookies", "switch_locale", "close_modal");

  private final Map<String, Template> byName;
  private final Map<String, String> broken;

  private TemplateLibrary(Map<String, Template> byName, Map<String, String> broken) {
    this.byName = Collections.unmodifiableMap(byName);
    this.broken = Collections.unmodifiableMap(broken);
  }

  /** The built-in templates only. */
  public static TemplateLibrary builtIns() {
    List<Problem> problems = new ArrayList<>();
    Map<String, Template> templates = new TreeMap<>();
    for (String name : BUILT_IN) {
      TemplateParser.parse(name, "built-in/" + name + ".json", resource(name), problems)
          .ifPresent(t -> templates.put(name, t));
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("broken built-in template: " + problems);
    }
    return new TemplateLibrary(templates, Map.of());
  }

  /**
   * The built-ins plus {@code custom} (a custom template replaces a built-in of the same name).
   *
   * @param brokenFiles template names whose files have problems, with the file: a call to one
   *     is reported as such rather than as unknown, and never falls back to a built-in
   */
  public TemplateLibrary with(Collection<Template> custom, Map<String, String> brokenFiles) {
    Map<String, Template> all = new TreeMap<>(byName);
    custom.forEach(t -> all.put(t.name(), t));
    brokenFiles.keySet().forEach(all::remove);
    return new TemplateLibrary(all, brokenFiles);
  }

  /** The file of a custom template that has problems, if {@code name} is one. */
  public Optional<String> brokenFile(String name) {
    return Optional.ofNullable(broken.get(name));
  }

  public Optional<Template> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public Collection<Template> all() {
    return byName.values();
  }

  private static String resource(String name) {
    try (InputStream in = TemplateLibrary.class.getResourceAsStream("/io/shardrun/core/templates/" + name + ".json")) {
      if (in == null) {
        throw new IllegalStateException("built-in template " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
