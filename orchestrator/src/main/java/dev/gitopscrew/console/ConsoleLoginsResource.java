package dev.gitopscrew.console;

import dev.gitopscrew.store.JdbcConsoleLogins;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * {@code POST /api/console/logout-all}: ends every console login, on every replica (they share the
 * store); {@code crew console logout-all} calls it when a gateway runs. Behind the API's token.
 */
@Path("/api/console")
@Produces(MediaType.APPLICATION_JSON)
public class ConsoleLoginsResource {

  @Inject JdbcConsoleLogins logins;

  @POST
  @Path("logout-all")
  public Map<String, Integer> logoutAll() {
    return Map.of("ended", logins.endAll());
  }
}
