package dev.gitopscrew.session;

import java.security.SecureRandom;
import java.time.Instant;

/**
 * A person's decision a parked request waits for.
 *
 * @param id a short id, fit for a chat button ({@code crew approve ID})
 * @param sessionId the request's root session
 * @param request what was asked, in one line
 * @param reason why it needs an approval
 * @param preview what it would do, from its dry run
 * @param state {@code pending}, {@code approved}, {@code denied} or {@code expired}
 */
public record Approval(
    String id,
    long sessionId,
    String request,
    String reason,
    String preview,
    String state,
    Instant requestedAt,
    Instant expiresAt,
    String decidedBy,
    Instant decidedAt,
    String note) {

  public static final String PENDING = "pending";
  public static final String APPROVED = "approved";
  public static final String DENIED = "denied";
  public static final String EXPIRED = "expired";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

  /** A new id: 8 characters a person can read out and type. */
  static String newId() {
    StringBuilder id = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return id.toString();
  }

  public boolean pending() {
    return state.equals(PENDING);
  }
}
