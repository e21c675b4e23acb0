package io.handoff.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.handoff.journey.InboundEvents;
import io.handoff.problem.Problem;
import io.handoff.ticket.HelpdeskDirectory;
import io.handoff.ticket.TicketCommands;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;

/**
 * Inbound webhooks. The raw body is read as bytes because signatures are computed over the exact
 * bytes sent; it is parsed only after verification.
 */
@Path("/api/webhooks")
public class WebhookResource {

  static final String INVOCATION_HEADER = "X-Zendesk-Webhook-Invocation-Id";

  private final ZendeskWebhookHandler zendesk;
  private final SunshineWebhookHandler sunshine;

  @Inject
  public WebhookResource(WebhookConfig config, HelpdeskDirectory directory,
      TicketCommands commands, InboundEvents events, ObjectMapper json) {
    Clock clock = Clock.systemUTC();
    WebhookConfig.ZendeskHook z = config.zendesk();
    ZendeskSignature signature = z.signingSecret().filter(s -> !s.isBlank())
        .map(s -> new ZendeskSignature(s, z.tolerance())).orElse(null);
    this.zendesk = new ZendeskWebhookHandler(signature, new ZendeskEventMapper(directory,
        java.util.Set.copyOf(z.ownActorIds().orElse(java.util.List.of()))), commands,
        new ReplayGuard(z.tolerance().multipliedBy(2)), json, clock);
    this.sunshine = new SunshineWebhookHandler(config.sunshine().secret().orElse(null),
        new SunshineEventMapper(), events, json, clock);
  }

  /** Zendesk event or trigger webhook, signed with the webhook's signing secret. */
  @POST
  @Path("/zendesk")
  @Consumes(MediaType.WILDCARD)
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  public Response zendesk(@HeaderParam(ZendeskSignature.SIGNATURE_HEADER) String signature,
      @HeaderParam(ZendeskSignature.TIMESTAMP_HEADER) String timestamp,
      @HeaderParam(INVOCATION_HEADER) String invocationId, byte[] body) {
    return zendesk.handle(signature, timestamp, invocationId, body == null ? new byte[0] : body)
        .response();
  }

  /** Sunshine Conversations v2 webhook, authenticated by the X-API-Key secret. */
  @POST
  @Path("/sunshine")
  @Consumes(MediaType.WILDCARD)
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  public Response sunshine(@HeaderParam(SunshineWebhookHandler.API_KEY_HEADER) String apiKey,
      byte[] body) {
    return sunshine.handle(apiKey, body == null ? new byte[0] : body).response();
  }
}
