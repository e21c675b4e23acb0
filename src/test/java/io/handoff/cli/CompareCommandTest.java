package io.handoff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.handoff.routing.ComparisonCalculator;
import io.handoff.routing.ComparisonCalculatorTest;
import org.junit.jupiter.api.Test;

class CompareCommandTest {
  @Test
  void printsHeadlineRoutersAndSlices() {
    String out = CompareCommand.format(ComparisonCalculator.compute(ComparisonCalculatorTest.ROWS));
    assertThat(out).contains("journeys 4, both routers decided 3, agreement 33.3%");
    assertThat(out).containsPattern("rules\\s+4\\s+3\\s+66.7%\\s+75.0%\\s+2\\s+120 s\\s+0");
    assertThat(out).containsPattern("ai\\s+3\\s+3\\s+66.7%\\s+100.0%\\s+2\\s+180 s\\s+1");
    assertThat(out).containsPattern("es\\s+2\\s+0.0%\\s+0.0%\\s+100.0%");
  }
}
