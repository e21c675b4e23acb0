package io.handoff.journey;

/** The journey's ticket as shown in the journey view. */
public record TicketView(String id, String status, String priority, String group, String assignee) {}
