package io.handoff.support;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Trigger notification delivery ({@code handoff.notifications.*}). */
@ConfigMapping(prefix = "handoff.notifications")
public interface NotificationsConfig {

  /** {@code outbox}: record every notification in the database; {@code http}: POST webhooks for real. */
  @WithDefault("outbox")
  String delivery();

  /** Connect and request timeout for webhook calls. */
  @WithDefault("10s")
  Duration timeout();

  /** {@code outbox}: record e-mails in the database; {@code smtp}: send them through {@link #smtp()}. */
  @WithDefault("outbox")
  String email();

  /** SMTP server for {@code email=smtp}. */
  Smtp smtp();

  /** SMTP settings ({@code handoff.notifications.smtp.*}). */
  interface Smtp {
    /** Host name of the SMTP server. */
    @WithDefault("localhost")
    String host();

    /** Port (587 for submission with STARTTLS). */
    @WithDefault("587")
    int port();

    /** Sender address. */
    @WithDefault("handoff@localhost")
    String from();

    /** User for AUTH PLAIN; none means no authentication. */
    java.util.Optional<String> username();

    /** Password for AUTH PLAIN. */
    java.util.Optional<String> password();

    /** Upgrade the connection with STARTTLS before authenticating. */
    @WithDefault("true")
    boolean startTls();

    /** Connect and read timeout. */
    @WithDefault("15s")
    Duration timeout();
  }
}
