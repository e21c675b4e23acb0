package io.handoff.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.InjectableInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import javax.sql.DataSource;

/**
 * Chooses Handoff's database at run time. Two named datasources are built in ("h2" for the embedded
 * default, "postgresql" for production); configuration activates one, and this producer exposes it as
 * the application's only default {@link DataSource}.
 */
@ApplicationScoped
public class PersistenceProducer {
  @Inject @Any InjectableInstance<AgroalDataSource> dataSources;

  @Produces
  @Singleton
  DataSource dataSource() {
    java.util.List<AgroalDataSource> active = dataSources.listActive();
    if (active.size() != 1) {
      throw new IllegalStateException("Exactly one datasource must be active (\"h2\" by default, \"postgresql\""
          + " with the pg profile); found " + active.size());
    }
    return active.get(0);
  }

  @Produces
  @ApplicationScoped
  Journal journal(DataSource dataSource) {
    return new Journal(dataSource);
  }

  @Produces
  @ApplicationScoped
  JourneyIndex journeyIndex(DataSource dataSource, ObjectMapper json) {
    return new JourneyIndex(dataSource, json);
  }
}
