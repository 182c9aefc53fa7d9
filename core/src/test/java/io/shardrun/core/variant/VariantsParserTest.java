package io.shardrun.core.variant;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardrun.core.action.Problem;
import io.shardrun.crd.v1alpha1.Compare;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariantsParserTest {
  @Test
  void readsVariantsInOrderWithTheirVariables() {
    List<Problem> problems = new ArrayList<>();
    Variants variants = VariantsParser.parse("variants.json", """
        {"version": 1, "compare": "strict", "variants": [
          {"name": "admin", "vars": {"USER": "admin", "PASSWORD": "${ADMIN_PASSWORD}"}},
          {"name": "guest", "vars": {"USER": "guest"}}
        ]}""", problems);

    assertThat(problems).isEmpty();
    assertThat(variants.compare()).isEqualTo(Compare.STRICT);
    assertThat(variants.sets()).extracting(Variant::name).containsExactly("admin", "guest");
    assertThat(variants.sets().get(0).vars()).containsExactly(Map.entry("USER", "admin"), Map.entry("PASSWORD", "${ADMIN_PASSWORD}"));
    assertThat(variants.idsOf("shop/cart.json")).containsExactly("shop/cart.json#admin", "shop/cart.json#guest");
    assertThat(variants.variantOf("shop/cart.json#guest").vars()).containsEntry("USER", "guest");
  }

  @Test
  void everyProblemIsNamedWithItsField() {
    List<Problem> problems = new ArrayList<>();
    Variants variants = VariantsParser.parse("variants.json", """
        {"version": 1, "compare": "loose", "colour": 1, "variants": [
          {"name": "admin", "vars": {"USER": 7}},
          {"name": "admin"},
          {"name": "has space", "vars": {"bad name": "x", "REF": "${not closed"}}
        ]}""", problems);

    assertThat(variants).isEqualTo(Variants.NONE);
    assertThat(problems).extracting(Problem::toString).allMatch(p -> p.startsWith("variants.json")).anySatisfy(p -> assertThat(p)
        .contains("compare", "expected 'report' or 'strict', found 'loose'"));
    assertThat(String.join("\n", problems.stream().map(Problem::toString).toList())).contains(
        "colour", "unknown field",
        "variants[0].vars.USER", "expected a string, found",
        "variants[1].name", "variant 'admin' is named already at variants[0]",
        "variants[2].name", "'has space' is not a variant name",
        "variants[2].vars.bad name", "not a variable name",
        "variants[2].vars.REF", "'${' is not closed");
  }

  @Test
  void anEmptyListIsAProblem() {
    List<Problem> problems = new ArrayList<>();
    VariantsParser.parse("variants.json", "{\"version\": 1, \"variants\": []}", problems);
    assertThat(problems).singleElement().hasToString("variants.json: variants: expected a list of at least one variant"
        + " ({\"name\": ..., \"vars\": {...}}), found an empty list");
  }

  @Test
  void idsTellPathAndVariantApart() {
    assertThat(VariantIds.path("a/b.json#admin")).isEqualTo("a/b.json");
    assertThat(VariantIds.variant("a/b.json#admin")).isEqualTo("admin");
    // A '#' in a file's own name is not a variant: a path always ends in .json.
    assertThat(VariantIds.path("a/odd#name.json")).isEqualTo("a/odd#name.json");
    assertThat(VariantIds.variant("a/odd#name.json")).isNull();
    assertThat(VariantIds.path("a/odd#x.json#b")).isEqualTo("a/odd#x.json");
  }
}
