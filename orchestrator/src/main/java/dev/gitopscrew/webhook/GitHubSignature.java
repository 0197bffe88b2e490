package dev.gitopscrew.webhook;

import dev.gitopscrew.settings.Secret;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * GitHub's {@code X-Hub-Signature-256}: {@code sha256=} and the hex HMAC-SHA256 of the raw body
 * with the webhook secret, compared in constant time.
 */
public final class GitHubSignature {

  private static final String PREFIX = "sha256=";

  private GitHubSignature() {}

  /** Whether {@code header} has the form of a signature at all: {@code sha256=} and 64 hex. */
  public static boolean wellFormed(String header) {
    return header != null && header.strip().matches("sha256=[0-9a-fA-F]{64}");
  }

  /** Whether {@code header} signs {@code body} with {@code secret}; false when it is absent. */
  public static boolean verify(Secret secret, byte[] body, String header) {
    if (header == null || !header.startsWith(PREFIX)) {
      return false;
    }
    byte[] presented;
    try {
      presented = HexFormat.of().parseHex(header.substring(PREFIX.length()).strip());
    } catch (IllegalArgumentException notHex) {
      return false;
    }
    return MessageDigest.isEqual(hmac(secret, body), presented);
  }

  /** The header value GitHub would send for {@code body}. */
  public static String sign(Secret secret, byte[] body) {
    return PREFIX + HexFormat.of().formatHex(hmac(secret, body));
  }

  private static byte[] hmac(Secret secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(body == null ? new byte[0] : body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
