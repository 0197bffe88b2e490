package dev.gitopscrew.channel;

import java.util.Optional;

/**
 * A button's {@code custom_id} for an approval: {@code crew:approve:ID} or {@code crew:deny:ID},
 * where ID is the approval's short id; its state lives in the store, never in the id.
 */
public final class ApprovalButtons {

  private static final String PREFIX = "crew:";

  /** A click read back: approve or deny, and which approval. */
  public record Click(boolean approve, String approvalId) {}

  private ApprovalButtons() {}

  public static String customId(boolean approve, String approvalId) {
    return PREFIX + (approve ? "approve:" : "deny:") + approvalId;
  }

  public static Optional<Click> parse(String customId) {
    if (customId == null || !customId.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String[] parts = customId.split(":");
    if (parts.length != 3 || !parts[2].matches("[a-z0-9]{1,16}")) {
      return Optional.empty();
    }
    return switch (parts[1]) {
      case "approve" -> Optional.of(new Click(true, parts[2]));
      case "deny" -> Optional.of(new Click(false, parts[2]));
      default -> Optional.empty();
    };
  }
}
