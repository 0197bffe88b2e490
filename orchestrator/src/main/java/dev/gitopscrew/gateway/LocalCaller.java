package dev.gitopscrew.gateway;

import dev.gitopscrew.settings.GatewayFile;
import dev.gitopscrew.settings.Secret;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Tells a CLI command of this machine from any other API caller: the gateway writes a fresh key
 * into {@code gateway.json} (readable by its owner only) and a command that presents it in {@link
 * GatewayFile#LOCAL_KEY_HEADER} acts for a person at the command line.
 */
@Singleton
public class LocalCaller {

  private final Secret key;

  public LocalCaller() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    key = new Secret(HexFormat.of().formatHex(bytes));
  }

  /** The key to write into {@code gateway.json}. */
  String key() {
    return key.reveal();
  }

  boolean presentedBy(String header) {
    return header != null && key.matches(header);
  }
}
