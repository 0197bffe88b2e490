package dev.gitopscrew.console;

import dev.gitopscrew.intake.RequestOutcome;
import dev.gitopscrew.intake.RunRequest;
import dev.gitopscrew.permission.ChannelScope;
import dev.gitopscrew.request.Request;
import dev.gitopscrew.roles.work.Origin;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * How the console starts a request: the API's door and rules, the channel {@code console}, the
 * requester named at login; what needs an approval parks as it would anywhere else.
 */
final class ConsoleRequests {

  static final String CHANNEL = "console";
  private static final ChannelScope SCOPE = ChannelScope.unrestricted("the web console");

  private ConsoleRequests() {}

  static RequestOutcome start(
      RunRequest runRequest, Request request, ConsoleUser user, boolean wait)
      throws InterruptedException {
    return runRequest.run(
        request, Optional.empty(), SCOPE, new Origin(CHANNEL, user.origin()), wait, false);
  }

  /** Where the browser goes next: the request's session page, or a page saying why not. */
  static Response answer(RequestOutcome outcome, java.util.function.Function<String, String> page) {
    if (outcome instanceof RequestOutcome.Ran ran) {
      return ConsolePages.seeOther("/console/sessions/" + ran.rootId());
    }
    String why =
        outcome instanceof RequestOutcome.Invalid invalid
            ? invalid.reason()
            : ((RequestOutcome.Refused) outcome).reason();
    return Response.status(outcome instanceof RequestOutcome.Invalid ? 400 : 403)
        .entity(page.apply(why))
        .type(jakarta.ws.rs.core.MediaType.TEXT_HTML_TYPE)
        .build();
  }
}
