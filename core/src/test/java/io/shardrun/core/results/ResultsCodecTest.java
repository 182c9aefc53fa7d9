package io.shardrun.core.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class ResultsCodecTest {
  static final String SOURCE = "pod demo-shard-0-x7k2p";

  static ResultsDocument document(List<FileResult> files) {
    return new ResultsDocument(0, ShardState.RUNNING, ShardCounts.tally(files.size(), files, 0), files);
  }

  static String json(String value) {
    if (!value.startsWith("gz:")) {
      return value;
    }
    try (var in = new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(value.substring(3))))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static int jsonBytes(String value) {
    return json(value).getBytes(StandardCharsets.UTF_8).length;
  }

  static String gz(String json) {
    var bytes = new ByteArrayOutputStream();
    try (var gzip = new GZIPOutputStream(bytes)) {
      gzip.write(json.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return "gz:" + Base64.getEncoder().encodeToString(bytes.toByteArray());
  }

  /** A shard of {@code count} files with 120-character paths; every {@code failEvery}-th fails with a long message. */
  static List<FileResult> bigShard(int count, int failEvery, int messageChars) {
    List<FileResult> files = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String path = String.format("%04d/", i) + "d".repeat(110) + ".json";
      boolean fails = i % failEvery == 0;
      files.add(new FileResult(path, fails ? Outcome.FAILED : Outcome.PASSED, 1000 + 37L * i, List.of("smoke", "checkout"),
          fails ? i % 7 : null, fails ? ("step " + i + " failed: ").concat("m".repeat(messageChars)) : null));
    }
    return files;
  }

  static List<String> paths(List<FileResult> files) {
    return files.stream().map(FileResult::file).toList();
  }

  // ---- full form -------------------------------------------------------------------------------

  @Test
  void smallDocumentIsPlainJsonInFullForm() {
    List<FileResult> files = List.of(
        new FileResult("auth/login.json", Outcome.PASSED, 1200, List.of("smoke"), null, null),
        new FileResult("shop/cart.json", Outcome.FAILED, 3400, List.of(), 4, "assertText css=.total: expected $42.00, saw $41.00"));
    String value = ResultsCodec.encode(new ResultsDocument(2, ShardState.RUNNING, new ShardCounts(3, 1, 1, 0, 0, 4600), files));

    assertThat(value).isEqualTo("{\"version\":1,\"form\":\"full\",\"shard\":2,\"state\":\"running\","
        + "\"counts\":{\"files\":3,\"passed\":1,\"failed\":1,\"skipped\":0,\"errored\":0,\"durationMs\":4600},"
        + "\"files\":[{\"file\":\"auth/login.json\",\"status\":\"passed\",\"durationMs\":1200,\"tags\":[\"smoke\"]},"
        + "{\"file\":\"shop/cart.json\",\"status\":\"failed\",\"durationMs\":3400,\"tags\":[],\"failedStep\":4,"
        + "\"message\":\"assertText css=.total: expected $42.00, saw $41.00\"}]}");
  }

  @Test
  void smallDocumentRoundTrips() {
    ResultsDocument document = new ResultsDocument(1, ShardState.DONE, new ShardCounts(3, 1, 0, 1, 1, 9000), List.of(
        new FileResult("a.json", Outcome.PASSED, 100, List.of("x"), null, null),
        new FileResult("b.json", Outcome.ERROR, 8000, List.of(), 0, "session not created: Chrome failed to start"),
        new FileResult("ü/c d.json", Outcome.SKIPPED, 0, List.of(), null, "skipped: upstream b.json did not pass")));

    assertThat(ResultsCodec.decode(ResultsCodec.encode(document), List.of(), SOURCE)).isEqualTo(document);
  }

  @Test
  void decodedFullFormWithoutTagsHasEmptyTags() {
    String value = "{\"version\":1,\"form\":\"full\",\"shard\":0,\"state\":\"done\","
        + "\"counts\":{\"files\":1,\"passed\":1,\"failed\":0,\"skipped\":0,\"errored\":0,\"durationMs\":5},"
        + "\"files\":[{\"file\":\"a.json\",\"status\":\"passed\",\"durationMs\":5}]}";

    assertThat(ResultsCodec.decode(value, List.of(), SOURCE).files())
        .containsExactly(new FileResult("a.json", Outcome.PASSED, 5, List.of(), null, null));
  }

  @Test
  void fullFormCutsMessagesTo500CharactersEndingInAnEllipsis() {
    String message = "x".repeat(2000);
    ResultsDocument document = document(List.of(new FileResult("a.json", Outcome.FAILED, 10, List.of(), 1, message)));

    String decoded = ResultsCodec.decode(ResultsCodec.encode(document), List.of(), SOURCE).files().get(0).message();

    assertThat(decoded).hasSize(500).isEqualTo("x".repeat(499) + "…");
  }

  @Test
  void jsonOfExactly8KiBStaysPlainAndOneByteMoreIsGzipped() {
    int fill = 8192 - ResultsCodec.encode(document(List.of(passed("")))).length();

    String atLimit = ResultsCodec.encode(document(List.of(passed("p".repeat(fill)))));
    ResultsDocument over = document(List.of(passed("p".repeat(fill + 1))));

    assertThat(atLimit).startsWith("{").hasSize(8192);
    assertThat(ResultsCodec.encode(over)).startsWith("gz:");
    assertThat(ResultsCodec.decode(ResultsCodec.encode(over), List.of(), SOURCE)).isEqualTo(over);
  }

  static FileResult passed(String path) {
    return new FileResult(path, Outcome.PASSED, 1, List.of(), null, null);
  }

  @Test
  void largeDocumentThatFitsStaysFullAndRoundTripsThroughGzip() {
    List<FileResult> files = bigShard(150, 3, 300);
    ResultsDocument document = document(files);

    String value = ResultsCodec.encode(document);

    assertThat(value).startsWith("gz:");
    assertThat(json(value)).contains("\"form\":\"full\"");
    assertThat(ResultsCodec.decode(value, List.of(), SOURCE)).isEqualTo(document);
  }

  @Test
  void encodingIsDeterministic() {
    ResultsDocument document = document(bigShard(2000, 4, 2000));

    assertThat(ResultsCodec.encode(document)).isEqualTo(ResultsCodec.encode(document));
  }

  // ---- compact form ----------------------------------------------------------------------------

  @Test
  void fiveThousandFilesWithLongPathsAndMessagesStayWithin64KiBAndKeepEveryStatusAndDuration() {
    List<FileResult> files = bigShard(5000, 10, 2000);
    ResultsDocument document = new ResultsDocument(3, ShardState.DONE, ShardCounts.tally(5000, files, 4_000_000), files);

    String value = ResultsCodec.encode(document);
    ResultsDocument decoded = ResultsCodec.decode(value, paths(files), SOURCE);

    assertThat(jsonBytes(value)).isLessThanOrEqualTo(ResultsCodec.MAX_JSON_BYTES);
    assertThat(value).startsWith("gz:");
    assertThat(json(value)).startsWith("{\"version\":1,\"form\":\"compact\",\"shard\":3,\"state\":\"done\",");
    assertThat(decoded.shard()).isEqualTo(3);
    assertThat(decoded.state()).isEqualTo(ShardState.DONE);
    assertThat(decoded.counts()).isEqualTo(new ShardCounts(5000, 4500, 500, 0, 0, 4_000_000));
    assertThat(decoded.files()).extracting(FileResult::file).containsExactlyElementsOf(paths(files));
    assertThat(decoded.files()).extracting(FileResult::status).containsExactlyElementsOf(files.stream().map(FileResult::status).toList());
    assertThat(decoded.files()).extracting(FileResult::durationMs).containsExactlyElementsOf(files.stream().map(FileResult::durationMs).toList());
    assertThat(decoded.files()).as("the compact form leaves tags out: unknown, not empty").allSatisfy(r -> assertThat(r.tags()).isNull());
  }

  @Test
  void startTimesAndAttemptsRoundTripInBothFormsAndStartsGiveWayFirstWhenRoomRunsOut() {
    List<FileResult> small = List.of(new FileResult("a.json", Outcome.PASSED, 1200, List.of(), null, null, 1_764_000_000_000L, 2),
        new FileResult("b.json", Outcome.FAILED, 900, List.of(), 1, "boom", 1_764_000_001_300L, null));
    List<FileResult> big = new ArrayList<>();
    for (FileResult f : bigShard(1500, 10, 200)) {
      big.add(new FileResult(f.file(), f.status(), f.durationMs(), f.tags(), f.failedStep(), f.message(),
          1_764_000_000_000L + 1000L * big.size(), big.size() % 100 == 0 ? 2 : null));
    }
    List<FileResult> huge = new ArrayList<>();
    for (FileResult f : bigShard(5000, 10, 2000)) {
      huge.add(new FileResult(f.file(), f.status(), f.durationMs(), f.tags(), f.failedStep(), f.message(),
          1_764_000_000_000L + 1234L * huge.size(), null));
    }

    ResultsDocument fullRead = ResultsCodec.decode(ResultsCodec.encode(document(small)), paths(small), SOURCE);
    String compact = ResultsCodec.encode(document(big));
    ResultsDocument compactRead = ResultsCodec.decode(compact, paths(big), SOURCE);
    ResultsDocument hugeRead = ResultsCodec.decode(ResultsCodec.encode(document(huge)), paths(huge), SOURCE);

    assertThat(fullRead.files()).extracting(FileResult::startedMs, FileResult::attempts)
        .containsExactly(tuple(1_764_000_000_000L, 2), tuple(1_764_000_001_300L, null));
    assertThat(json(compact)).contains("\"form\":\"compact\"");
    assertThat(compactRead.files()).extracting(FileResult::startedMs).containsExactlyElementsOf(big.stream().map(FileResult::startedMs).toList());
    assertThat(compactRead.files()).extracting(FileResult::attempts).containsExactlyElementsOf(big.stream().map(FileResult::attempts).toList());
    assertThat(hugeRead.files()).as("5,000 files: no room for start times").allSatisfy(f -> assertThat(f.startedMs()).isNull());
    assertThat(hugeRead.files().get(0).message()).as("details stay before start times go").isNotNull();
  }

  @Test
  void compactFormKeeps500CharacterMessagesWhenTheyFit() {
    List<FileResult> files = bigShard(1000, 50, 2000);

    String value = ResultsCodec.encode(document(files));
    List<FileResult> decoded = ResultsCodec.decode(value, paths(files), SOURCE).files();

    assertThat(json(value)).contains("\"form\":\"compact\"");
    assertThat(decoded.get(0).failedStep()).isEqualTo(0);
    assertThat(decoded.get(0).message()).hasSize(500).startsWith("step 0 failed: mmm").endsWith("m…");
    assertThat(decoded.get(50).failedStep()).isEqualTo(1);
    assertThat(decoded.get(50).message()).hasSize(500).startsWith("step 50 failed: ");
    assertThat(decoded.get(1).failedStep()).isNull();
    assertThat(decoded.get(1).message()).isNull();
  }

  @Test
  void compactFormShortensMessagesTo200BeforeDroppingAnyDetail() {
    List<FileResult> files = bigShard(1000, 5, 2000);

    List<FileResult> decoded = ResultsCodec.decode(ResultsCodec.encode(document(files)), paths(files), SOURCE).files();

    assertThat(decoded).filteredOn(r -> r.status() == Outcome.FAILED).hasSize(200)
        .allSatisfy(r -> assertThat(r.message()).hasSize(200).endsWith("…"));
  }

  @Test
  void whenEvenShortMessagesDoNotFitOnlyTheFirstFailuresKeepTheirDetails() {
    List<FileResult> files = bigShard(5000, 1, 2000);

    String value = ResultsCodec.encode(document(files));
    List<FileResult> decoded = ResultsCodec.decode(value, paths(files), SOURCE).files();

    assertThat(jsonBytes(value)).isLessThanOrEqualTo(ResultsCodec.MAX_JSON_BYTES);
    List<FileResult> withDetail = decoded.stream().filter(r -> r.message() != null).toList();
    assertThat(withDetail).isNotEmpty().hasSizeLessThan(5000);
    assertThat(withDetail).containsExactlyElementsOf(decoded.subList(0, withDetail.size()));
    assertThat(withDetail).allSatisfy(r -> assertThat(r.message()).hasSize(80));
    assertThat(decoded.get(withDetail.size()).failedStep()).isNull();
    assertThat(decoded).allSatisfy(r -> assertThat(r.status()).isEqualTo(Outcome.FAILED));
  }

  @Test
  void aShardTooBigEvenForTheBareCompactFormIsRefusedWhenEncoding() {
    List<FileResult> files = IntStream.range(0, 12_000)
        .mapToObj(i -> new FileResult("f" + i + ".json", Outcome.PASSED, 1_000_000 + i, List.of(), null, null)).toList();

    assertThatThrownBy(() -> ResultsCodec.encode(document(files)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("shard 0: the results of 12000 files take ")
        .hasMessageEndingWith(" bytes even in compact form; the limit is 65536");
  }

  @Test
  void compactFormOfARunningShardNamesTheFirstFilesOfThePlan() {
    List<String> plan = List.of("a.json", "b.json", "c.json", "d.json");
    String value = compact("\"statuses\":\"pse\",\"durationsMs\":[10,0,30],"
        + "\"details\":[{\"index\":1,\"message\":\"upstream a.json\"},{\"index\":2,\"failedStep\":3,\"message\":\"driver gone\"}],"
        + "\"pathsDigest\":\"" + CompactResults.digest(plan.subList(0, 3)) + "\"");

    assertThat(ResultsCodec.decode(value, plan, SOURCE).files()).containsExactly(
        new FileResult("a.json", Outcome.PASSED, 10, null, null, null),
        new FileResult("b.json", Outcome.SKIPPED, 0, null, null, "upstream a.json"),
        new FileResult("c.json", Outcome.ERROR, 30, null, 3, "driver gone"));
  }

  @Test
  void pathsDigestIsTheStartOfTheSha256OfThePathsEachEndedByANewline() {
    // printf 'a.json\nb.json\n' | sha256sum
    assertThat(CompactResults.digest(List.of("a.json", "b.json"))).isEqualTo("ced5e8138e9ce805");
  }

  static String compact(String fields) {
    return "{\"version\":1,\"form\":\"compact\",\"shard\":0,\"state\":\"running\","
        + "\"counts\":{\"files\":4,\"passed\":1,\"failed\":0,\"skipped\":1,\"errored\":1,\"durationMs\":40}," + fields + "}";
  }

  // ---- rejections ------------------------------------------------------------------------------

  static void rejects(String value, List<String> plan, String message) {
    assertThatThrownBy(() -> ResultsCodec.decode(value, plan, SOURCE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(SOURCE + ": ")
        .hasMessageContaining(message);
  }

  static void rejects(String value, String message) {
    rejects(value, List.of(), message);
  }

  @Test
  void rejectsBadBase64() {
    rejects("gz:not*base64!", "bad base64 after 'gz:'");
  }

  @Test
  void rejectsBadGzip() {
    rejects("gz:" + Base64.getEncoder().encodeToString("plain text".getBytes(StandardCharsets.UTF_8)), "bad gzip after 'gz:'");
  }

  @Test
  void rejectsTruncatedGzip() {
    String whole = gz("{\"version\":1}".repeat(100));
    byte[] zipped = Base64.getDecoder().decode(whole.substring(3));
    String cut = "gz:" + Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(zipped, zipped.length / 2));
    rejects(cut, "bad gzip after 'gz:'");
  }

  @Test
  void rejectsBadJson() {
    rejects("{\"version\":1,", "bad JSON in result document: ");
    rejects("[1, 2]", "bad JSON in result document: expected an object");
    rejects("", "bad JSON in result document: expected an object");
  }

  @Test
  void rejectsAMissingVersion() {
    assertThatThrownBy(() -> ResultsCodec.decode("{\"form\":\"full\"}", List.of(), SOURCE))
        .hasMessage(SOURCE + ": missing result version; expected 1");
  }

  @Test
  void rejectsAnUnsupportedVersion() {
    assertThatThrownBy(() -> ResultsCodec.decode("{\"version\":2,\"form\":\"full\",\"whatever\":[]}", List.of(), SOURCE))
        .hasMessage(SOURCE + ": unsupported result version 2; expected 1");
    rejects("{\"version\":\"1\"}", "unsupported result version \"1\"; expected 1");
  }

  @Test
  void rejectsAMissingOrUnknownForm() {
    rejects("{\"version\":1}", "result document has no form; expected \"full\" or \"compact\"");
    rejects("{\"version\":1,\"form\":\"partial\"}", "result document form is \"partial\"; expected \"full\" or \"compact\"");
  }

  @Test
  void rejectsMissingAndUnknownFields() {
    rejects("{\"version\":1,\"form\":\"full\",\"shard\":0,\"state\":\"done\",\"files\":[]}", "counts");
    rejects("{\"version\":1,\"form\":\"full\",\"shard\":0,\"state\":\"done\",\"counts\":{\"files\":0},\"files\":[]}", "passed");
    rejects("{\"version\":1,\"form\":\"full\",\"shard\":0,\"state\":\"done\","
        + "\"counts\":{\"files\":0,\"passed\":0,\"failed\":0,\"skipped\":0,\"errored\":0,\"durationMs\":0},\"files\":[],\"statuses\":\"p\"}",
        "Unrecognized field \"statuses\"");
    rejects("{\"version\":1,\"form\":\"full\",\"shard\":0,\"state\":\"paused\","
        + "\"counts\":{\"files\":0,\"passed\":0,\"failed\":0,\"skipped\":0,\"errored\":0,\"durationMs\":0},\"files\":[]}", "paused");
    rejects("{\"version\":1,\"form\":\"full\",\"shard\":0,\"state\":\"done\","
        + "\"counts\":{\"files\":1,\"passed\":0,\"failed\":0,\"skipped\":0,\"errored\":0,\"durationMs\":0},"
        + "\"files\":[{\"file\":\"a.json\",\"durationMs\":1}]}", "result document has no files[0].status");
  }

  @Test
  void rejectsACompactIndexOutsideThePlan() {
    List<String> plan = List.of("a.json", "b.json");
    rejects(compact("\"statuses\":\"pff\",\"durationsMs\":[1,2,3],\"details\":[],\"pathsDigest\":\"0\""), plan,
        "compact statuses cover 3 files but the shard's plan lists 2");
    rejects(compact("\"statuses\":\"pf\",\"durationsMs\":[1,2],\"details\":[{\"index\":2,\"message\":\"m\"}],"
        + "\"pathsDigest\":\"" + CompactResults.digest(plan) + "\""), plan,
        "compact details[0].index 2 is outside the 2 finished files of the shard's plan");
    rejects(compact("\"statuses\":\"pf\",\"durationsMs\":[1,2],\"details\":[{\"index\":-1,\"message\":\"m\"}],"
        + "\"pathsDigest\":\"" + CompactResults.digest(plan) + "\""), plan,
        "compact details[0].index -1 is outside the 2 finished files of the shard's plan");
  }

  @Test
  void rejectsCompactResultsWrittenForAnotherPlan() {
    String value = compact("\"statuses\":\"pf\",\"durationsMs\":[1,2],\"details\":[],"
        + "\"pathsDigest\":\"" + CompactResults.digest(List.of("a.json", "b.json")) + "\"");
    rejects(value, List.of("b.json", "a.json"),
        "compact results were written for other files than the first 2 of the shard's plan (pathsDigest ");
  }

  @Test
  void rejectsMalformedCompactFields() {
    List<String> plan = List.of("a.json", "b.json");
    String digest = "\"pathsDigest\":\"" + CompactResults.digest(plan) + "\"";
    rejects(compact("\"statuses\":\"px\",\"durationsMs\":[1,2],\"details\":[]," + digest), plan,
        "compact statuses[1] is 'x'; expected p, f, s or e");
    rejects(compact("\"statuses\":\"pp\",\"durationsMs\":[1],\"details\":[]," + digest), plan,
        "compact durationsMs has 1 entries for 2 statuses");
    rejects(compact("\"statuses\":\"pp\",\"durationsMs\":[1,-5],\"details\":[]," + digest), plan,
        "compact durationsMs[1] is -5; expected a duration in milliseconds");
    rejects(compact("\"statuses\":\"ff\",\"durationsMs\":[1,2],\"details\":[{\"index\":1},{\"index\":1}]," + digest), plan,
        "compact details[1].index 1 does not follow 1; details go by increasing index");
    rejects(compact("\"statuses\":\"pp\",\"durationsMs\":[1,2],\"details\":[]"), plan, "pathsDigest");
  }

  @Test
  void rejectsOversizeJsonPlainOrGzipped() {
    String padded = "{\"version\":1,\"form\":\"full\",\"pad\":\"" + " ".repeat(ResultsCodec.MAX_JSON_BYTES) + "\"}";
    rejects(padded, "oversize result document: its JSON passes 65536 bytes");
    rejects(gz(padded), "oversize result document: its JSON passes 65536 bytes");
  }

  @Test
  void acceptsJsonOfExactly64KiB() {
    String head = "{\"version\":1,\"form\":\"full\",\"shard\":0,\"state\":\"done\","
        + "\"counts\":{\"files\":0,\"passed\":0,\"failed\":0,\"skipped\":0,\"errored\":0,\"durationMs\":0},\"files\":[]";
    String json = head + " ".repeat(ResultsCodec.MAX_JSON_BYTES - head.length() - 1) + "}";

    assertThat(ResultsCodec.decode(gz(json), List.of(), SOURCE).files()).isEmpty();
  }

  @Test
  void aDynamicShardsAskForTheNextBatchRoundTripsAndAPlannedShardsDocumentHasNone() {
    List<FileResult> files = List.of(new FileResult("a.json", Outcome.PASSED, 10, List.of(), null, null));
    ResultsDocument asking = new ResultsDocument(2, ShardState.RUNNING, ShardCounts.tally(3, files, 10), files, 3);

    String value = ResultsCodec.encode(asking);

    assertThat(json(value)).contains("\"wants\":3");
    assertThat(ResultsCodec.decode(value, List.of("a.json"), SOURCE)).isEqualTo(asking);
    assertThat(json(ResultsCodec.encode(document(files)))).doesNotContain("wants");
  }

  // ---- events ----------------------------------------------------------------------------------

  static final Event CREATED = new Event("order.created", "order-17", "a.json", 2, 1_750_000_000_000L);
  static final Event RUNNING_FILES = new Event("order.paid", "order-17", "b.json", 2, 1_750_000_000_500L);

  /** a.json finished after publishing CREATED; b.json, still running, published RUNNING_FILES. */
  static ResultsDocument withEvents(List<FileResult> files) {
    return new ResultsDocument(1, 2, ShardState.RUNNING, ShardCounts.tally(files.size() + 1, files, 10), files, 0,
        List.of(CREATED, RUNNING_FILES));
  }

  @Test
  void theShardsEventsTravelOnceInTheDocumentAndComeBackOnTheFilesThatPublishedThem() {
    List<FileResult> files = List.of(new FileResult("a.json", Outcome.PASSED, 10, List.of(), null, null, 5L, null, List.of(CREATED)));
    ResultsDocument document = withEvents(files);

    String value = ResultsCodec.encode(document);

    assertThat(json(value)).endsWith("\"events\":[{\"topic\":\"order.created\",\"value\":\"order-17\",\"file\":\"a.json\","
        + "\"shard\":2,\"publishedMs\":1750000000000},{\"topic\":\"order.paid\",\"value\":\"order-17\",\"file\":\"b.json\","
        + "\"shard\":2,\"publishedMs\":1750000000500}]}");
    assertThat(json(value).indexOf("order.created")).as("once").isEqualTo(json(value).lastIndexOf("order.created"));
    assertThat(ResultsCodec.decode(value, List.of("a.json", "b.json"), SOURCE)).isEqualTo(document);
  }

  @Test
  void theCompactFormKeepsEveryEvent() {
    List<FileResult> big = new ArrayList<>(bigShard(3000, 10, 400));
    big.set(0, big.get(0).withEvents(List.of(new Event("order.created", "order-17", big.get(0).file(), 2, 1L))));
    ResultsDocument document = new ResultsDocument(1, 2, ShardState.RUNNING, ShardCounts.tally(big.size(), big, 10), big, 0,
        big.get(0).events());

    String value = ResultsCodec.encode(document);

    assertThat(json(value)).contains("\"form\":\"compact\"");
    ResultsDocument read = ResultsCodec.decode(value, paths(big), SOURCE);
    assertThat(read.events()).isEqualTo(document.events());
    assertThat(read.files().get(0).events()).isEqualTo(document.events());
    assertThat(read.files().get(1).events()).isEmpty();
  }

  @Test
  void aDocumentWithoutEventsHasNoEventsField() {
    List<FileResult> files = List.of(new FileResult("a.json", Outcome.PASSED, 10, List.of(), null, null));
    String value = ResultsCodec.encode(document(files));
    assertThat(json(value)).doesNotContain("events");
    assertThat(ResultsCodec.decode(value, List.of("a.json"), SOURCE).events()).isEmpty();
  }
}
