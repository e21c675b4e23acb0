package io.handoff.model;

/** The journey's stage machine: MESSAGING → AI_TRIAGE → TICKETED → SOLVED → CLOSED. */
public enum Stage {
  MESSAGING, AI_TRIAGE, TICKETED, SOLVED, CLOSED
}
