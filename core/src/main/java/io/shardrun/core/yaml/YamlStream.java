package io.shardrun.core.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.constructor.DuplicateKeyException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads a stream of YAML documents as kubectl does: an alias is its anchor's value (scalar, mapping
 * or sequence), merge keys apply, and a key written twice in a mapping is an error. Errors name the
 * source, the document and, where the parser knows it, the line.
 */
public final class YamlStream {
  /**
   * The most characters a document may hold, and the most its aliases may add to it: the API server
   * takes at most 3 MiB in one request, so kubectl could not apply a larger one either.
   */
  static final int MAX_DOCUMENT = 3 * 1024 * 1024;
  /** Far deeper than any Kubernetes object nests, and shallow enough for a recursive walk. */
  static final int MAX_DEPTH = 200;

  private YamlStream() {}

  /**
   * One document of the stream.
   *
   * @param place {@code SOURCE (document N)}, counting from 1, for messages
   * @param content its value; null YAML (an empty document) is a {@code NullNode}
   */
  public record Document(String place, JsonNode content) {}

  /** @throws IllegalArgumentException naming the source, the document and the problem */
  public static List<Document> read(String text, String source) {
    String yaml = ByteOrderMark.strip(text, source);
    LoaderOptions options = new LoaderOptions();
    // Expansion limits what aliases cost; their number alone says nothing (a file may reuse one anchor often).
    options.setMaxAliasesForCollections(Integer.MAX_VALUE);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(MAX_DOCUMENT);
    Composer composer = new Composer(new ParserImpl(new StreamReader(yaml), options), new KubectlResolver(), options);
    PlainConstructor constructor = new PlainConstructor(options);
    List<Document> documents = new ArrayList<>();
    for (int index = 1; ; index++) {
      String place = source + " (document " + index + ")";
      try {
        if (!composer.checkNode()) {
          return documents;
        }
        Node node = composer.getNode();
        Expansion.check(node, place, MAX_DOCUMENT, MAX_DEPTH);
        documents.add(new Document(place, JsonTree.of(constructor.construct(node), place)));
      } catch (YAMLException e) {
        throw new IllegalArgumentException(place + ": " + describe(e), e);
      }
    }
  }

  private static String describe(YAMLException e) {
    if (e instanceof DuplicateKeyException duplicate) {
      String key = duplicate.getProblem().replaceFirst("^found duplicate key ", "");
      return "duplicate key '" + key + "' at " + at(duplicate.getProblemMark())
          + "; a key may appear only once in a mapping";
    }
    if (e instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
      String context = marked.getContext() == null ? ""
          : " (" + marked.getContext() + (marked.getContextMark() == null ? "" : " at " + at(marked.getContextMark())) + ")";
      return "not valid YAML at " + at(marked.getProblemMark()) + ": " + marked.getProblem() + context;
    }
    return e.getMessage();
  }

  private static String at(Mark mark) {
    return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
  }
}
