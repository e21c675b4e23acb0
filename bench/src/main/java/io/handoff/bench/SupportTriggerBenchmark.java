package io.handoff.bench;

import io.handoff.support.SupportDecision;
import io.handoff.support.SupportEngine;
import io.handoff.support.TicketUpdate;
import io.handoff.testing.SupportBenchData;
import io.handoff.trigger.BusinessCalendar;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One ticket update against N active support triggers: the indexed loop ({@link SupportEngine#evaluate})
 * versus the naive loop that re-checks every trigger on every pass. Sample mode reports percentiles,
 * so the median (p0.50) is the number to compare with the 2 ms target. Command: docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SupportTriggerBenchmark {

  @Param({"7000"})
  int triggers;

  SupportEngine engine;
  TicketUpdate update;

  @Setup
  public void setUp() {
    engine = new SupportEngine(SupportBenchData.triggers(triggers));
    update = SupportBenchData.update();
  }

  @Benchmark
  public SupportDecision indexed() {
    return engine.evaluate(update, BusinessCalendar.ALWAYS_OPEN);
  }

  @Benchmark
  public SupportDecision naive() {
    return engine.evaluateNaive(update, BusinessCalendar.ALWAYS_OPEN);
  }
}
