package io.handoff.ticket.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.handoff.ticket.FieldError;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem document ({@code application/problem+json}). {@code field} names the first
 * refused field; {@code errors} lists every one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field,
    List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** 400 naming the refused fields. */
  public static Problem invalid(List<FieldError> errors) {
    FieldError first = errors.get(0);
    return new Problem("/problems/invalid-field", "Invalid request", 400,
        first.field() + ": " + first.message(), first.field(), List.copyOf(errors));
  }

  public static Problem invalid(String field, String message) {
    return invalid(List.of(new FieldError(field, message)));
  }

  public static Problem of(int status, String type, String title, String detail) {
    return new Problem("/problems/" + type, title, status, detail, null, null);
  }

  public static Problem notFound(String detail) {
    return of(404, "not-found", "Not found", detail);
  }

  /** This problem as a JAX-RS response with the problem media type. */
  public Response response() {
    return Response.status(status).type(MEDIA_TYPE).entity(this).build();
  }
}
