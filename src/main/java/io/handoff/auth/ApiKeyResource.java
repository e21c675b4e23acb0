package io.handoff.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.handoff.problem.FieldError;
import io.handoff.problem.Problem;
import io.handoff.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * API key management (admin scope, like everything under /api/admin): create, list, revoke, rotate.
 * A key string is in the response of create and rotate only; the database keeps its SHA-256.
 */
@Path("/api/admin/api-keys")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class ApiKeyResource {
  private static final Logger LOG = Logger.getLogger(ApiKeyResource.class);
  static final int MAX_NAME = 200;

  private final ApiKeyStore keys;
  private final SecurityIdentity caller;

  @Inject
  public ApiKeyResource(ApiKeyStore keys, SecurityIdentity caller) {
    this.keys = keys;
    this.caller = caller;
  }

  /** A key as listed: never its secret. */
  public record KeyView(String id, String prefix, String name, String scope, Instant createdAt, Instant lastUsedAt,
      Instant revokedAt, String replacedBy, boolean active) {
    static KeyView of(ApiKeyStore.ApiKey k) {
      return new KeyView(k.id(), k.prefix(), k.name(), k.scope().label(), k.createdAt(), k.lastUsedAt(),
          k.revokedAt(), k.replacedBy(), k.active());
    }
  }

  /** A key just made, with the key string shown this once. */
  public record CreatedView(String id, String prefix, String name, String scope, Instant createdAt, String key,
      String replaces) {
    static CreatedView of(ApiKeyStore.Created c, String replaces) {
      ApiKeyStore.ApiKey k = c.key();
      return new CreatedView(k.id(), k.prefix(), k.name(), k.scope().label(), k.createdAt(), c.token(), replaces);
    }
  }

  @GET
  public List<KeyView> list() {
    return keys.list().stream().map(KeyView::of).toList();
  }

  /** {@code {"name": "...", "scope": "read" | "write" | "admin"}} → 201 with the key. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ProblemException.invalid("body", "must be a JSON object with name and scope");
    }
    List<FieldError> errors = new ArrayList<>();
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!f.equals("name") && !f.equals("scope")) {
        errors.add(new FieldError(f, "unknown field (allowed: name, scope)"));
      }
    }
    JsonNode name = body.get("name");
    if (name == null || !name.isTextual() || name.asText().isBlank()) {
      errors.add(new FieldError("name", "required: a non-empty string naming who uses the key"));
    } else if (name.asText().length() > MAX_NAME) {
      errors.add(new FieldError("name", "longer than " + MAX_NAME + " characters"));
    } else if (ApiKeyStore.hasControlCharacters(name.asText())) {
      errors.add(new FieldError("name", "must not contain line breaks or other control characters"));
    }
    JsonNode scope = body.get("scope");
    Scope parsed = scope != null && scope.isTextual() ? Scope.parse(scope.asText()).orElse(null) : null;
    if (parsed == null) {
      errors.add(new FieldError("scope", "required: metrics, read, write or admin"));
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(Problem.invalid(errors));
    }
    ApiKeyStore.Created created = keys.create(name.asText().trim(), parsed);
    LOG.infof("API key %s (%s, %s) created by %s", created.key().id(), created.key().name(), parsed.label(),
        caller.isAnonymous() ? "anonymous" : caller.getPrincipal().getName());
    return Response.status(201).entity(CreatedView.of(created, null)).build();
  }

  /** Revokes a key at once; revoking a revoked key changes nothing. */
  @DELETE
  @Path("/{id}")
  public KeyView revoke(@PathParam("id") String id) {
    KeyView v = KeyView.of(keys.revoke(id).orElseThrow(() -> unknown(id)));
    LOG.infof("API key %s revoked by %s", id, caller.isAnonymous() ? "anonymous" : caller.getPrincipal().getName());
    return v;
  }

  /** A new key with the same name and scope; the old one is revoked in the same transaction. */
  @POST
  @Path("/{id}/rotate")
  public Response rotate(@PathParam("id") String id) {
    ApiKeyStore.Created next;
    try {
      next = keys.rotate(id).orElseThrow(() -> unknown(id));
    } catch (IllegalArgumentException e) {
      throw new ProblemException(new Problem(Problem.type("conflict"), "Conflict", 409,
          e.getMessage(), "id", null, null));
    }
    LOG.infof("API key %s rotated to %s by %s", id, next.key().id(),
        caller.isAnonymous() ? "anonymous" : caller.getPrincipal().getName());
    return Response.status(201).entity(CreatedView.of(next, id)).build();
  }

  private static ProblemException unknown(String id) {
    return ProblemException.notFound("no API key with id " + id);
  }
}
