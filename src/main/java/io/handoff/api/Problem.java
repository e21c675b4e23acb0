package io.handoff.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail, served as {@code application/problem+json}. {@code field} names the
 * offending input field (JSON pointer style, e.g. {@code customer.email}); {@code errors} lists every
 * problem when there is more than one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type, String title, int status, String detail, String field, String instance, List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** One invalid field of a request. */
  public record FieldError(String field, String message) {}

  public static Problem of(int status, String title, String detail) {
    return new Problem("about:blank", title, status, detail, null, null, null);
  }

  public static Problem invalid(List<FieldError> errors) {
    FieldError first = errors.get(0);
    String detail = errors.size() == 1 ? first.field() + ": " + first.message()
        : errors.size() + " invalid fields; first " + first.field() + ": " + first.message();
    return new Problem("https://handoff.dev/problems/invalid-request", "Invalid request", 400, detail,
        first.field(), null, List.copyOf(errors));
  }
}
