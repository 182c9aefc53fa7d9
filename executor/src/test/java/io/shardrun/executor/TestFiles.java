package io.shardrun.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardrun.core.action.ActionFile;
import io.shardrun.core.action.ActionFileParser;
import io.shardrun.core.action.Problem;
import io.shardrun.core.action.TemplateLibrary;
import java.util.ArrayList;
import java.util.List;

/** Action files for tests, from their JSON. */
public final class TestFiles {
  private TestFiles() {}

  /** The file {@code json} at {@code path}, which must parse without a problem. */
  public static ActionFile parse(String path, String json) {
    List<Problem> problems = new ArrayList<>();
    ActionFile file = new ActionFileParser(TemplateLibrary.builtIns()).parse(path, json, problems).orElseThrow();
    assertThat(problems).isEmpty();
    return file;
  }
}
