package io.handoff.bench;

import io.handoff.rules.BusinessCalendar;
import io.handoff.support.SupportDecision;
import io.handoff.support.SupportEngine;

/** Quick manual probe: fired triggers and rough timings (the JMH benchmark is the reference). */
public final class BenchProbe {
  public static void main(String[] args) {
    SupportEngine engine = new SupportEngine(SupportBenchData.triggers(7000));
    SupportDecision d = engine.evaluate(SupportBenchData.update(), BusinessCalendar.ALWAYS_OPEN);
    System.out.println("fired " + d.trace().fired().size() + " passes " + d.trace().passes()
        + " traces " + d.trace().triggers().size());
    for (int round = 0; round < 5; round++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < 200; i++) {
        engine.evaluate(SupportBenchData.update(), BusinessCalendar.ALWAYS_OPEN);
      }
      long t1 = System.nanoTime();
      for (int i = 0; i < 20; i++) {
        engine.evaluateNaive(SupportBenchData.update(), BusinessCalendar.ALWAYS_OPEN);
      }
      long t2 = System.nanoTime();
      System.out.printf("indexed %.3f ms, naive %.3f ms%n", (t1 - t0) / 200e6, (t2 - t1) / 20e6);
    }
  }
}
