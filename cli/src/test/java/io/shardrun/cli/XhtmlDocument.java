package io.shardrun.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** An HTML report read as the XML it also is: parsing fails on anything not well-formed. */
record XhtmlDocument(Document document) {
  static XhtmlDocument parse(Path file) throws Exception {
    return new XhtmlDocument(DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile()));
  }

  /** The text of every node {@code xpath} selects (attributes included), in document order. */
  List<String> texts(String xpath) throws Exception {
    NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.NODESET);
    List<String> texts = new ArrayList<>(nodes.getLength());
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent());
    }
    return texts;
  }
}
