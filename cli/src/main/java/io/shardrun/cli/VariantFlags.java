package io.shardrun.cli;

import io.shardrun.core.variant.Variant;
import io.shardrun.core.variant.VariantChecks;
import io.shardrun.crd.v1alpha1.Compare;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --variant NAME=VAR=VALUE,...} (repeatable) and {@code --compare report|strict}, as spec.variants spells them. */
final class VariantFlags {
  static final String VARIANT_DESCRIPTION = "Run every selected file once per variant, each in its own browser user"
      + " context: NAME, then =VAR=VALUE pairs separated by commas (admin=USER=admin,PASSWORD=$${ADMIN_PASSWORD}; a"
      + " value may use an --env variable). Repeatable; replaces the suite's variants.json.";
  static final String COMPARE_DESCRIPTION = "With variants: report lists where a variant's steps differ from the first"
      + " variant's; strict also fails it. Default: the suite's variants.json, else report.";

  private VariantFlags() {}

  /** The variants the flags give; null when none was given (the suite's then hold). */
  static List<Variant> parse(List<String> flags) {
    if (flags.isEmpty()) {
      return null;
    }
    List<Variant> variants = flags.stream().map(VariantFlags::variant).toList();
    List<VariantChecks.Issue> problems = VariantChecks.problems(variants, "--variant");
    if (!problems.isEmpty()) {
      throw new CliException(problems.get(0).toString());
    }
    return variants;
  }

  private static Variant variant(String flag) {
    int eq = flag.indexOf('=');
    if (eq < 0) {
      return new Variant(flag, Map.of());
    }
    Map<String, String> vars = new LinkedHashMap<>();
    for (String pair : flag.substring(eq + 1).split(",", -1)) {
      int at = pair.indexOf('=');
      if (at <= 0) {
        throw new CliException("--variant '" + flag + "': expected NAME=VAR=VALUE,VAR=VALUE..., found '" + pair + "'");
      }
      vars.put(pair.substring(0, at), pair.substring(at + 1));
    }
    return new Variant(flag.substring(0, eq), vars);
  }

  /** Picocli's converter for --compare. */
  static final class CompareConverter extends WireNameConverter<Compare> {
    CompareConverter() {
      super(Compare.values());
    }
  }
}
