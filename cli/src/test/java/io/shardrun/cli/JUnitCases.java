package io.shardrun.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** What a JUnit XML report says of each file: its test suite (the shard) and outcome. */
final class JUnitCases {
  private JUnitCases() {}

  /** File path → {@code "shard-N outcome"}, e.g. {@code "shard-0 failed"}. */
  static Map<String, String> of(Path junit) throws Exception {
    Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile()).getDocumentElement();
    Map<String, String> cases = new LinkedHashMap<>();
    NodeList testcases = root.getElementsByTagName("testcase");
    for (int i = 0; i < testcases.getLength(); i++) {
      Element testcase = (Element) testcases.item(i);
      String suite = ((Element) testcase.getParentNode()).getAttribute("name");
      cases.put(testcase.getAttribute("file"), suite + " " + outcome(testcase));
    }
    return cases;
  }

  private static String outcome(Element testcase) {
    for (String child : new String[] {"failure", "error", "skipped"}) {
      if (testcase.getElementsByTagName(child).getLength() > 0) {
        return child.equals("failure") ? "failed" : child;
      }
    }
    return "passed";
  }
}
