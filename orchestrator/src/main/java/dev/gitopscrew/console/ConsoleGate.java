package dev.gitopscrew.console;

import dev.gitopscrew.settings.GatewaySettings;
import dev.gitopscrew.store.JdbcConsoleLogins;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The console's door: {@code /} leads to it; every console answer carries the security headers;
 * with a gateway token every page but the login needs a live login cookie (a page without one
 * redirects to the login, a form or a stream is refused), and without a token the console is
 * read-only (the gateway binds only loopback then, see GatewaySettings).
 */
@Singleton
public class ConsoleGate {

  public static final String COOKIE = "crew_console";
  static final String USER = "crew.console.user";
  static final String PREFIX = "/console";
  private static final int ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1;
  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none';"
          + " object-src 'none'";

  @Inject GatewaySettings settings;
  // resolved at the first login looked up: the gate is installed while Quarkus boots, the crew
  // (and its store) on a thread of its own
  @Inject jakarta.enterprise.inject.Instance<JdbcConsoleLogins> logins;

  void install(@Observes Router router) {
    router.route().order(ORDER).handler(this::guard);
  }

  private void guard(RoutingContext ctx) {
    String path = ctx.normalizedPath();
    if (path.equals("/") || path.equals(PREFIX)) {
      ctx.response().setStatusCode(303).putHeader("Location", PREFIX + "/").end();
      return;
    }
    if (!path.startsWith(PREFIX + "/")) {
      ctx.next();
      return;
    }
    headers(ctx);
    if (path.startsWith(PREFIX + "/static/") || path.equals(PREFIX + "/login")) {
      ctx.next();
      return;
    }
    if (settings.token().isEmpty()) {
      ctx.put(USER, ConsoleUser.READ_ONLY);
      ctx.next();
      return;
    }
    Cookie cookie = ctx.request().getCookie(COOKIE);
    if (cookie == null) {
      refuse(ctx);
      return;
    }
    ctx.request().pause();
    ctx.vertx()
        .executeBlocking(() -> logins.get().find(cookie.getValue()), false)
        .onComplete(
            found -> {
              ctx.request().resume();
              if (found.failed()) {
                ctx.response().setStatusCode(503).end("the state store is not answering");
              } else if (found.result().isEmpty()) {
                refuse(ctx);
              } else {
                JdbcConsoleLogins.Login login = found.result().get();
                ctx.put(USER, new ConsoleUser(login.requester(), login.csrf(), true));
                ctx.next();
              }
            });
  }

  /** A page leads to the login and back; a form or a stream gets no page. */
  private static void refuse(RoutingContext ctx) {
    boolean page =
        ctx.request().method() == HttpMethod.GET && !ctx.normalizedPath().endsWith("/events");
    if (page) {
      String back = ctx.request().uri();
      ctx.response()
          .setStatusCode(303)
          .putHeader(
              "Location", PREFIX + "/login?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8))
          .end();
    } else {
      ctx.response().setStatusCode(401).end("log in to the console first: " + PREFIX + "/login");
    }
  }

  private static void headers(RoutingContext ctx) {
    ctx.response()
        .putHeader("Content-Security-Policy", CSP)
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("X-Frame-Options", "DENY")
        .putHeader("Cache-Control", "no-store");
  }

  /** The user a console request was admitted as; read-only when none was recorded. */
  static ConsoleUser userOf(RoutingContext ctx) {
    return Optional.ofNullable((ConsoleUser) ctx.get(USER)).orElse(ConsoleUser.READ_ONLY);
  }
}
