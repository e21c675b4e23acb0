package io.handoff.ticket;

/** One refused field of a ticket request: the field's wire name and a sentence saying why. */
public record FieldError(String field, String message) {

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
