package dev.gitopscrew.console;

import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** What every console page shares: who looks, the CSRF check of forms, words for times. */
final class ConsolePages {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private ConsolePages() {}

  /** A page of the console's layout, with the navigation's current page and the user. */
  static TemplateInstance page(ConsoleTemplate template, String page, RoutingContext ctx) {
    return template.data("page", page).data("user", ConsoleGate.userOf(ctx));
  }

  /**
   * The user a form acts for, once its CSRF token matches the login's: a forged form, or any form
   * on a read-only console, is refused with 403 before anything runs.
   */
  static ConsoleUser acting(RoutingContext ctx, String csrf) {
    ConsoleUser user = ConsoleGate.userOf(ctx);
    if (!user.mayAct()) {
      throw refused("the console is read-only: set CREW_GATEWAY_TOKEN and log in to act");
    }
    if (csrf == null
        || !MessageDigest.isEqual(
            csrf.getBytes(StandardCharsets.UTF_8), user.csrf().getBytes(StandardCharsets.UTF_8))) {
      throw refused("the form's CSRF token is missing or wrong: reload the page and try again");
    }
    return user;
  }

  private static WebApplicationException refused(String why) {
    return new WebApplicationException(
        Response.status(403).type(MediaType.TEXT_PLAIN_TYPE).entity(why).build());
  }

  private static final ConsoleTemplate MISSING = new ConsoleTemplate("console/missing");

  /** A page of the console's layout saying what is not there, answered 404. */
  static WebApplicationException notFound(RoutingContext ctx, String page, String what) {
    return new WebApplicationException(
        Response.status(404)
            .type(MediaType.TEXT_HTML_TYPE)
            .entity(page(MISSING, page, ctx).data("what", what).render())
            .build());
  }

  static Response seeOther(String location) {
    return Response.seeOther(URI.create(location)).build();
  }

  static String time(Instant at) {
    return at == null ? "" : TIME.format(at);
  }

  /** A duration as people read it: {@code 850 ms}, {@code 12 s}, {@code 3 min 5 s}. */
  static String duration(Instant from, Instant to) {
    if (from == null) {
      return "";
    }
    Duration d = Duration.between(from, to == null ? Instant.now() : to);
    if (d.isNegative()) {
      return "";
    }
    if (d.toMillis() < 1000) {
      return d.toMillis() + " ms";
    }
    if (d.toSeconds() < 60) {
      return d.toSeconds() + " s";
    }
    if (d.toMinutes() < 60) {
      return d.toMinutes() + " min " + d.toSecondsPart() + " s";
    }
    return d.toHours() + " h " + d.toMinutesPart() + " min";
  }

  static String clip(String text, int max) {
    if (text == null) {
      return "";
    }
    String one = text.strip();
    return one.length() <= max ? one : one.substring(0, max - 1) + "…";
  }

  static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    String s = text.strip();
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
