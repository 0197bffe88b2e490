package dev.gitopscrew.gateway;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.gitopscrew.permission.ChannelScope;
import dev.gitopscrew.session.RequestAnswer;
import dev.gitopscrew.session.RequestOutcome;
import dev.gitopscrew.session.RunRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/requests}: run one request. With {@code wait} (the default) the answer is the
 * finished session tree; without, 202 and the root session id to follow.
 */
@Path("/api/requests")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class RequestsResource {

  @Inject RunRequest runRequest;

  public record Body(String text, String agent, @JsonProperty("wait") Boolean waitForResult) {}

  @POST
  public Response run(Body body) throws InterruptedException {
    if (body == null || body.text() == null || body.text().isBlank()) {
      return error(
          400,
          "a request needs \"text\", e.g. {\"text\": \"restart deployment/homepage in apps\"}");
    }
    boolean wait = !Boolean.FALSE.equals(body.waitForResult());
    RequestOutcome outcome =
        runRequest.run(
            body.text(),
            Optional.ofNullable(body.agent()),
            ChannelScope.unrestricted("the HTTP API"),
            wait);
    if (outcome instanceof RequestOutcome.Invalid invalid) {
      return error(400, invalid.reason());
    }
    if (outcome instanceof RequestOutcome.Refused refused) {
      return error(403, refused.reason());
    }
    RequestOutcome.Ran ran = (RequestOutcome.Ran) outcome;
    return Response.status(wait ? 200 : 202).entity(RequestAnswer.of(ran)).build();
  }

  static Response error(int status, String message) {
    return Response.status(status).entity(Map.of("error", message)).build();
  }
}
