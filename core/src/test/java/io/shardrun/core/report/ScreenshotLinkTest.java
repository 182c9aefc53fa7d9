package io.shardrun.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScreenshotLinkTest {
  @Test
  void aPathBesideTheReportIsEncodedSegmentBySegmentAndShownAsAThumbnail() {
    assertThat(ScreenshotLink.of("0/shop/check out/failure #1?.png"))
        .isEqualTo(new ScreenshotLink("0/shop/check%20out/failure%20%231%3F.png", true));
    assertThat(ScreenshotLink.of("0/ü/100%.png")).isEqualTo(new ScreenshotLink("0/%C3%BC/100%25.png", true));
  }

  @Test
  void aPathCannotBecomeAnotherScheme() {
    assertThat(ScreenshotLink.of("javascript:alert(1)").href()).isEqualTo("javascript%3Aalert%281%29");
  }

  @Test
  void aRemoteUrlIsOnlyLinkedAndAFileUrlIsLocal() {
    assertThat(ScreenshotLink.of("https://ci.example/a b.png")).isEqualTo(new ScreenshotLink("https://ci.example/a b.png", false));
    assertThat(ScreenshotLink.of("file:///tmp/run/failure.png")).isEqualTo(new ScreenshotLink("file:///tmp/run/failure.png", true));
  }
}
