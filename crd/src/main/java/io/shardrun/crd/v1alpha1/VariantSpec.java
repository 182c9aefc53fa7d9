package io.shardrun.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import java.util.LinkedHashMap;
import java.util.Map;

/** One variant of a run: a name and the variables every selected file runs with in it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VariantSpec {
  @Required
  @Pattern("^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$")
  @JsonPropertyDescription("The variant's name, shown after each file's path as PATH#NAME in results, JUnit and history:"
      + " a letter or digit, then up to 39 letters, digits, '_' or '-'.")
  private String name;

  @JsonPropertyDescription("Variables the files see as ${NAME} in this variant, over spec.env (for example USER and"
      + " PASSWORD of a user, or BASE_URL of an environment). A value may use ${NAME} of spec.env, so that a secret"
      + " stays in a Secret: PASSWORD: ${ADMIN_PASSWORD}.")
  private Map<String, String> vars = new LinkedHashMap<>();

  public VariantSpec() {}

  public VariantSpec(String name, Map<String, String> vars) {
    this.name = name;
    setVars(vars);
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Map<String, String> getVars() {
    return vars;
  }

  public void setVars(Map<String, String> vars) {
    this.vars = vars == null ? new LinkedHashMap<>() : new LinkedHashMap<>(vars);
  }
}
