package dev.gitopscrew.console;

import dev.gitopscrew.settings.GatewaySettings;
import dev.gitopscrew.store.JdbcConsoleLogins;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * {@code /console/login}: the gateway token logs a browser in once, as a named requester; the
 * browser then holds an HttpOnly, SameSite=Strict cookie for {@link #LIFETIME}.
 */
@Path("/console")
public class LoginPage {

  static final Duration LIFETIME = Duration.ofHours(12);
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

  @Inject GatewaySettings settings;
  @Inject JdbcConsoleLogins logins;
  @Inject RoutingContext routing;

  private final ConsoleTemplate login = new ConsoleTemplate("console/login");

  @GET
  @Path("login")
  @Produces(MediaType.TEXT_HTML)
  public String form(@QueryParam("next") String next) {
    return login
        .data("next", safeNext(next))
        .data("error", null)
        .data("tokenSet", settings.token().isPresent())
        .render();
  }

  @POST
  @Path("login")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  public Response logIn(
      @FormParam("token") String token,
      @FormParam("as") String as,
      @FormParam("next") String next) {
    if (settings.token().isEmpty()) {
      return ConsolePages.seeOther("/console/");
    }
    String name = as == null ? "" : as.strip();
    String error = null;
    if (!settings.token().get().matches(token == null ? null : token.strip())) {
      error = "That is not the gateway's token (CREW_GATEWAY_TOKEN).";
    } else if (!NAME.matcher(name).matches()) {
      error =
          "Name who you are (letters, digits, . _ @ -, up to 64): approvals and requests are"
              + " recorded as console:NAME.";
    }
    if (error != null) {
      return Response.status(401)
          .entity(
              login
                  .data("next", safeNext(next))
                  .data("error", error)
                  .data("tokenSet", true)
                  .render())
          .build();
    }
    JdbcConsoleLogins.Opened opened = logins.open(name, LIFETIME);
    return Response.seeOther(java.net.URI.create(safeNext(next)))
        .cookie(cookie(opened.cookie(), (int) LIFETIME.toSeconds()))
        .build();
  }

  @POST
  @Path("logout")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response logOut(
      @FormParam("csrf") String csrf, @CookieParam(ConsoleGate.COOKIE) String cookie) {
    ConsolePages.acting(routing, csrf);
    logins.end(cookie);
    return Response.seeOther(java.net.URI.create("/console/login")).cookie(cookie("", 0)).build();
  }

  private NewCookie cookie(String value, int maxAge) {
    return new NewCookie.Builder(ConsoleGate.COOKIE)
        .value(value)
        .path("/")
        .httpOnly(true)
        .secure("https".equals(routing.request().scheme()))
        .sameSite(NewCookie.SameSite.STRICT)
        .maxAge(maxAge)
        .build();
  }

  /** Only a console path of this gateway: a login never sends a browser elsewhere. */
  static String safeNext(String next) {
    return next != null
            && next.startsWith("/console/")
            && !next.startsWith("//")
            && !next.contains("\\")
            && !next.startsWith("/console/login")
        ? next
        : "/console/";
  }
}
