package io.shardrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BenchPlanCommandTest {
  /** Seconds of items a..f: LPT puts 7+3+1 and 5+4+2 on 2 shards, 11 each: the bound 22 / 2. */
  private static final double[] KNOWN = {7, 5, 4, 3, 2, 1};

  @TempDir Path dir;

  record Result(int exitCode, String out, String err) {
    List<String> lines() {
      return out.lines().toList();
    }

    /** The table row for {@code shards}: trace, items, shards, hash, balanced, balanced+noise. */
    String[] row(int shards) {
      return lines().stream().skip(1).map(l -> l.trim().split("\\s+"))
          .filter(cells -> cells.length == 6 && cells[2].equals(String.valueOf(shards)))
          .findFirst().orElseThrow(() -> new AssertionError("no row for " + shards + " shards in\n" + out));
    }
  }

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = Main.commandLine();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    int code = cmd.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  private Path trace(String name, String json) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, json);
    return file;
  }

  private Path knownTrace() throws IOException {
    StringBuilder json = new StringBuilder("{\"durations\": {");
    for (int i = 0; i < KNOWN.length; i++) {
      json.append(i == 0 ? "" : ", ").append('"').append((char) ('a' + i)).append("\": ").append(KNOWN[i]);
    }
    return trace("known.json", json.append("}, \"unit\": \"file\"}").toString());
  }

  @Test
  void printsRatiosOfHashBalancedAndNoisyBalancedAgainstTheLowerBound() throws IOException {
    Result result = run("bench-plan", knownTrace().toString(), "--shards", "2,3", "--noise", "0.5", "--seed", "7",
        "--speed-files", "0");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.lines().get(0)).containsSubsequence("trace", "items", "shards", "hash", "balanced",
        "balanced+noise0.50");
    long[] ms = Arrays.stream(KNOWN).mapToLong(s -> Math.round(s * 1000)).toArray();
    long[] noisy = new long[ms.length];
    Random random = new Random(7);
    for (int i = 0; i < ms.length; i++) {
      noisy[i] = Math.round(ms[i] * Math.exp(0.5 * random.nextGaussian()));
    }
    for (int shards : new int[] {2, 3}) {
      int[] hashed = IntStream.range(0, ms.length).map(i -> sha1Mod(String.valueOf((char) ('a' + i)), shards)).toArray();
      assertThat(result.row(shards)).containsExactly("known.json", "6", String.valueOf(shards),
          twoDecimals(ratio(ms, hashed, shards)), twoDecimals(ratio(ms, lpt(ms, shards), shards)),
          twoDecimals(ratio(ms, lpt(noisy, shards), shards)));
    }
    // By hand: 2 shards 11 / 11; 3 shards 7+1, 5+2, 4+3 = 8 against ceil(22000 / 3) ms.
    assertThat(result.row(2)[4]).isEqualTo("1.00");
    assertThat(result.row(3)[4]).isEqualTo(twoDecimals(8000 / 7334.0)).isEqualTo("1.09");
    assertThat(result.lines().get(result.lines().size() - 1)).isEqualTo("worst balanced ratio: 1.09");
  }

  @Test
  void endsWithThePlanningSpeedAndTheWorstBalancedRatio() throws IOException {
    Result result = run("bench-plan", knownTrace().toString(), "--shards", "2", "--speed-files", "300");

    assertThat(result.exitCode()).as(result.err()).isZero();
    List<String> lines = result.lines();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(2)).matches("planning 300 files into 500 shards: \\d+\\.\\d\\d s \\(median of 5\\)");
    assertThat(lines.get(3)).matches("worst balanced ratio: \\d+\\.\\d\\d").isEqualTo("worst balanced ratio: 1.00");
  }

  @Test
  void theSameSeedGivesTheSameNumbersAndAnotherSeedOtherNoise() throws IOException {
    Random random = new Random(42);
    StringBuilder json = new StringBuilder("{\"durations\": {");
    for (int i = 0; i < 60; i++) {
      json.append(i == 0 ? "" : ", ").append("\"tests/test_").append(i).append(".py\": ")
          .append(String.format(Locale.ROOT, "%.3f", Math.exp(2 * random.nextGaussian())));
    }
    String file = trace("random.json", json.append("}}").toString()).toString();

    Result first = run("bench-plan", file, "--seed", "3", "--noise", "0.8", "--speed-files", "0");
    Result again = run("bench-plan", file, "--seed", "3", "--noise", "0.8", "--speed-files", "0");
    Result other = run("bench-plan", file, "--seed", "4", "--noise", "0.8", "--speed-files", "0");

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(again.out()).isEqualTo(first.out());
    assertThat(noisyColumn(other)).isNotEqualTo(noisyColumn(first));
  }

  @Test
  void withoutNoiseTheNoisyColumnEqualsTheExactOne() throws IOException {
    Result result = run("bench-plan", knownTrace().toString(), "--noise", "0", "--speed-files", "0");

    assertThat(result.exitCode()).as(result.err()).isZero();
    for (int shards : new int[] {2, 4, 8, 16, 32}) {
      assertThat(result.row(shards)[5]).isEqualTo(result.row(shards)[4]);
    }
  }

  @Test
  void anUnreadableTraceExitsTwoNamingIt() {
    Path missing = dir.resolve("missing.json");

    Result result = run("bench-plan", missing.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("cannot read trace " + missing + ": no such file");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void invalidJsonExitsTwoNamingTheFileAndPlace() throws IOException {
    Path file = trace("broken.json", "{\"durations\": {\"a\": 1,}}");

    Result result = run("bench-plan", knownTrace().toString(), file.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains(file + ": not valid JSON:", "(line 1, column");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void aTraceWithoutDurationsExitsTwoSayingWhatWasExpected() throws IOException {
    for (String json : List.of("{\"unit\": \"file\"}", "{\"durations\": [1, 2]}", "{\"durations\": {}}", "[]")) {
      Path file = trace("nodurations.json", json);

      Result result = run("bench-plan", file.toString());

      assertThat(result.exitCode()).as(json).isEqualTo(2);
      assertThat(result.err()).as(json)
          .contains(file + ": expected a JSON object with a non-empty \"durations\" object");
    }
  }

  @Test
  void aNonNumericOrNegativeDurationExitsTwoNamingTheItem() throws IOException {
    Path text = trace("text.json", "{\"durations\": {\"a\": 1.5, \"b\": \"2.0\"}}");
    Path negative = trace("negative.json", "{\"durations\": {\"a\": 1.5, \"tests/x.py::y\": -0.25}}");
    Path missing = trace("null.json", "{\"durations\": {\"a\": null}}");

    Result textResult = run("bench-plan", text.toString());
    Result negativeResult = run("bench-plan", negative.toString());
    Result nullResult = run("bench-plan", missing.toString());

    assertThat(textResult.exitCode()).isEqualTo(2);
    assertThat(textResult.err()).contains(text + ": durations.b: expected a number of seconds from 0 to", "got \"2.0\"");
    assertThat(negativeResult.exitCode()).isEqualTo(2);
    assertThat(negativeResult.err()).contains(negative + ": durations.tests/x.py::y: expected a number of seconds", "got -0.25");
    assertThat(nullResult.exitCode()).isEqualTo(2);
    assertThat(nullResult.err()).contains(missing + ": durations.a: expected a number of seconds", "got null");
  }

  @Test
  void aBadShardListExitsTwo() throws IOException {
    String file = knownTrace().toString();
    for (String shards : List.of("2,x", "0", "", "2,,4", "-4", "1001", "2.5")) {
      Result result = run("bench-plan", file, "--shards", shards);

      assertThat(result.exitCode()).as(shards).isEqualTo(2);
      assertThat(result.err()).as(shards).contains("--shards: expected a comma-separated list of shard counts"
          + " from 1 to 1000, e.g. 2,4,8; got '" + shards + "'");
      assertThat(result.out()).isEmpty();
    }
  }

  @Test
  void negativeNoiseExitsTwo() throws IOException {
    Result result = run("bench-plan", knownTrace().toString(), "--noise", "-0.1");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--noise: expected a standard deviation >= 0, got -0.1");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void negativeSpeedFilesExitsTwo() throws IOException {
    Result result = run("bench-plan", knownTrace().toString(), "--speed-files", "-1");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--speed-files: expected a number of files >= 0 (0 skips the timing), got -1");
    assertThat(result.out()).isEmpty();
  }

  private static List<String> noisyColumn(Result result) {
    return result.lines().stream().skip(1).filter(l -> l.startsWith("random.json"))
        .map(l -> l.trim().split("\\s+")[5]).toList();
  }

  private static int sha1Mod(String key, int shards) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest(key.getBytes(StandardCharsets.UTF_8));
      return new BigInteger(1, digest).mod(BigInteger.valueOf(shards)).intValue();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /** Textbook LPT: largest first (ties by index) onto the least-loaded shard (ties by index). */
  private static int[] lpt(long[] estimates, int shards) {
    Integer[] order = IntStream.range(0, estimates.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.<Integer>comparingLong(i -> -estimates[i]).thenComparingInt(i -> i));
    long[] loads = new long[shards];
    int[] shardOf = new int[estimates.length];
    for (int unit : order) {
      int least = 0;
      for (int s = 1; s < shards; s++) {
        least = loads[s] < loads[least] ? s : least;
      }
      shardOf[unit] = least;
      loads[least] += estimates[unit];
    }
    return shardOf;
  }

  /** makespan / max(longest, ceil(total / shards)), on the exact durations. */
  private static double ratio(long[] ms, int[] shardOf, int shards) {
    long[] loads = new long[shards];
    for (int i = 0; i < ms.length; i++) {
      loads[shardOf[i]] += ms[i];
    }
    long total = Arrays.stream(ms).sum();
    long bound = Math.max(Arrays.stream(ms).max().orElseThrow(), (total + shards - 1) / shards);
    return Arrays.stream(loads).max().orElseThrow() / (double) bound;
  }

  private static String twoDecimals(double ratio) {
    return String.format(Locale.ROOT, "%.2f", ratio);
  }
}
