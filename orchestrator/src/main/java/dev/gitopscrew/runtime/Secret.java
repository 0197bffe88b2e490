package dev.gitopscrew.runtime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** A secret value that never prints itself; compared in constant time. */
public final class Secret {

  private final String value;

  public Secret(String value) {
    this.value = value;
  }

  public String reveal() {
    return value;
  }

  /** Constant-time comparison: both sides are hashed first so even their lengths do not leak. */
  public boolean matches(String candidate) {
    if (candidate == null) {
      return false;
    }
    return MessageDigest.isEqual(sha256(value), sha256(candidate));
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "***";
  }
}
