package io.handoff.ticket;

import io.handoff.problem.FieldError;
import java.util.List;

/** A ticket request was refused field by field; nothing was changed. */
public class TicketRefusedException extends RuntimeException {
  private final transient List<FieldError> errors;

  public TicketRefusedException(List<FieldError> errors) {
    super("ticket request refused: " + errors);
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
