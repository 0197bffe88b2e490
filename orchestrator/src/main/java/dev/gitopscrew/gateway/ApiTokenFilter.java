package dev.gitopscrew.gateway;

import dev.gitopscrew.runtime.GatewaySettings;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * With a gateway token set, every {@code /api} request needs {@code Authorization: Bearer <token>};
 * health endpoints stay open for probes.
 */
public class ApiTokenFilter {

  @Inject GatewaySettings settings;

  @ServerRequestFilter(preMatching = true)
  public Response check(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    if (settings.token().isEmpty() || !(path.equals("/api") || path.startsWith("/api/"))) {
      return null;
    }
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    String presented =
        header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
            ? header.substring(7).strip()
            : null;
    if (settings.token().get().matches(presented)) {
      return null;
    }
    return Response.status(Response.Status.UNAUTHORIZED)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"gitops-crew\"")
        .type(MediaType.APPLICATION_JSON)
        .entity(Map.of("error", "missing or wrong bearer token (CREW_GATEWAY_TOKEN)"))
        .build();
  }
}
