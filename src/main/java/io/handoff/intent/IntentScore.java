package io.handoff.intent;

/** One intent with its score in [0, 1]; classifiers report the top few. */
public record IntentScore(String intent, double score) {}
