package io.handoff.webhook;

import io.handoff.problem.Problem;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** What a webhook handler answers: a status and a JSON entity (a problem on failure). */
public record WebhookReply(int status, Object entity) {

  static WebhookReply ok(String outcome, String detail) {
    return new WebhookReply(200, Map.of("status", outcome, "detail", detail));
  }

  static WebhookReply problem(Problem p) {
    return new WebhookReply(p.status(), p);
  }

  /** The JAX-RS response, with the problem media type for problems. */
  public Response response() {
    String type = entity instanceof Problem ? Problem.MEDIA_TYPE : MediaType.APPLICATION_JSON;
    return Response.status(status).type(type).entity(entity).build();
  }
}
