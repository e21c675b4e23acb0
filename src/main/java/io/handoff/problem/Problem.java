package io.handoff.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem detail, served as {@code application/problem+json} by every REST resource and
 * webhook. {@code type} is {@code about:blank} when the status says it all, else
 * {@code https://handoff.dev/problems/<slug>} ({@link #type(String)}); {@code field} names the offending
 * input field (JSON pointer style, e.g. {@code customer.email}); {@code errors} lists every problem when
 * there is more than one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type, String title, int status, String detail, String field, String instance, List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** The prefix of every problem type Handoff defines. */
  public static final String TYPE_PREFIX = "https://handoff.dev/problems/";

  /** The type URI of a problem Handoff defines, e.g. {@code invalid-request}. */
  public static String type(String slug) {
    return TYPE_PREFIX + slug;
  }

  /** A problem the status says all about ({@code about:blank}). */
  public static Problem of(int status, String title, String detail) {
    return new Problem("about:blank", title, status, detail, null, null, null);
  }

  /** A problem of a type Handoff defines ({@link #type(String) type(slug)}). */
  public static Problem of(int status, String slug, String title, String detail) {
    return new Problem(type(slug), title, status, detail, null, null, null);
  }

  /** 400 naming every refused field; {@code field} is the first. */
  public static Problem invalid(List<FieldError> errors) {
    FieldError first = errors.get(0);
    String detail = errors.size() == 1 ? first.field() + ": " + first.message()
        : errors.size() + " invalid fields; first " + first.field() + ": " + first.message();
    return new Problem(type("invalid-request"), "Invalid request", 400, detail, first.field(), null,
        List.copyOf(errors));
  }

  /** 400 naming one refused field. */
  public static Problem invalid(String field, String message) {
    return invalid(List.of(new FieldError(field, message)));
  }

  /** 404 saying what was not found. */
  public static Problem notFound(String detail) {
    return of(404, "Not found", detail);
  }

  /** The same problem answered with another status. */
  public Problem withStatus(int status) {
    return new Problem(type, title, status, detail, field, instance, errors);
  }

  /** This problem as a JAX-RS response with the problem media type. */
  public Response response() {
    return Response.status(status).type(MEDIA_TYPE).entity(this).build();
  }
}
