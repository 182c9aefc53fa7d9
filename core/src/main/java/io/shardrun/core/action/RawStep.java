package io.shardrun.core.action;

/**
 * A step as written, before its arguments are checked: in an action file, or in a template where
 * fields may still hold ${param} references.
 */
record RawStep(String command, String target, String value, Integer timeoutS, String where) {

  RawStep withParams(java.util.Map<String, String> params, String where) {
    return new RawStep(
        command,
        Variables.substitute(target, params),
        Variables.substitute(value, params),
        timeoutS,
        where);
  }
}
