package io.handoff.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handoff.problem.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks that run before any resource, answering problem+json like the resources do:
 * <ul>
 *   <li>a request target (path and query) longer than {@value #MAX_TARGET_LENGTH} characters is a 414,
 *       before authentication and before any body is read. Vert.x's HTTP/1 codec answers a bare 414
 *       itself for a request line over {@code quarkus.http.limits.max-initial-line-length} (raised to
 *       64 KiB so that this check sees targets up to there): that answer is written before any route
 *       exists and cannot be shaped (docs/fault-tolerance.md, "414");</li>
 *   <li>a declared Content-Length over {@code quarkus.http.limits.max-body-size} is a 413 before the
 *       body is read, and a chunked body (no length declared) is read here with the same limit: over it,
 *       a 413 problem+json too (Quarkus's own checks answer a bare 413);</li>
 *   <li>a {@code ;} in an API path is a 400: JAX-RS would read it as a matrix parameter and silently
 *       drop it, so {@code /api/conversations/a;b/events} would reach conversation {@code a}.</li>
 * </ul>
 */
@ApplicationScoped
public class RequestGuards {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Longest request target (path and query string, as sent) the service reads. */
  public static final int MAX_TARGET_LENGTH = 8_192;
  /**
   * Route order of the target check: before Quarkus's CORS (-300), authentication (-200) and
   * authorization (-100) handlers, so an over-long target is refused without looking at credentials.
   */
  static final int TARGET_CHECK_ORDER = -1_000;

  @ConfigProperty(name = "quarkus.http.limits.max-body-size")
  MemorySize maxBodySize;

  void install(@Observes Router router) {
    long limit = maxBodySize.asLongValue();
    router.route().order(TARGET_CHECK_ORDER).handler(ctx -> {
      String target = ctx.request().uri();
      if (target != null && target.length() > MAX_TARGET_LENGTH) {
        refuse(ctx, targetTooLong(target.length()));
      } else {
        ctx.next();
      }
    });
    // The body handler of a chunked body over the limit fails the request with 413.
    router.route().order(-11).failureHandler(ctx -> {
      if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
        refuse(ctx, tooLarge(-1, limit));
      } else {
        ctx.next();
      }
    });
    router.route().order(-10).handler(ctx -> {
      long length = declaredLength(ctx.request().getHeader("Content-Length"));
      if (length > limit) {
        refuse(ctx, tooLarge(length, limit));
      } else if (matrixInApiPath(ctx.request().path())) {
        refuse(ctx, new Problem(Problem.type("invalid-request"), "Invalid request", 400,
            "path: ';' is not allowed in a path (matrix parameters are not supported)", "path", null, null));
      } else if (length < 0 && ctx.request().headers().contains("Transfer-Encoding")) {
        // A chunked body declares no length: read it here with the limit (Quarkus's own count answers a
        // bare 413); the resources then read the buffered body. Checked last, as the body handler goes on
        // to the next route itself.
        io.vertx.ext.web.handler.BodyHandler.create(false).setBodyLimit(limit).handle(ctx);
      } else {
        ctx.next();
      }
    });
  }

  /**
   * Whether a path that reaches the API holds a {@code ;}: checked on the normalised path (percent
   * escapes decoded, repeated slashes and dot segments collapsed), so {@code //api/…;x} and
   * {@code /%61pi/…;x} are caught like {@code /api/…;x}.
   */
  static boolean matrixInApiPath(String raw) {
    if (raw == null || raw.indexOf(';') < 0 && !raw.toLowerCase(java.util.Locale.ROOT).contains("%3b")) {
      return false;
    }
    String decoded;
    try {
      decoded = java.net.URLDecoder.decode(raw.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      decoded = raw;
    }
    String path = decoded.replaceAll("/{2,}", "/");
    try {
      path = java.net.URI.create("http://h" + path.replaceAll("[^A-Za-z0-9/._~;:@!$&'()*+,=-]", "_"))
          .normalize().getPath();
    } catch (IllegalArgumentException e) {
      // keep the collapsed path
    }
    return path.toLowerCase(java.util.Locale.ROOT).startsWith("/api/") && path.indexOf(';') >= 0;
  }

  static Problem targetTooLong(int length) {
    return new Problem(Problem.type("uri-too-long"), "Request target too long", 414,
        "the request target (path and query) has " + length + " characters; the limit is " + MAX_TARGET_LENGTH
            + " characters", "path", null, null);
  }

  private static Problem tooLarge(long length, long limit) {
    return new Problem(Problem.type("body-too-large"), "Request body too large", 413,
        (length < 0 ? "the chunked body is over the limit" : "the body has " + length + " bytes")
            + "; the limit is " + limit + " bytes", "body", null, null);
  }

  private static long declaredLength(String declared) {
    if (declared == null) {
      return -1;
    }
    try {
      return Long.parseLong(declared.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static void refuse(RoutingContext ctx, Problem p) {
    String body;
    try {
      body = JSON.writeValueAsString(p);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    ctx.response().setStatusCode(p.status()).putHeader("Content-Type", Problem.MEDIA_TYPE)
        .putHeader("Connection", "close").end(body);
  }
}
