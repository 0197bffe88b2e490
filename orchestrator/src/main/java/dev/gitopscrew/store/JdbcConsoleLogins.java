package dev.gitopscrew.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * The web console's logins. A browser holds a random cookie value; the store keeps only its SHA-256
 * beside the requester named at login, the CSRF token of its forms and when it expires, so every
 * replica on the store knows every login and {@link #endAll} ends them everywhere.
 */
public final class JdbcConsoleLogins {

  /** A browser's login as the console sees it. */
  public record Login(String requester, String csrf, Instant expiresAt) {}

  /** A new login: the cookie value to hand to the browser, and the login it stands for. */
  public record Opened(String cookie, Login login) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Jdbi jdbi;
  private final Clock clock;

  public JdbcConsoleLogins(DataSource dataSource, Clock clock) {
    this.jdbi = Jdbi.create(dataSource);
    this.clock = clock;
  }

  public Opened open(String requester, Duration lifetime) {
    String cookie = random();
    Instant now = clock.instant();
    Login login = new Login(requester, random(), now.plus(lifetime));
    jdbi.useTransaction(
        h -> {
          h.createUpdate("DELETE FROM console_logins WHERE expires_at < :now")
              .bind("now", at(now))
              .execute();
          h.createUpdate(
                  "INSERT INTO console_logins (cookie_hash, requester, csrf, created_at,"
                      + " expires_at) VALUES (:hash, :requester, :csrf, :now, :expires)")
              .bind("hash", hash(cookie))
              .bind("requester", requester)
              .bind("csrf", login.csrf())
              .bind("now", at(now))
              .bind("expires", at(login.expiresAt()))
              .execute();
        });
    return new Opened(cookie, login);
  }

  /** The login a cookie stands for, while it has not expired. */
  public Optional<Login> find(String cookie) {
    if (cookie == null || cookie.length() != 64) {
      return Optional.empty();
    }
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT requester, csrf, expires_at FROM console_logins WHERE cookie_hash ="
                        + " :hash AND expires_at > :now")
                .bind("hash", hash(cookie))
                .bind("now", at(clock.instant()))
                .map(
                    (rs, ctx) ->
                        new Login(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getObject(3, OffsetDateTime.class).toInstant()))
                .findOne());
  }

  public void end(String cookie) {
    if (cookie != null) {
      jdbi.useHandle(
          h ->
              h.createUpdate("DELETE FROM console_logins WHERE cookie_hash = :hash")
                  .bind("hash", hash(cookie))
                  .execute());
    }
  }

  /** Ends every login; the number ended. */
  public int endAll() {
    return jdbi.withHandle(h -> h.createUpdate("DELETE FROM console_logins").execute());
  }

  private static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  static String hash(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static OffsetDateTime at(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
