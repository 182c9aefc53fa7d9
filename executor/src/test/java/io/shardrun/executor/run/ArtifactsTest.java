package io.shardrun.executor.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ArtifactsTest {
  final Artifacts artifacts = Artifacts.forFile(Path.of("/out/run-1/0"), "shop/checkout.json");

  @Test
  void artifactsGoUnderTheFilesOwnFolder() {
    assertThat(artifacts.resolve("cart.png")).isEqualTo(Path.of("/out/run-1/0/shop/checkout/cart.png"));
    assertThat(artifacts.resolve("steps/3.png")).isEqualTo(Path.of("/out/run-1/0/shop/checkout/steps/3.png"));
  }

  @Test
  void absoluteNamesAreRefused() {
    assertThatThrownBy(() -> artifacts.resolve("/etc/passwd"))
        .hasMessage("artifact name '/etc/passwd' is absolute; use a plain file name such as 'cart.png'");
  }

  @Test
  void namesWithDotDotAreRefusedEvenWhenTheyWouldStayInside() {
    assertThatThrownBy(() -> artifacts.resolve("a/../b.png")).hasMessageContaining("contains '..'");
    assertThatThrownBy(() -> artifacts.resolve("../../../x.png")).hasMessageContaining("contains '..'");
  }

  @Test
  void aFilePathWithDotDotCannotMoveTheFolderOutOfTheShard() {
    assertThatThrownBy(() -> Artifacts.forFile(Path.of("/out/run-1/0"), "../../escape.json"))
        .hasMessage("suite path '../../escape.json' resolves outside the artifact folder /out/run-1/0");
  }
}
