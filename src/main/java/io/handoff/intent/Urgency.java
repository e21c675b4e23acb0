package io.handoff.intent;

/** How urgent the customer's request is; the handoff policy maps it to a ticket priority. */
public enum Urgency { LOW, NORMAL, HIGH, URGENT }
