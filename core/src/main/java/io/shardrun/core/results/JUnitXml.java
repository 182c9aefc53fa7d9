package io.shardrun.core.results;

import io.shardrun.core.variant.VariantIds;
import java.io.StringWriter;
import java.util.List;
import java.util.Objects;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * JUnit XML reports of a run, the format every CI system (Jenkins, GitLab, GitHub Actions
 * reporters) shows as test results: one {@code testsuite} per shard, one {@code testcase} per
 * action file. A failure or error carries the file's message and, as its text, the step log
 * ({@link StepLog}); a passed file's step log goes to {@code system-out}. There is no timestamp or
 * hostname, so the same results always give the same bytes. Built as a DOM and written by the
 * JDK's own serializer, so any text (quotes, {@code ]]>}, non-ASCII) is escaped correctly;
 * characters XML 1.0 cannot hold are dropped ({@link XmlText}). Write the result as UTF-8.
 */
public final class JUnitXml {
  private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

  private JUnitXml() {}

  /** The report of one shard: a {@code testsuite} named {@code shard-N}, files in the given order. */
  public static String shard(int shard, List<FileRun> runs) {
    Document xml = newDocument();
    xml.appendChild(testsuite(xml, shard, runs));
    return write(xml);
  }

  /**
   * The report of a whole run: {@code testsuites} named {@code shardrun} holding a
   * {@code testsuite} per shard that ran files (by {@link FileRun#shard()}, in shard order), with
   * totals; {@code time} is the sum of the files' times, as in other JUnit reports, not the run's
   * wall time.
   */
  public static String merged(List<FileRun> runs) {
    Document xml = newDocument();
    Element root = xml.createElement("testsuites");
    root.setAttribute("name", "shardrun");
    setTotals(root, runs);
    runs.stream().collect(java.util.stream.Collectors.groupingBy(FileRun::shard, java.util.TreeMap::new, java.util.stream.Collectors.toList()))
        .forEach((shard, shardRuns) -> root.appendChild(testsuite(xml, shard, shardRuns)));
    xml.appendChild(root);
    return write(xml);
  }

  private static Element testsuite(Document xml, int shard, List<FileRun> runs) {
    Element suite = xml.createElement("testsuite");
    suite.setAttribute("name", "shard-" + shard);
    setTotals(suite, runs);
    runs.forEach(run -> suite.appendChild(testcase(xml, run)));
    return suite;
  }

  private static void setTotals(Element element, List<FileRun> runs) {
    element.setAttribute("tests", Integer.toString(runs.size()));
    element.setAttribute("failures", Long.toString(count(runs, Outcome.FAILED)));
    element.setAttribute("errors", Long.toString(count(runs, Outcome.ERROR)));
    element.setAttribute("skipped", Long.toString(count(runs, Outcome.SKIPPED)));
    element.setAttribute("time", seconds(runs.stream().mapToLong(FileRun::durationMs).sum()));
  }

  private static long count(List<FileRun> runs, Outcome status) {
    return runs.stream().filter(r -> r.status() == status).count();
  }

  private static Element testcase(Document xml, FileRun run) {
    Element testcase = xml.createElement("testcase");
    testcase.setAttribute("name", XmlText.clean(run.name()));
    testcase.setAttribute("classname", XmlText.clean(className(VariantIds.path(run.file()))));
    testcase.setAttribute("file", XmlText.clean(run.file()));
    testcase.setAttribute("time", seconds(run.durationMs()));
    switch (run.status()) {
      case PASSED -> testcase.appendChild(textElement(xml, "system-out", StepLog.of(run.steps())));
      case FAILED -> testcase.appendChild(problem(xml, "failure", run));
      case ERROR -> testcase.appendChild(problem(xml, "error", run));
      case SKIPPED -> {
        Element skipped = xml.createElement("skipped");
        setIfPresent(skipped, "message", run.message());
        testcase.appendChild(skipped);
      }
    }
    return testcase;
  }

  /** A failure or error: the message, the failed step's command as the type, the step log. */
  private static Element problem(Document xml, String kind, FileRun run) {
    Element problem = textElement(xml, kind, StepLog.of(run.steps()));
    setIfPresent(problem, "message", run.message());
    run.steps().stream()
        .filter(s -> Objects.equals(s.index(), run.failedStep()))
        .findFirst()
        .ifPresent(s -> setIfPresent(problem, "type", s.command()));
    return problem;
  }

  private static Element textElement(Document xml, String name, String text) {
    Element element = xml.createElement(name);
    element.setTextContent(XmlText.clean(text));
    return element;
  }

  private static void setIfPresent(Element element, String attribute, String value) {
    if (value != null) {
      element.setAttribute(attribute, XmlText.clean(value));
    }
  }

  /** {@code shop/cart.json} -> {@code shop.cart}: CI tools group test cases by class name. */
  static String className(String path) {
    String withoutExtension = path.endsWith(".json") ? path.substring(0, path.length() - ".json".length()) : path;
    return withoutExtension.replace('/', '.');
  }

  /** Milliseconds as seconds with three decimals, without floating point: 1234 -> {@code 1.234}. */
  static String seconds(long ms) {
    return ms / 1000 + "." + String.format("%03d", ms % 1000);
  }

  private static Document newDocument() {
    try {
      Document xml = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().newDocument();
      xml.setXmlStandalone(true);
      return xml;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's default DOM builder is always configured", e);
    }
  }

  /** Serialized by the JDK's own transformer, whatever else is on the class path, indented by 2. */
  private static String write(Document xml) {
    try {
      Transformer transformer = TransformerFactory.newDefaultInstance().newTransformer();
      transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
      transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      transformer.setOutputProperty(OutputKeys.INDENT, "yes");
      transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
      StringWriter out = new StringWriter();
      transformer.transform(new DOMSource(xml), new StreamResult(out));
      return DECLARATION + out;
    } catch (TransformerException e) {
      throw new IllegalStateException("a DOM built here always serializes", e);
    }
  }
}
