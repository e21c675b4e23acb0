package io.handoff.journey;

/** Loads the workflow's JSON machinery before the worker starts (see {@link JourneyContext#warmUp()}). */
public final class JourneyWarmUp {
  private JourneyWarmUp() {}

  public static void run() {
    JourneyContext.warmUp();
  }
}
