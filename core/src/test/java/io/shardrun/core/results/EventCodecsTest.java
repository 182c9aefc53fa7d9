package io.shardrun.core.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EventCodecsTest {
  static final Event CREATED = new Event("order.created", "order-17", "orders/create.json", 0, 1_750_000_000_000L);
  static final Event SHIPPED = new Event("order.shipped", "order-17 \"express\"\n", "orders/ship.json#eu", 1, 1_750_000_001_000L);

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void linesRoundTripOneEventPerLine() {
    String log = EventLines.line(CREATED) + EventLines.line(SHIPPED);
    assertThat(log.lines()).hasSize(2);
    EventLines.Read read = EventLines.parse(bytes(log));
    assertThat(read.events()).containsExactly(CREATED, SHIPPED);
    assertThat(read.consumed()).isEqualTo(bytes(log).length);
  }

  @Test
  void tornAndGarbageLinesArePassedOverAndALineWithoutItsNewlineIsLeftForTheNextRead() {
    String torn = EventLines.line(CREATED).substring(0, 20);
    String log = torn + "\n" + "not json\n" + "{\"topic\": \"t\"}\n" + EventLines.line(SHIPPED) + "[1]\n"
        + EventLines.line(CREATED).replace("\n", "") + EventLines.line(SHIPPED) + "\n" + torn;
    EventLines.Read read = EventLines.parse(bytes(log));
    assertThat(read.events()).containsExactly(SHIPPED);
    assertThat(read.consumed()).isEqualTo(bytes(log).length - bytes(torn).length);
  }

  @Test
  void relayedEventsRoundTripAsAJsonListOldestFirst() {
    String value = RelayedEvents.encode(List.of(SHIPPED, CREATED));
    assertThat(value).startsWith("[{\"topic\":\"order.created\",\"value\":\"order-17\",\"file\":\"orders/create.json\",\"shard\":0,");
    assertThat(RelayedEvents.decode(value, "pod p")).containsExactly(CREATED, SHIPPED);
    assertThat(RelayedEvents.decode(RelayedEvents.encode(List.of()), "pod p")).isEmpty();
  }

  @Test
  void manyRelayedEventsAreGzippedAndTheOldestLeftOutWhenTheyDoNotFit() {
    Random random = new Random(7); // values that do not compress away
    List<Event> many = IntStream.range(0, 5000).mapToObj(i -> new Event("t" + i, new BigInteger(600, random).toString(36),
        "f" + i + ".json", i % 7, i)).toList();
    String value = RelayedEvents.encode(many);
    assertThat(value).startsWith("gz:");
    assertThat(value.length()).isLessThanOrEqualTo(RelayedEvents.MAX_VALUE_CHARS);
    List<Event> read = RelayedEvents.decode(value, "pod p");
    assertThat(read.size()).isPositive().isLessThan(many.size());
    assertThat(read).isEqualTo(many.subList(many.size() - read.size(), many.size()));

    List<Event> some = many.subList(0, 200);
    assertThat(RelayedEvents.decode(RelayedEvents.encode(some), "pod p")).isEqualTo(some);
  }

  @Test
  void badRelayedEventsNameTheSourceAndWhatIsWrong() {
    assertThatThrownBy(() -> RelayedEvents.decode("{\"events\": []}", "pod qa/p annotation shardrun.io/events"))
        .hasMessageStartingWith("pod qa/p annotation shardrun.io/events: bad relayed events: ");
    assertThatThrownBy(() -> RelayedEvents.decode("[{\"topic\": \"t\", \"value\": \"v\", \"shard\": 0, \"publishedMs\": 1}]", "pod p"))
        .hasMessageStartingWith("pod p: bad relayed events: ").hasMessageContaining("file");
    assertThatThrownBy(() -> RelayedEvents.decode("gz:!!", "pod p")).hasMessageStartingWith("pod p: bad base64");
  }
}
