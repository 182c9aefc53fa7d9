package io.shardrun.core.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StepLogTest {
  @Test
  void oneLinePerStepWithSeleniumColumnsStatusAndTime() {
    List<StepRecord> steps = List.of(
        new StepRecord(0, "steps[0]", "open", "https://shop.example/", null, StepStatus.PASSED, 812, null, null),
        new StepRecord(1, "steps[1] > template accept_cookies steps[0]", "click", "css=#ok", "", StepStatus.PASSED, 40, null, null),
        new StepRecord(2, "steps[2]", "type", "css=input[name=q]", "shoes", StepStatus.PASSED, 30, null, null),
        new StepRecord(3, "steps[3]", "refresh", null, null, StepStatus.NOT_RUN, 0, null, null));

    assertThat(StepLog.of(steps)).isEqualTo("""
        [0] steps[0]: open | https://shop.example/ -> passed in 812 ms
        [1] steps[1] > template accept_cookies steps[0]: click | css=#ok -> passed in 40 ms
        [2] steps[2]: type | css=input[name=q] | shoes -> passed in 30 ms
        [3] steps[3]: refresh -> notRun in 0 ms
        """);
  }

  @Test
  void observedTextAndErrorFollowTheirStepIndentedOnEveryLine() {
    List<StepRecord> steps = List.of(new StepRecord(4, "steps[4]", "assertText", "css=.total", "$42.00",
        StepStatus.FAILED, 105, "$41.00", "expected \"$42.00\"\nsaw \"$41.00\""),
        new StepRecord(5, "steps[5]", "click", "id=pay", null, StepStatus.ERROR, 3, null, "no such window"));

    assertThat(StepLog.of(steps)).isEqualTo("""
        [4] steps[4]: assertText | css=.total | $42.00 -> failed in 105 ms
            observed: $41.00
            error: expected "$42.00"
            saw "$41.00"
        [5] steps[5]: click | id=pay -> error in 3 ms
            error: no such window
        """);
  }

  @Test
  void noStepsIsEmpty() {
    assertThat(StepLog.of(List.of())).isEmpty();
  }

  @Test
  void aMeasuredPageAndItsBudgetWarningsFollowTheStep() {
    PageMetrics page = new PageMetrics("${BASE_URL}/heavy", "/heavy", 12L, 30L, 31L, null, 604000L);
    List<StepRecord> steps = List.of(new StepRecord(0, "steps[0]", "open", "${BASE_URL}/heavy", "", StepStatus.PASSED, 90,
        null, null, page, List.of("budget (warn): /heavy transferBytes 604000 > 500000"), null));

    assertThat(StepLog.of(steps)).isEqualTo("""
        [0] steps[0]: open | ${BASE_URL}/heavy -> passed in 90 ms
            page: ${BASE_URL}/heavy (route /heavy): ttfbMs 12, domContentLoadedMs 30, loadMs 31, transferBytes 604000
            warning: budget (warn): /heavy transferBytes 604000 > 500000
        """);
  }
}
