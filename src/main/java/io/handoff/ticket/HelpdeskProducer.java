package io.handoff.ticket;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.handoff.ticket.builtin.BuiltInHelpdesk;
import io.handoff.ticket.zendesk.ZendeskConfig;
import io.handoff.ticket.zendesk.ZendeskHelpdesk;
import io.handoff.ticket.zendesk.ZendeskSettings;
import io.handoff.yaml.RuleFileError;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/** Builds the helpdesk directory and the configured helpdesk gateway once per application. */
@Dependent
public class HelpdeskProducer {

  private static final Logger LOG = Logger.getLogger(HelpdeskProducer.class);

  /** The groups and agents; start-up fails listing every error when the file is invalid. */
  @Produces
  @Singleton
  HelpdeskDirectory directory(HelpdeskConfig config) {
    io.handoff.yaml.Loaded<io.handoff.ticket.HelpdeskDirectory> result = HelpdeskDirectoryLoader.load(Path.of(config.file()));
    result.errors().stream().filter(e -> e.severity() == RuleFileError.Severity.WARNING)
        .forEach(w -> LOG.warn(w.toString()));
    if (!result.ok()) {
      throw new IllegalStateException("invalid helpdesk file:\n" + result.errors().stream()
          .map(RuleFileError::toString).collect(Collectors.joining("\n")));
    }
    return result.value();
  }

  @Produces
  @Singleton
  TicketChangeValidator validator(HelpdeskDirectory directory) {
    return new TicketChangeValidator(directory);
  }

  @Produces
  @Singleton
  HelpdeskGateway gateway(HelpdeskConfig config, HelpdeskDirectory directory,
      TicketChangeValidator validator, DataSource dataSource,
      Instance<ZendeskConfig> zendesk, ObjectMapper json) {
    if (config.kind() == HelpdeskConfig.Kind.ZENDESK) {
      ZendeskSettings settings = ZendeskSettings.from(zendesk.get());
      LOG.infof("helpdesk: Zendesk at %s", settings.baseUri());
      return new ZendeskHelpdesk(settings, directory, json);
    }
    LOG.info("helpdesk: built-in (tickets in Handoff's database)");
    return new BuiltInHelpdesk(dataSource, validator, Clock.systemUTC());
  }
}
