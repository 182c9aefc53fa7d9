package io.shardrun.core.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitXmlTest {
  static final List<StepRecord> CART_STEPS = List.of(
      new StepRecord(0, "steps[0]", "open", "https://shop.example/cart", null, StepStatus.PASSED, 800, null, null),
      new StepRecord(1, "steps[1]", "assertText", "css=.total", "$42.00", StepStatus.FAILED, 105, "$41.00",
          "expected \"$42.00\", saw \"$41.00\""),
      new StepRecord(2, "steps[2]", "click", "id=pay", null, StepStatus.NOT_RUN, 0, null, null));

  static final FileRun LOGIN = new FileRun("auth/login.json", "login works", 0, Outcome.PASSED, 1200, 1, List.of("smoke"),
      null, null, List.of(new StepRecord(0, "steps[0]", "open", "https://shop.example/login", null, StepStatus.PASSED, 1200, null, null)), 0);
  static final FileRun CART = new FileRun("shop/cart.json", "cart total", 0, Outcome.FAILED, 905, 1, List.of(), 1,
      "assertText css=.total: expected \"$42.00\", saw \"$41.00\"", CART_STEPS, 0);
  static final FileRun PAY = new FileRun("shop/pay.json", "pay", 0, Outcome.SKIPPED, 0, 0, List.of(), null,
      "skipped: upstream shop/cart.json did not pass", List.of(), 0);
  static final FileRun SEARCH = new FileRun("search.json", "search", 0, Outcome.ERROR, 30_500, 3, List.of(), null,
      "session not created: Chrome failed to start", List.of(), 0);

  static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  static void validate(String xml) throws Exception {
    Schema schema = SchemaFactory.newDefaultInstance().newSchema(JUnitXmlTest.class.getResource("/junit.xsd"));
    schema.newValidator().validate(new StreamSource(new StringReader(xml)));
  }

  static Element only(Element parent, String tag) {
    NodeList found = parent.getElementsByTagName(tag);
    assertThat(found.getLength()).as("<%s> elements under <%s>", tag, parent.getTagName()).isEqualTo(1);
    return (Element) found.item(0);
  }

  static List<Element> children(Element parent, String tag) {
    NodeList found = parent.getElementsByTagName(tag);
    return java.util.stream.IntStream.range(0, found.getLength()).mapToObj(i -> (Element) found.item(i)).toList();
  }

  @Test
  void shardReportIsExactlyThis() {
    assertThat(JUnitXml.shard(0, List.of(LOGIN, CART, PAY, SEARCH))).isEqualTo("""
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuite errors="1" failures="1" name="shard-0" skipped="1" tests="4" time="32.605">
          <testcase classname="auth.login" file="auth/login.json" name="login works" time="1.200">
            <system-out>[0] steps[0]: open | https://shop.example/login -&gt; passed in 1200 ms
        </system-out>
          </testcase>
          <testcase classname="shop.cart" file="shop/cart.json" name="cart total" time="0.905">
            <failure message="assertText css=.total: expected &quot;$42.00&quot;, saw &quot;$41.00&quot;" type="assertText">[0] steps[0]: open | https://shop.example/cart -&gt; passed in 800 ms
        [1] steps[1]: assertText | css=.total | $42.00 -&gt; failed in 105 ms
            observed: $41.00
            error: expected "$42.00", saw "$41.00"
        [2] steps[2]: click | id=pay -&gt; notRun in 0 ms
        </failure>
          </testcase>
          <testcase classname="shop.pay" file="shop/pay.json" name="pay" time="0.000">
            <skipped message="skipped: upstream shop/cart.json did not pass"/>
          </testcase>
          <testcase classname="search" file="search.json" name="search" time="30.500">
            <error message="session not created: Chrome failed to start"/>
          </testcase>
        </testsuite>
        """);
  }

  @Test
  void shardReportCountsEachOutcomeAndValidatesAgainstTheJUnitSchema() throws Exception {
    String xml = JUnitXml.shard(3, List.of(LOGIN, CART, PAY, SEARCH));
    Element suite = parse(xml).getDocumentElement();

    validate(xml);
    assertThat(suite.getTagName()).isEqualTo("testsuite");
    assertThat(suite.getAttribute("name")).isEqualTo("shard-3");
    assertThat(suite.getAttribute("tests")).isEqualTo("4");
    assertThat(suite.getAttribute("failures")).isEqualTo("1");
    assertThat(suite.getAttribute("errors")).isEqualTo("1");
    assertThat(suite.getAttribute("skipped")).isEqualTo("1");
    assertThat(suite.getAttribute("time")).isEqualTo("32.605");
    assertThat(suite.hasAttribute("timestamp")).isFalse();
    assertThat(children(suite, "testcase")).extracting(e -> e.getAttribute("classname"))
        .containsExactly("auth.login", "shop.cart", "shop.pay", "search");
  }

  @Test
  void failedFileCarriesItsMessageTheFailedCommandAndTheStepLog() throws Exception {
    Element failure = only(parse(JUnitXml.shard(0, List.of(CART))).getDocumentElement(), "failure");

    assertThat(failure.getAttribute("message")).isEqualTo("assertText css=.total: expected \"$42.00\", saw \"$41.00\"");
    assertThat(failure.getAttribute("type")).isEqualTo("assertText");
    assertThat(failure.getTextContent()).isEqualTo(StepLog.of(CART_STEPS));
  }

  @Test
  void erroredFileWithAFailedStepNamesItsCommand() throws Exception {
    FileRun errored = new FileRun("e.json", "e", 0, Outcome.ERROR, 10, 2, List.of(), 2, "no such window", CART_STEPS, 0);
    Element error = only(parse(JUnitXml.shard(0, List.of(errored))).getDocumentElement(), "error");

    assertThat(error.getAttribute("type")).isEqualTo("click");
    assertThat(error.getAttribute("message")).isEqualTo("no such window");
    assertThat(error.getTextContent()).isEqualTo(StepLog.of(CART_STEPS));
  }

  @Test
  void anyTextSurvivesEscapingAndCharactersXmlCannotHoldAreDropped() throws Exception {
    String hostile = "quote \" apos ' lt < gt > amp & cdata-end ]]> tab\tnewline\nü 日本 \uD83D\uDE00";
    StepRecord step = new StepRecord(0, "steps[0]", "assertText", "css=p", hostile, StepStatus.FAILED, 1,
        "bell\u0007 esc\u001B nul\u0000 lone\uD800 nonchar\uFFFE " + hostile, "e");
    FileRun run = new FileRun("dir/ü <&>.json", hostile + "\u0001", 0, Outcome.FAILED, 1, 1, List.of(), 0,
        "msg\u000B " + hostile, List.of(step), 0);

    String xml = JUnitXml.shard(0, List.of(run));
    Element testcase = only(parse(xml).getDocumentElement(), "testcase");

    validate(xml);
    assertThat(testcase.getAttribute("name")).isEqualTo(hostile);
    assertThat(testcase.getAttribute("file")).isEqualTo("dir/ü <&>.json");
    assertThat(testcase.getAttribute("classname")).isEqualTo("dir.ü <&>");
    Element failure = only(testcase, "failure");
    assertThat(failure.getAttribute("message")).isEqualTo("msg " + hostile);
    assertThat(failure.getTextContent()).contains("observed: bell esc nul lone nonchar quote \" apos ' lt < gt > amp & cdata-end ]]> tab\t");
  }

  @Test
  void mergedReportHoldsEveryShardWithTotalsAndValidates() throws Exception {
    FileRun other = new FileRun("b.json", "b", 2, Outcome.PASSED, 2000, 1, List.of(), null, null, List.of(), 0);
    String xml = JUnitXml.merged(List.of(LOGIN, CART, onShard(PAY, 2), onShard(SEARCH, 2), other));
    Element root = parse(xml).getDocumentElement();

    validate(xml);
    assertThat(root.getTagName()).isEqualTo("testsuites");
    assertThat(root.getAttribute("name")).isEqualTo("shardrun");
    assertThat(root.getAttribute("tests")).isEqualTo("5");
    assertThat(root.getAttribute("failures")).isEqualTo("1");
    assertThat(root.getAttribute("errors")).isEqualTo("1");
    assertThat(root.getAttribute("skipped")).isEqualTo("1");
    assertThat(root.getAttribute("time")).isEqualTo("34.605");
    List<Element> suites = children(root, "testsuite");
    assertThat(suites).extracting(e -> e.getAttribute("name")).containsExactly("shard-0", "shard-2");
    assertThat(suites).extracting(e -> e.getAttribute("tests")).containsExactly("2", "3");
    assertThat(suites).extracting(e -> e.getAttribute("time")).containsExactly("2.105", "32.500");
  }

  @Test
  void mergedReportOfNoShardsIsAnEmptyValidTestsuites() throws Exception {
    String xml = JUnitXml.merged(List.of());

    assertThatCode(() -> validate(xml)).doesNotThrowAnyException();
    assertThat(xml).isEqualTo("""
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites errors="0" failures="0" name="shardrun" skipped="0" tests="0" time="0.000"/>
        """);
  }

  @Test
  void reportsAreDeterministic() {
    List<FileRun> runs = List.of(LOGIN, CART, onShard(PAY, 1), onShard(SEARCH, 1));
    assertThat(JUnitXml.merged(runs)).isEqualTo(JUnitXml.merged(runs));
  }

  static FileRun onShard(FileRun r, int shard) {
    return new FileRun(r.file(), r.name(), shard, r.status(), r.durationMs(), r.attempts(), r.tags(), r.failedStep(), r.message(), r.steps(), r.startedMs());
  }

  @Test
  void classNameIsThePathWithDotsAndWithoutJsonExtension() {
    assertThat(JUnitXml.className("shop/checkout/cart.json")).isEqualTo("shop.checkout.cart");
    assertThat(JUnitXml.className("login.json")).isEqualTo("login");
    assertThat(JUnitXml.className("notes.JSON")).isEqualTo("notes.JSON");
  }

  @Test
  void timeIsSecondsWithThreeDecimals() {
    assertThat(JUnitXml.seconds(0)).isEqualTo("0.000");
    assertThat(JUnitXml.seconds(7)).isEqualTo("0.007");
    assertThat(JUnitXml.seconds(61_234)).isEqualTo("61.234");
    assertThat(JUnitXml.seconds(3_600_000)).isEqualTo("3600.000");
  }

  @Test
  void schemaRejectsAReportWithoutCounts() {
    String bad = "<testsuite name=\"x\"><testcase name=\"t\"/></testsuite>";
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> validate(bad)).hasMessageContaining("tests");
  }
}
