package io.handoff.problem;

/** One refused field of a request: the field's wire name (JSON pointer style, e.g. {@code customer.email}) and a sentence saying why. */
public record FieldError(String field, String message) {

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
