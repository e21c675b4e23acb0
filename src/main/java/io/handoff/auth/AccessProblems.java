package io.handoff.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handoff.problem.Problem;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Access failures as problem+json: 401 when credentials are missing or refused, 403 when they lack
 * the scope, each naming the scope the request needs (and, for 403, the scopes held).
 */
@ApplicationScoped
public class AccessProblems {
  /** Routing context key of the scope the current request needs, set by {@link ScopePolicy}. */
  static final String REQUIRED_SCOPE = "io.handoff.auth.required-scope";
  static final String GRANTED_SCOPES = "io.handoff.auth.granted-scopes";

  private final ObjectMapper json;
  private final AccessControl access;
  private final AuthConfig config;
  private FailedAttempts failedAttempts;

  @Inject
  public AccessProblems(ObjectMapper json, AccessControl access, AuthConfig config) {
    this.json = json;
    this.access = access;
    this.config = config;
  }

  /** The throttle of refused credentials, per client address. */
  synchronized FailedAttempts failedAttempts() {
    if (failedAttempts == null) {
      failedAttempts = new FailedAttempts(config.failedAttemptsAllowed(), java.time.Clock.systemUTC());
    }
    return failedAttempts;
  }

  static String client(RoutingContext rc) {
    var address = rc.request().remoteAddress();
    return address == null ? "unknown" : address.hostAddress();
  }

  /**
   * 429 when the client must still wait after refused credentials; true when the answer was written.
   */
  boolean throttled(RoutingContext rc) {
    java.time.Duration wait = failedAttempts().waitFor(client(rc));
    if (wait.isZero()) {
      return false;
    }
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", Problem.type("too-many-failed-attempts"));
    body.put("title", "Too many refused credentials");
    body.put("status", 429);
    body.put("detail", "too many refused credentials from this client; try again in " + seconds + " s");
    rc.response().putHeader("Retry-After", Long.toString(seconds));
    write(rc, body);
    return true;
  }

  void registerFailureHandler(@Observes Router router) {
    router.route().order(-1).failureHandler(this::onFailure);
  }

  private void onFailure(RoutingContext rc) {
    Throwable f = rc.failure();
    if (f instanceof AuthenticationFailedException || f instanceof AuthenticationCompletionException) {
      if (rc.response().ended()) {
        return;
      }
      failedAttempts().refused(client(rc));
      unauthenticated(rc, "the credentials were refused: " + refusal(f));
    } else if (f instanceof UnauthorizedException) {
      unauthenticated(rc, null);
    } else if (f instanceof ForbiddenException) {
      forbidden(rc);
    } else {
      rc.next();
    }
  }

  private static String refusal(Throwable f) {
    // Our identity provider's message is written for callers; other mechanisms' messages may not be.
    return f.getMessage() != null && f.getMessage().startsWith("the API key") ? f.getMessage()
        : "the API key or bearer token is not valid";
  }

  /** 401 naming the scope needed and how to send credentials; {@code why} adds what was wrong. */
  void unauthenticated(RoutingContext rc, String why) {
    Scope needed = rc.get(REQUIRED_SCOPE);
    String how = access.settings().oidc() && access.settings().apiKeys()
        ? "an API key (Authorization: Bearer <key> or X-API-Key) or an OIDC bearer token"
        : access.settings().oidc() ? "an OIDC bearer token (Authorization: Bearer <token>)"
        : "an API key (Authorization: Bearer <key> or X-API-Key: <key>)";
    String detail = (why != null ? why + "; " : "credentials are missing; ") + "this request needs " + how
        + (needed == null ? "" : " with the " + needed.label() + " scope");
    Map<String, Object> body = problem(401, "Unauthenticated", detail, needed);
    rc.response().putHeader("WWW-Authenticate", "Bearer realm=\"handoff\"");
    write(rc, body);
  }

  private void forbidden(RoutingContext rc) {
    Scope needed = rc.get(REQUIRED_SCOPE);
    Set<Scope> granted = rc.get(GRANTED_SCOPES);
    String held = granted == null || granted.isEmpty() ? "none"
        : EnumSet.copyOf(granted).stream().map(Scope::label).collect(Collectors.joining(", "));
    String detail = "this request needs the " + (needed == null ? "required" : needed.label())
        + " scope; the credentials grant: " + held;
    Map<String, Object> body = problem(403, "Forbidden", detail, needed);
    body.put("grantedScopes", granted == null ? Set.of() : EnumSet.copyOf(granted).stream().map(Scope::label).toList());
    write(rc, body);
  }

  private static Map<String, Object> problem(int status, String title, String detail, Scope needed) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", Problem.type(status == 401 ? "unauthenticated" : "forbidden"));
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    if (needed != null) {
      body.put("requiredScope", needed.label());
    }
    return body;
  }

  private void write(RoutingContext rc, Map<String, Object> body) {
    HttpServerResponse r = rc.response();
    if (r.ended()) {
      return;
    }
    String text;
    try {
      text = json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      text = "{\"status\":" + body.get("status") + "}";
    }
    r.setStatusCode((Integer) body.get("status")).putHeader("Content-Type", Problem.MEDIA_TYPE).end(text);
  }
}
