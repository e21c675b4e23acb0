package io.handoff.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.net.URI;
import javax.sql.DataSource;

/** Chooses the messaging channel client from {@code handoff.messaging.channel}. */
@ApplicationScoped
public class MessagingChannelProducer {

  @Produces
  @ApplicationScoped
  MessagingChannelClient channelClient(MessagingConfig config, DataSource dataSource) {
    MessageOutboxStore store = new MessageOutboxStore(dataSource);
    return switch (config.channel()) {
      case "outbox" -> new RecordedOutbox(store);
      case "sunshine" -> {
        MessagingConfig.Sunshine s = config.sunshine();
        yield new SunshineConversationsClient(URI.create(s.baseUrl()),
            s.appId().orElseThrow(() -> missing("app-id")), s.keyId().orElseThrow(() -> missing("key-id")),
            s.keySecret().orElseThrow(() -> missing("key-secret")), s.timeout(), store);
      }
      default -> throw new IllegalStateException(
          "handoff.messaging.channel must be outbox or sunshine, not \"" + config.channel() + "\"");
    };
  }

  private static IllegalStateException missing(String key) {
    return new IllegalStateException("handoff.messaging.channel=sunshine needs handoff.messaging.sunshine." + key);
  }
}
