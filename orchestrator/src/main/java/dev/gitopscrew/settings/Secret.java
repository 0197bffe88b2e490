package dev.gitopscrew.settings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** A secret value that never prints itself; compared in constant time. */
public final class Secret {

  private final String value;

  public Secret(String value) {
    this.value = value;
  }

  /** The secret an environment variable holds, stripped; empty when it is unset or blank. */
  public static java.util.Optional<Secret> fromEnvironment(
      java.util.Map<String, String> env, String variable) {
    String value = env.get(variable);
    return value == null || value.isBlank()
        ? java.util.Optional.empty()
        : java.util.Optional.of(new Secret(value.strip()));
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
