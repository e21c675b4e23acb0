package io.handoff.sla.inactivity;

import io.handoff.ticket.TicketStatus;
import java.time.Duration;

/**
 * One inactivity reminder.
 *
 * @param after silence since the previous step (the last customer message for the first reminder)
 * @param setStatus ticket status to set with the reminder, or null
 * @param tag tag to add to the ticket, or null
 */
public record Reminder(Duration after, String message, TicketStatus setStatus, String tag) {}
