package io.handoff.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code /} leads to the support leads' dashboard (it is public, like the dashboard's files). */
@Path("/")
public class RootResource {

  @GET
  @Operation(hidden = true)
  public Response root() {
    return Response.seeOther(URI.create("/dashboard/")).build();
  }
}
