package dev.gitopscrew.gateway;

import dev.gitopscrew.store.JdbcDeliveries;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** {@code GET /api/webhooks[?limit=N]}: webhook deliveries by state, and the latest ones. */
@Path("/api/webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveriesResource {

  @Inject JdbcDeliveries deliveries;

  /** How many deliveries are in each state, and the latest ones. */
  @GET
  public Map<String, Object> list(@QueryParam("limit") @DefaultValue("20") int limit) {
    List<Map<String, Object>> recent =
        deliveries.recent(Math.max(1, Math.min(limit, 500))).stream()
            .map(
                d -> {
                  Map<String, Object> m = new java.util.LinkedHashMap<>();
                  m.put("id", d.id());
                  m.put("source", d.source());
                  m.put("key", d.key());
                  m.put("receivedAt", d.receivedAt().toString());
                  m.put("state", d.state());
                  m.put("session", d.sessionId());
                  m.put("note", d.note());
                  return m;
                })
            .toList();
    return Map.of("counts", deliveries.counts(), "recent", recent);
  }
}
