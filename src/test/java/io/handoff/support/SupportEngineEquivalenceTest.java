package io.handoff.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handoff.testing.SupportBenchData;
import io.handoff.trigger.BusinessCalendar;
import org.junit.jupiter.api.Test;

/** The indexed loop must decide exactly what the naive re-check-everything loop decides. */
class SupportEngineEquivalenceTest {

  @Test
  void indexedLoopMatchesNaiveLoopOnTheBenchmarkRuleSet() {
    SupportEngine engine = new SupportEngine(SupportBenchData.triggers(7000));
    SupportDecision indexed = engine.evaluate(SupportBenchData.update(), BusinessCalendar.ALWAYS_OPEN);
    SupportDecision naive = engine.evaluateNaive(SupportBenchData.update(), BusinessCalendar.ALWAYS_OPEN);
    assertTrue(indexed.trace().fired().size() >= 3, "the update should fire several triggers");
    assertEquals(naive.trace().fired(), indexed.trace().fired());
    assertEquals(naive.ticket(), indexed.ticket());
    assertEquals(naive.comments(), indexed.comments());
    assertEquals(naive.notifications(), indexed.notifications());
    assertEquals(naive.trace().passes(), indexed.trace().passes());
  }
}
