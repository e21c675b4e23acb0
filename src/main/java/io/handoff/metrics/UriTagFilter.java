package io.handoff.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Bounds the {@code uri} tag of {@code http_server_requests_seconds}: an answer given before any REST
 * route matched (401/403 of the access policy, 404 of an unknown path) carries the request's raw path,
 * so every random path would add a series. Such a {@code uri} becomes {@value #UNKNOWN} unless it is a
 * REST route template (e.g. {@code /api/journeys/{journeyId}}) or the answer was below 400 (a static
 * file, a {@code /q} endpoint).
 */
@ApplicationScoped
public class UriTagFilter {
  /** The one {@code uri} value of every request no known route answered. */
  public static final String UNKNOWN = "UNKNOWN";

  @Produces
  @Singleton
  MeterFilter boundedUriTag() {
    return new MeterFilter() {
      private volatile Set<String> templates;

      @Override
      public Meter.Id map(Meter.Id id) {
        if (!id.getName().startsWith("http.server.")) {
          return id;
        }
        String uri = id.getTag("uri");
        if (uri == null || keep(uri, id.getTag("status"))) {
          return id;
        }
        List<Tag> tags = new ArrayList<>();
        for (Tag t : id.getTagsAsIterable()) {
          tags.add("uri".equals(t.getKey()) ? Tag.of("uri", UNKNOWN) : t);
        }
        return id.replaceTags(tags);
      }

      private boolean keep(String uri, String status) {
        if (status != null && status.length() == 3 && status.charAt(0) < '4') {
          return true;
        }
        if (uri.equals(UNKNOWN) || uri.equals("NOT_FOUND") || uri.equals("REDIRECTION") || uri.equals("root")) {
          return true;
        }
        Set<String> known = templates;
        if (known == null) {
          known = restTemplates();
          templates = known;
        }
        return known.contains(uri);
      }
    };
  }

  /** Every path template of the JAX-RS resources (class {@code @Path} joined with method {@code @Path}). */
  static Set<String> restTemplates() {
    Set<String> out = new HashSet<>();
    for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
      Class<?> type = bean.getBeanClass();
      Path root = type.getAnnotation(Path.class);
      if (root == null) {
        continue;
      }
      out.add(join(root.value(), ""));
      for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
        for (Method m : c.getDeclaredMethods()) {
          Path sub = m.getAnnotation(Path.class);
          if (sub != null) {
            out.add(join(root.value(), sub.value()));
          }
        }
      }
    }
    return Set.copyOf(out);
  }

  static String join(String a, String b) {
    String p = ("/" + a + "/" + b).replaceAll("/+", "/");
    return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }
}
