package io.shardrun.core.action;

import static io.shardrun.core.TestSuites.problems;
import static io.shardrun.core.TestSuites.suite;
import static org.assertj.core.api.Assertions.assertThat;

import io.shardrun.core.suite.Suite;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateExpansionTest {
  private static final String LOGIN_PARAMS = "url, username, password, username_field, password_field, submit, signed_in";

  private static List<Step> stepsOf(String json) {
    return suite("a.json", json).file("a.json").steps();
  }

  private static String origin(int call, String template, int step) {
    return "steps[" + call + "] > template " + template + " steps[" + step + "]";
  }

  @Test
  void builtInsAreTheFourDocumentedTemplates() {
    assertThat(TemplateLibrary.builtIns().all()).extracting(Template::name)
        .containsExactly("accept_cookies", "close_modal", "login_basic", "switch_locale");
    assertThat(TemplateLibrary.builtIns().find("login_basic")).get()
        .satisfies(t -> {
          assertThat(t.source()).isEqualTo("built-in/login_basic.json");
          assertThat(t.params().keySet()).containsExactly(
              "url", "username", "password", "username_field", "password_field", "submit", "signed_in");
          assertThat(t.params().get("username").required()).isTrue();
          assertThat(t.params().get("url").required()).isFalse();
        });
  }

  @Test
  void loginBasicExpandsWithParamsAndDefaultsAndLeavesBaseUrlForRunTime() {
    List<Step> steps = stepsOf("""
        {"steps": [
          {"command": "echo", "target": "before"},
          {"template": "login_basic", "params": {"username": "alice", "password": "${SHOP_PASSWORD}"}},
          {"command": "echo", "target": "after"}
        ]}
        """);

    assertThat(steps).containsExactly(
        new Step(Command.ECHO, "before", "", null, "steps[0]"),
        new Step(Command.OPEN, "${BASE_URL}/login", "", null, origin(1, "login_basic", 0)),
        new Step(Command.WAIT_FOR_ELEMENT_EDITABLE, "id=username", "", null, origin(1, "login_basic", 1)),
        new Step(Command.TYPE, "id=username", "alice", null, origin(1, "login_basic", 2)),
        new Step(Command.TYPE, "id=password", "${SHOP_PASSWORD}", null, origin(1, "login_basic", 3)),
        new Step(Command.CLICK, "css=button[type=submit]", "", null, origin(1, "login_basic", 4)),
        new Step(Command.WAIT_FOR_ELEMENT_PRESENT, "css=[data-signed-in]", "", null, origin(1, "login_basic", 5)),
        new Step(Command.ECHO, "after", "", null, "steps[2]"));
  }

  @Test
  void loginBasicParamsOverrideDefaults() {
    List<Step> steps = stepsOf("""
        {"steps": [{"template": "login_basic", "params": {
          "url": "${BASE_URL}/signin", "username": "bob", "password": "pw",
          "username_field": "name=user", "submit": "xpath=//button"}}]}
        """);

    assertThat(steps).extracting(Step::target).containsExactly(
        "${BASE_URL}/signin", "name=user", "name=user", "id=password", "xpath=//button", "css=[data-signed-in]");
    assertThat(steps).extracting(Step::value).containsExactly("", "", "bob", "pw", "", "");
  }

  @Test
  void acceptCookiesExpandsWithItsDefaults() {
    assertThat(stepsOf("{\"steps\": [{\"template\": \"accept_cookies\"}]}")).containsExactly(
        new Step(Command.WAIT_FOR_ELEMENT_VISIBLE, "id=accept-cookies", "", null, origin(0, "accept_cookies", 0)),
        new Step(Command.CLICK, "id=accept-cookies", "", null, origin(0, "accept_cookies", 1)),
        new Step(Command.WAIT_FOR_ELEMENT_NOT_VISIBLE, "id=cookie-banner", "", null, origin(0, "accept_cookies", 2)));
  }

  @Test
  void closeModalExpandsWithAGivenCloseButton() {
    assertThat(stepsOf("""
        {"steps": [{"template": "close_modal", "params": {"close": "css=.modal .x"}}]}
        """)).containsExactly(
        new Step(Command.WAIT_FOR_ELEMENT_VISIBLE, "css=.modal .x", "", null, origin(0, "close_modal", 0)),
        new Step(Command.CLICK, "css=.modal .x", "", null, origin(0, "close_modal", 1)),
        new Step(Command.WAIT_FOR_ELEMENT_NOT_VISIBLE, "css=[role=dialog]", "", null, origin(0, "close_modal", 2)));
  }

  @Test
  void switchLocaleDefaultRefersToTheGivenLocale() {
    assertThat(stepsOf("""
        {"steps": [{"template": "switch_locale", "params": {"locale": "de"}}]}
        """)).containsExactly(
        new Step(Command.SELECT, "id=locale", "value=de", null, origin(0, "switch_locale", 0)),
        new Step(Command.WAIT_FOR_ELEMENT_PRESENT, "css=html[lang='de']", "", null, origin(0, "switch_locale", 1)));
  }

  @Test
  void callerParamsAreTakenLiterallyWhileDefaultsMayReferToOtherParams() {
    // ${password} from the caller is a run-time variable, not the template's password parameter
    assertThat(stepsOf("""
        {"steps": [{"template": "login_basic", "params": {"username": "${password}", "password": "secret"}}]}
        """)).extracting(Step::value).containsExactly("", "", "${password}", "secret", "", "");
  }

  @Test
  void numericParamValuesAreTakenAsText() {
    assertThat(stepsOf("""
        {"steps": [{"template": "login_basic", "params": {"username": 42, "password": true}}]}
        """)).extracting(Step::value).containsExactly("", "", "42", "true", "", "");
  }

  @Test
  void unknownTemplateNamesTheKnownOnes() {
    assertThat(problems("a.json", """
        {"steps": [{"command": "echo"}, {"template": "login"}]}
        """)).containsExactly(new Problem("a.json", "steps[1].template",
        "unknown template 'login'; known: accept_cookies, close_modal, login_basic, switch_locale"));
  }

  @Test
  void missingTemplateParameterNamesTheParameter() {
    assertThat(problems("a.json", """
        {"steps": [{"template": "login_basic", "params": {"username": "alice"}}]}
        """)).containsExactly(new Problem("a.json", "steps[0].params",
        "missing parameter 'password' for template login_basic"));
  }

  @Test
  void everyMissingParameterIsReported() {
    assertThat(problems("a.json", """
        {"steps": [{"template": "login_basic"}]}
        """)).containsExactly(
        new Problem("a.json", "steps[0].params", "missing parameter 'username' for template login_basic"),
        new Problem("a.json", "steps[0].params", "missing parameter 'password' for template login_basic"));
  }

  @Test
  void unknownTemplateParameterNamesTheExpectedOnes() {
    assertThat(problems("a.json", """
        {"steps": [{"template": "login_basic", "params": {"username": "a", "password": "b", "user": "c"}}]}
        """)).containsExactly(new Problem("a.json", "steps[0].params.user",
        "unknown parameter for template login_basic; expected one of " + LOGIN_PARAMS));
  }

  @Test
  void unknownFieldInATemplateCallIsReported() {
    assertThat(problems("a.json", """
        {"steps": [{"template": "accept_cookies", "param": {}}]}
        """)).containsExactly(new Problem("a.json", "steps[0].param",
        "unknown field; expected one of comment, params, template"));
  }

  @Test
  void paramThatIsNotTextIsReported() {
    assertThat(problems("a.json", """
        {"steps": [{"template": "switch_locale", "params": {"locale": ["de"]}}]}
        """)).containsExactly(new Problem("a.json", "steps[0].params.locale", "expected a string, found a list"));
  }

  @Test
  void badParamValueIsReportedAtTheExpandedTemplateStep() {
    assertThat(problems("a.json", """
        {"steps": [{"command": "echo"}, {"template": "accept_cookies", "params": {"button": "accept"}}]}
        """)).containsExactly(
        new Problem("a.json", "steps[1] > template accept_cookies steps[0].target",
            "waitForElementVisible expects a locator (css=, xpath=, id=, name= or linkText=) in target, found 'accept'"),
        new Problem("a.json", "steps[1] > template accept_cookies steps[1].target",
            "click expects a locator (css=, xpath=, id=, name= or linkText=) in target, found 'accept'"));
  }

  @Test
  void customTemplateInTheSuiteIsUsable() {
    Suite suite = suite(
        "templates/search_for.json", """
            {"description": "Search the shop.",
             "params": {"query": {"description": "What to search for."},
                        "box": {"default": "css=input[name=q]"}},
             "steps": [
               {"command": "type", "target": "${box}", "value": "${query}"},
               {"command": "click", "target": "id=search", "timeout_s": 5}
             ]}
            """,
        "search.json", """
            {"steps": [{"command": "open", "target": "${BASE_URL}/"},
                       {"template": "search_for", "params": {"query": "shoes"}}]}
            """);

    assertThat(suite.files()).containsOnlyKeys("search.json");
    assertThat(suite.file("search.json").steps()).containsExactly(
        new Step(Command.OPEN, "${BASE_URL}/", "", null, "steps[0]"),
        new Step(Command.TYPE, "css=input[name=q]", "shoes", null, origin(1, "search_for", 0)),
        new Step(Command.CLICK, "id=search", "", 5, origin(1, "search_for", 1)));
  }

  @Test
  void customTemplateOverridesABuiltInOfTheSameName() {
    Suite suite = suite(
        "templates/accept_cookies.json", """
            {"steps": [{"command": "click", "target": "css=.consent button.ok"}]}
            """,
        "a.json", "{\"steps\": [{\"template\": \"accept_cookies\"}]}");

    assertThat(suite.file("a.json").steps()).containsExactly(
        new Step(Command.CLICK, "css=.consent button.ok", "", null, origin(0, "accept_cookies", 0)));
  }

  @Test
  void customTemplateNameAppearsAmongTheKnownOnes() {
    assertThat(problems(
        "templates/pay.json", "{\"steps\": [{\"command\": \"click\", \"target\": \"id=pay\"}]}",
        "a.json", "{\"steps\": [{\"template\": \"payy\"}]}"))
        .containsExactly(new Problem("a.json", "steps[0].template",
            "unknown template 'payy'; known: accept_cookies, close_modal, login_basic, pay, switch_locale"));
  }

  @Test
  void templateCallingATemplateIsRejected() {
    List<Problem> problems = problems(
        "templates/checkout.json", """
            {"steps": [{"template": "accept_cookies"}, {"command": "click", "target": "id=buy"}]}
            """);

    assertThat(problems).containsExactly(new Problem("templates/checkout.json", "steps[0]",
        "a template cannot call another template; write its steps instead"));
  }

  @Test
  void templateProblemsNameTheTemplateFile() {
    assertThat(problems("templates/bad.json", """
        {"desc": "x", "params": {"1st": {}, "ok": "text", "p": {"default": "a", "dflt": "b"}},
         "steps": [{"command": "klick", "target": "id=x"}]}
        """)).containsExactly(
        new Problem("templates/bad.json", "desc", "unknown field; expected one of description, params, steps"),
        new Problem("templates/bad.json", "params.1st", "parameter names must match [A-Za-z_][A-Za-z0-9_]*"),
        new Problem("templates/bad.json", "params.ok", "expected an object with optional \"default\" and \"description\""),
        new Problem("templates/bad.json", "params.p.dflt", "unknown field; expected one of default, description"),
        new Problem("templates/bad.json", "steps[0].command",
            "unknown command 'klick'; see docs/action-files.md for the commands"));
  }

  @Test
  void templateFileNameMustBeAUsableTemplateName() {
    assertThat(problems("templates/log-in.json", "{\"steps\": [{\"command\": \"echo\"}]}")).containsExactly(
        new Problem("templates/log-in.json", null,
            "template name 'log-in' (from the file name) must match [A-Za-z_][A-Za-z0-9_]*"));
  }

  @Test
  void templateFilesAreNotActionFiles() {
    Suite suite = suite(
        "templates/t.json", "{\"steps\": [{\"command\": \"echo\", \"target\": \"${x}\"}], \"params\": {\"x\": {}}}",
        "a.json", "{\"steps\": [{\"template\": \"t\", \"params\": {\"x\": \"hi\"}}]}");

    assertThat(suite.files()).containsOnlyKeys("a.json");
    assertThat(suite.file("a.json").steps()).extracting(Step::target).containsExactly("hi");
  }
}
