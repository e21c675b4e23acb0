package io.handoff.bench.fault;

import io.handoff.temporal.EmbeddedTemporalServer;
import io.handoff.temporal.SearchAttributes;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;

/**
 * Temporal's test server in a process of its own, on a loopback port, with Handoff's search
 * attributes registered (as {@code deploy/temporal/register-search-attributes.sh} does on a real
 * cluster). The fault harness points Handoff at it in cluster mode, so killing Handoff's worker leaves
 * the journeys on a server that outlives it. Prints {@code READY <port>} once it serves.
 * Usage: {@code java -cp ... io.handoff.bench.fault.StandaloneTemporalServer <port>}.
 */
public final class StandaloneTemporalServer {
  private StandaloneTemporalServer() {}

  public static void main(String[] args) throws InterruptedException {
    quietLogging();
    EmbeddedTemporalServer server = EmbeddedTemporalServer.start(Integer.parseInt(args[0]));
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    OperatorServiceStubs operator = OperatorServiceStubs.newServiceStubs(
        OperatorServiceStubsOptions.newBuilder().setTarget(server.target()).validateAndBuildWithDefaults());
    try {
      AddSearchAttributesRequest.Builder req = AddSearchAttributesRequest.newBuilder().setNamespace("default");
      SearchAttributes.all().forEach(req::putSearchAttributes);
      operator.blockingStub().addSearchAttributes(req.build());
    } finally {
      operator.shutdown();
    }
    System.out.println("READY " + server.port());
    System.out.flush();
    Thread.currentThread().join();
  }

  /**
   * This process runs on Handoff's test classpath, where Quarkus' log bootstrap keeps every record,
   * TRACE included, in a delayed handler until Quarkus configures logging, which never happens here.
   * The test server's timer thread logs at TRACE while it holds the server's lock, so without this it
   * spent most of its time on log records (196 s of CPU in a 7-minute run): timeouts fired late and
   * tasks waited. Route the delayed handler to the console and log at INFO, as Quarkus would.
   */
  static void quietLogging() {
    org.jboss.logmanager.LogContext.getSystemLogContext().getLogger("").setLevel(java.util.logging.Level.INFO);
    io.quarkus.bootstrap.logging.InitialConfigurator.DELAYED_HANDLER.setHandlers(
        new java.util.logging.Handler[] {io.quarkus.bootstrap.logging.InitialConfigurator.createDefaultHandler()});
  }
}
