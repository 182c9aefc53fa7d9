package io.shardrun.core.action;

import io.shardrun.crd.v1alpha1.Isolation;
import static io.shardrun.core.TestSuites.problems;
import static org.assertj.core.api.Assertions.assertThat;

import io.shardrun.core.TestSuites;
import io.shardrun.core.suite.SuiteParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActionFileParserTest {
  private static final String COMMAND_FIELDS = "command, comment, target, timeout_s, value";

  private static List<Problem> parseAlone(String path, String json) {
    List<Problem> problems = new ArrayList<>();
    new ActionFileParser(TemplateLibrary.builtIns()).parse(path, json, problems);
    return problems;
  }

  @Test
  void validFileParsesMetaAndStepsInOrder() {
    List<Problem> problems = new ArrayList<>();
    Optional<ActionFile> file = new ActionFileParser(TemplateLibrary.builtIns()).parse("shop/checkout.json", """
        {
          "meta": {"name": "checkout happy path", "tags": ["smoke", "checkout"], "serial": true,
                   "timeout_s": 120, "retries": 2, "covers": ["src/cart/**"]},
          "steps": [
            {"command": "open", "target": "${BASE_URL}/shop"},
            {"command": "type", "target": "css=input[name=q]", "value": "shoes", "comment": "search"},
            {"command": "waitForElementVisible", "target": "id=results", "value": "5000", "timeout_s": 7},
            {"command": "assertText", "target": "css=.total", "value": "$42.00"}
          ]
        }
        """, problems);

    assertThat(problems).isEmpty();
    assertThat(file).get().satisfies(f -> {
      assertThat(f.path()).isEqualTo("shop/checkout.json");
      assertThat(f.basename()).isEqualTo("checkout.json");
      assertThat(f.meta()).isEqualTo(new Meta("checkout happy path", List.of("smoke", "checkout"), List.of(),
          true, 120, 2, List.of("src/cart/**"), null, List.of()));
      assertThat(f.steps()).containsExactly(
          new Step(Command.OPEN, "${BASE_URL}/shop", "", null, "steps[0]"),
          new Step(Command.TYPE, "css=input[name=q]", "shoes", null, "steps[1]"),
          new Step(Command.WAIT_FOR_ELEMENT_VISIBLE, "id=results", "5000", 7, "steps[2]"),
          new Step(Command.ASSERT_TEXT, "css=.total", "$42.00", null, "steps[3]"));
    });
  }

  @Test
  void isolationIsContextOrSession() {
    List<Problem> problems = new ArrayList<>();
    Optional<ActionFile> file = new ActionFileParser(TemplateLibrary.builtIns())
        .parse("a.json", "{\"meta\": {\"isolation\": \"session\"}, \"steps\": [{\"command\": \"echo\", \"target\": \"hi\"}]}", problems);
    assertThat(problems).isEmpty();
    assertThat(file.orElseThrow().meta().isolation()).isEqualTo(Isolation.SESSION);

    assertThat(parseAlone("b.json", "{\"meta\": {\"isolation\": \"fresh\"}, \"steps\": [{\"command\": \"echo\", \"target\": \"hi\"}]}"))
        .containsExactly(new Problem("b.json", "meta.isolation", "expected \"context\" or \"session\", found \"fresh\""));
  }

  @Test
  void missingMetaDefaultsNameToThePathAndEverythingElseToEmpty() {
    List<Problem> problems = new ArrayList<>();
    Optional<ActionFile> file = new ActionFileParser(TemplateLibrary.builtIns())
        .parse("a.json", "{\"steps\": [{\"command\": \"echo\", \"target\": \"hi\"}]}", problems);

    assertThat(problems).isEmpty();
    assertThat(file).get().extracting(ActionFile::meta)
        .isEqualTo(new Meta("a.json", List.of(), List.of(), false, null, 0, List.of(), null, List.of()));
  }

  @Test
  void fileWithProblemsIsStillReadWithoutItsBadStepsButKeptOutOfTheSuite() {
    String json = """
        {"meta": {"name": "half", "depends_on": ["b.json"]},
         "steps": [{"command": "echo", "target": "ok"}, {"command": "click", "target": "cs=.x"}]}
        """;
    List<Problem> problems = new ArrayList<>();

    Optional<ActionFile> file = new ActionFileParser(TemplateLibrary.builtIns()).parse("a.json", json, problems);

    assertThat(problems).extracting(Problem::where).containsExactly("steps[1].target");
    assertThat(file).get().satisfies(f -> {
      assertThat(f.meta().dependsOn()).containsExactly("b.json");
      assertThat(f.steps()).extracting(Step::origin).containsExactly("steps[0]");
    });
    assertThat(TestSuites.parse("a.json", json, "b.json", TestSuites.plain()).suite().files())
        .containsOnlyKeys("b.json");
  }

  @Test
  void invalidJsonNamesFileLineAndColumn() {
    List<Problem> problems = problems("broken.json", """
        {
          "steps": [
            {"command": "open" "target": "x"}
          ]
        }
        """);

    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.file()).isEqualTo("broken.json");
      assertThat(p.where()).isEqualTo("line 3, column 24");
      assertThat(p.message()).startsWith("invalid JSON: Unexpected character ('\"' (code 34)): was expecting comma");
    });
  }

  @Test
  void duplicateFieldIsInvalidJson() {
    List<Problem> problems = problems("dup.json", "{\"steps\": [], \"steps\": []}");

    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.where()).isEqualTo("line 1, column 22"); // Jackson reports the position after the repeated name
      assertThat(p.message()).isEqualTo("invalid JSON: Duplicate field 'steps'");
    });
  }

  @Test
  void trailingContentAfterTheObjectIsInvalidJson() {
    List<Problem> problems = problems("trailing.json", "{\"steps\": [{\"command\": \"echo\"}]} {}");

    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.file()).isEqualTo("trailing.json");
      assertThat(p.where()).startsWith("line 1, column ");
      assertThat(p.message()).startsWith("invalid JSON: Trailing token");
    });
  }

  @Test
  void emptyFileSaysItIsEmpty() {
    assertThat(problems("empty.json", "")).containsExactly(
        new Problem("empty.json", null, "the file is empty; expected a JSON object"));
    assertThat(problems("blank.json", "  \n ")).containsExactly(
        new Problem("blank.json", null, "the file is empty; expected a JSON object"));
  }

  @Test
  void topLevelValueThatIsNotAnObjectIsRejected() {
    assertThat(problems("list.json", "[{\"command\": \"echo\"}]")).containsExactly(
        new Problem("list.json", null, "expected a JSON object at the top level, found a list"));
    assertThat(problems("null.json", "null")).containsExactly(
        new Problem("null.json", null, "expected a JSON object at the top level, found null"));
  }

  @Test
  void unknownTopLevelFieldNamesTheFieldAndTheKnownOnes() {
    assertThat(problems("a.json", "{\"stpes\": [], \"steps\": [{\"command\": \"echo\"}]}")).containsExactly(
        new Problem("a.json", "stpes", "unknown field; expected one of meta, steps"));
  }

  @Test
  void unknownMetaFieldNamesTheFieldAndTheKnownOnes() {
    assertThat(problems("a.json", """
        {"meta": {"tag": ["smoke"]}, "steps": [{"command": "echo"}]}
        """)).containsExactly(new Problem("a.json", "meta.tag",
        "unknown field; expected one of covers, depends_on, extensions, isolation, name, retries, serial, tags, timeout_s"));
  }

  @Test
  void unknownStepFieldNamesTheStepAndTheKnownFields() {
    assertThat(problems("a.json", """
        {"steps": [{"command": "echo"}, {"command": "click", "target": "id=x", "valu": "y"}]}
        """)).containsExactly(new Problem("a.json", "steps[1].valu", "unknown field; expected one of " + COMMAND_FIELDS));
  }

  @Test
  void stepWithoutCommandOrTemplateSaysWhatWasExpected() {
    assertThat(problems("a.json", """
        {"steps": [{"target": "id=x"}]}
        """)).containsExactly(new Problem("a.json", "steps[0]",
        "expected \"command\" (a step) or \"template\" (a template call)"));
  }

  @Test
  void emptyCommandIsAMissingCommand() {
    assertThat(problems("a.json", """
        {"steps": [{"command": "echo"}, {"command": "", "target": "id=x"}]}
        """)).containsExactly(new Problem("a.json", "steps[1].command", "missing command"));
  }

  @Test
  void unknownCommandNamesTheCommandAndWhereToLook() {
    assertThat(problems("a.json", """
        {"steps": [{"command": "clik", "target": "id=x"}]}
        """)).containsExactly(new Problem("a.json", "steps[0].command",
        "unknown command 'clik'; see docs/action-files.md for the commands"));
  }

  @Test
  void unknownLocatorPrefixNamesFileStepAndExpectedPrefixes() {
    assertThat(problems("checkout/cart.json", """
        {"steps": [
          {"command": "open", "target": "${BASE_URL}/cart"},
          {"command": "click", "target": "cs=.x"}
        ]}
        """)).containsExactly(new Problem("checkout/cart.json", "steps[1].target",
        "click expects a locator (css=, xpath=, id=, name= or linkText=) in target, found 'cs=.x'"));
  }

  @Test
  void locatorPrefixWithoutExpressionIsRejected() {
    assertThat(problems("a.json", """
        {"steps": [{"command": "click", "target": "css="}]}
        """)).containsExactly(new Problem("a.json", "steps[0].target",
        "click expects a locator (css=, xpath=, id=, name= or linkText=) in target, found 'css='"));
  }

  @Test
  void everyLocatorPrefixIsAccepted() {
    List<Problem> problems = new ArrayList<>();
    Optional<ActionFile> file = new ActionFileParser(TemplateLibrary.builtIns()).parse("a.json", """
        {"steps": [
          {"command": "click", "target": "css=.a"},
          {"command": "click", "target": "xpath=//a"},
          {"command": "click", "target": "id=a"},
          {"command": "click", "target": "name=a"},
          {"command": "click", "target": "linkText=Next page"}
        ]}
        """, problems);

    assertThat(problems).isEmpty();
    assertThat(file.orElseThrow().steps()).extracting(s -> Locator.parse(s.target()).orElseThrow().strategy())
        .containsExactly(Locator.Strategy.CSS, Locator.Strategy.XPATH, Locator.Strategy.ID,
            Locator.Strategy.NAME, Locator.Strategy.LINK_TEXT);
  }

  @Test
  void missingStepsIsReported() {
    assertThat(problems("a.json", "{\"meta\": {\"name\": \"x\"}}")).containsExactly(
        new Problem("a.json", "steps", "expected a non-empty list of steps, found none"));
  }

  @Test
  void emptyStepsListIsReported() {
    assertThat(problems("a.json", "{\"steps\": []}")).containsExactly(
        new Problem("a.json", "steps", "expected a non-empty list of steps, found an empty list"));
  }

  @Test
  void stepsThatAreNotAListAreReported() {
    assertThat(problems("a.json", "{\"steps\": \"open\"}")).containsExactly(
        new Problem("a.json", "steps", "expected a non-empty list of steps, found string \"open\""));
    assertThat(problems("b.json", "{\"steps\": null}")).containsExactly(
        new Problem("b.json", "steps", "expected a non-empty list of steps, found null"));
  }

  @Test
  void stepThatIsNotAnObjectIsReported() {
    assertThat(problems("a.json", "{\"steps\": [{\"command\": \"echo\"}, 3, null]}")).containsExactly(
        new Problem("a.json", "steps[1]", "expected a step object, found number 3"),
        new Problem("a.json", "steps[2]", "expected a step object, found null"));
  }

  @Test
  void badWaitForValueSaysMillisecondsWereExpected() {
    assertThat(problems("a.json", """
        {"steps": [{"command": "waitForElementVisible", "target": "id=x", "value": "soon"}]}
        """)).containsExactly(new Problem("a.json", "steps[0].value",
        "waitForElementVisible expects an optional whole number of milliseconds in value, found 'soon'"));
  }

  @Test
  void waitForValueMayBeEmptyOrAWholeNumberWrittenAsANumber() {
    List<Problem> problems = new ArrayList<>();
    Optional<ActionFile> file = new ActionFileParser(TemplateLibrary.builtIns()).parse("a.json", """
        {"steps": [
          {"command": "waitForElementPresent", "target": "id=x"},
          {"command": "waitForElementPresent", "target": "id=x", "value": 2500}
        ]}
        """, problems);

    assertThat(problems).isEmpty();
    assertThat(file.orElseThrow().steps()).extracting(Step::value).containsExactly("", "2500");
  }

  @Test
  void badSetWindowSizeSaysWidthTimesHeightWasExpected() {
    assertThat(problems("a.json", """
        {"steps": [
          {"command": "setWindowSize", "target": "1280x800"},
          {"command": "setWindowSize", "target": "1280*800"},
          {"command": "setWindowSize", "target": ""}
        ]}
        """)).containsExactly(
        new Problem("a.json", "steps[1].target",
            "setWindowSize expects WIDTHxHEIGHT in pixels, for example 1280x800 in target, found '1280*800'"),
        new Problem("a.json", "steps[2].target",
            "setWindowSize expects WIDTHxHEIGHT in pixels, for example 1280x800 in target, found nothing"));
  }

  @Test
  void valueGivenToACommandThatTakesNoneIsRejected() {
    assertThat(problems("a.json", """
        {"steps": [{"command": "click", "target": "id=go", "value": "now"}]}
        """)).containsExactly(new Problem("a.json", "steps[0].value", "click expects nothing in value, found 'now'"));
  }

  @Test
  void wrongFieldTypesNameTheFieldAndWhatWasFound() {
    assertThat(problems("a.json", """
        {"meta": {"tags": "smoke", "serial": "yes", "timeout_s": 0, "depends_on": ["", 3]},
         "steps": [{"command": "echo", "timeout_s": "10"}]}
        """)).containsExactly(
        new Problem("a.json", "meta.tags", "expected a list of strings, found string \"smoke\""),
        new Problem("a.json", "meta.depends_on[0]", "expected a non-empty string, found \"\""),
        new Problem("a.json", "meta.depends_on[1]", "expected a non-empty string, found 3"),
        new Problem("a.json", "meta.serial", "expected true or false, found \"yes\""),
        new Problem("a.json", "meta.timeout_s", "expected a whole number >= 1, found 0"),
        new Problem("a.json", "steps[0].timeout_s", "expected a whole number >= 0, found \"10\""));
  }

  @Test
  void invalidCoversGlobIsReported() {
    List<Problem> problems = problems("a.json", """
        {"meta": {"covers": ["src/ok/**", "src/[bad"]}, "steps": [{"command": "echo"}]}
        """);

    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.file()).isEqualTo("a.json");
      assertThat(p.where()).isEqualTo("meta.covers[1]");
      assertThat(p.message()).startsWith("invalid glob 'src/[bad': ");
    });
  }

  @Test
  void severalProblemsInOneFileAreAllReportedInFileOrder() {
    assertThat(problems("many.json", """
        {
          "meta": {"name": "many", "owner": "me"},
          "steps": [
            {"command": "open", "target": "${BASE_URL}/"},
            {"command": "clik", "target": "id=x"},
            {"command": "click", "target": "cs=.x"},
            {"template": "nope"},
            {"command": "pause", "target": "a while"},
            {"command": "type", "target": "id=q", "value": "${q"}
          ],
          "extra": true
        }
        """)).containsExactly(
        new Problem("many.json", "extra", "unknown field; expected one of meta, steps"),
        new Problem("many.json", "meta.owner",
            "unknown field; expected one of covers, depends_on, extensions, isolation, name, retries, serial, tags, timeout_s"),
        new Problem("many.json", "steps[1].command",
            "unknown command 'clik'; see docs/action-files.md for the commands"),
        new Problem("many.json", "steps[2].target",
            "click expects a locator (css=, xpath=, id=, name= or linkText=) in target, found 'cs=.x'"),
        new Problem("many.json", "steps[3].template",
            "unknown template 'nope'; known: accept_cookies, close_modal, login_basic, switch_locale"),
        new Problem("many.json", "steps[4].target", "pause expects a whole number of milliseconds in target, found 'a while'"),
        new Problem("many.json", "steps[5].value", "'${' is not closed; expected ${NAME}"));
  }

  @Test
  void unclosedVariableReferenceIsASyntaxError() {
    assertThat(parseAlone("a.json", """
        {"steps": [{"command": "open", "target": "${BASE_URL/shop"}]}
        """)).containsExactly(new Problem("a.json", "steps[0].target", "'${' is not closed; expected ${NAME}"));
  }

  @Test
  void unclosedReferenceAfterAGoodOneIsASyntaxError() {
    assertThat(parseAlone("a.json", """
        {"steps": [{"command": "echo", "target": "${a} and ${b"}]}
        """)).containsExactly(new Problem("a.json", "steps[0].target", "'${' is not closed; expected ${NAME}"));
  }

  @Test
  void referenceWithABadNameIsASyntaxError() {
    assertThat(parseAlone("a.json", """
        {"steps": [
          {"command": "echo", "target": "${1st}"},
          {"command": "echo", "target": "${}"},
          {"command": "echo", "target": "${BASE URL}"}
        ]}
        """)).containsExactly(
        new Problem("a.json", "steps[0].target",
            "'${1st}' is not a variable reference; expected ${NAME} with NAME matching [A-Za-z_][A-Za-z0-9_]*"),
        new Problem("a.json", "steps[1].target",
            "'${}' is not a variable reference; expected ${NAME} with NAME matching [A-Za-z_][A-Za-z0-9_]*"),
        new Problem("a.json", "steps[2].target",
            "'${BASE URL}' is not a variable reference; expected ${NAME} with NAME matching [A-Za-z_][A-Za-z0-9_]*"));
  }

  @Test
  void runTimeVariableIsAcceptedWhereALocatorOrNumberIsExpected() {
    List<Problem> problems = new ArrayList<>();
    Optional<ActionFile> file = new ActionFileParser(TemplateLibrary.builtIns()).parse("a.json", """
        {"steps": [
          {"command": "click", "target": "${BUY_BUTTON}"},
          {"command": "pause", "target": "${DELAY_MS}"},
          {"command": "assert", "target": "total", "value": "${EXPECTED}"}
        ]}
        """, problems);

    assertThat(problems).isEmpty();
    assertThat(file.orElseThrow().steps()).extracting(Step::target)
        .containsExactly("${BUY_BUTTON}", "${DELAY_MS}", "total");
  }

  @Test
  void problemToStringNamesFilePlaceAndMessage() {
    assertThat(new Problem("a.json", "steps[1].target", "bad")).hasToString("a.json: steps[1].target: bad");
    assertThat(new Problem("a.json", null, "bad")).hasToString("a.json: bad");
  }

  @Test
  void orThrowListsEveryProblem() {
    SuiteParser.Result result = TestSuites.parse(
        "a.json", "{\"steps\": []}",
        "b.json", "{\"steps\": [{\"command\": \"clik\"}]}");

    assertThat(result.ok()).isFalse();
    assertThat(org.assertj.core.api.Assertions.catchThrowable(result::orThrow))
        .isInstanceOf(io.shardrun.core.suite.SuiteException.class)
        .hasMessage("the suite has 2 problem(s):\n"
            + "  a.json: steps: expected a non-empty list of steps, found an empty list\n"
            + "  b.json: steps[0].command: unknown command 'clik'; see docs/action-files.md for the commands");
  }
}
