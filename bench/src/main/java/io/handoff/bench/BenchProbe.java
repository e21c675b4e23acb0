package io.handoff.bench;

import io.handoff.support.SupportDecision;
import io.handoff.support.SupportEngine;
import io.handoff.testing.SupportBenchData;
import io.handoff.trigger.BusinessCalendar;

/** Quick manual probe: fired triggers and rough timings (the JMH benchmark is the reference). */
public final class BenchProbe {
  public static void main(String[] args) {
    SupportEngine engine = new SupportEngine(SupportBenchData.triggers(7000));
    SupportDecision d = engine.evaluate(SupportBenchData.update(), BusinessCalendar.ALWAYS_OPEN);
    System.out.println("fired " + d.trace().fired().size() + " passes " + d.trace().passes()
        + " traces " + d.trace().triggers().size());
    var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
    for (int round = 0; round < 8; round++) {
      long c0 = cpu.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      for (int i = 0; i < 200; i++) {
        engine.evaluate(SupportBenchData.update(), BusinessCalendar.ALWAYS_OPEN);
      }
      long t1 = System.nanoTime();
      long c1 = cpu.getCurrentThreadCpuTime();
      for (int i = 0; i < 20; i++) {
        engine.evaluateNaive(SupportBenchData.update(), BusinessCalendar.ALWAYS_OPEN);
      }
      long t2 = System.nanoTime();
      long c2 = cpu.getCurrentThreadCpuTime();
      System.out.printf("indexed %.3f ms wall / %.3f ms cpu, naive %.3f ms wall / %.3f ms cpu%n",
          (t1 - t0) / 200e6, (c1 - c0) / 200e6, (t2 - t1) / 20e6, (c2 - c1) / 20e6);
    }
  }
}
