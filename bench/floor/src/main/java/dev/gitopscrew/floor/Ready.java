package dev.gitopscrew.floor;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** The one endpoint of the empty application: what the crew's readiness is compared with. */
@Path("/readyz")
public class Ready {

  @GET
  public String ready() {
    return "UP";
  }
}
