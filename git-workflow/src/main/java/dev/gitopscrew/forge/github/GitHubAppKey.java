package dev.gitopscrew.forge.github;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * A GitHub App's private key, read from the PEM GitHub hands out ({@code BEGIN RSA PRIVATE KEY},
 * PKCS#1) or a converted one ({@code BEGIN PRIVATE KEY}, PKCS#8). Never printed.
 */
public final class GitHubAppKey {

  private final PrivateKey key;

  private GitHubAppKey(PrivateKey key) {
    this.key = key;
  }

  /** Reads a PEM; the error says what was expected, never quotes the text. */
  public static GitHubAppKey fromPem(String pem) {
    if (pem == null || pem.isBlank()) {
      throw new IllegalArgumentException("the GitHub App private key is empty");
    }
    boolean pkcs1 = pem.contains("BEGIN RSA PRIVATE KEY");
    if (!pkcs1 && !pem.contains("BEGIN PRIVATE KEY")) {
      throw new IllegalArgumentException(
          "the GitHub App private key is not a PEM private key (expected the .pem file GitHub"
              + " generated, starting with -----BEGIN RSA PRIVATE KEY-----)");
    }
    String base64 =
        pem.replaceAll("-----(BEGIN|END) (RSA )?PRIVATE KEY-----", "").replaceAll("\\s", "");
    try {
      byte[] der = Base64.getDecoder().decode(base64);
      byte[] pkcs8 = pkcs1 ? wrapPkcs1(der) : der;
      return new GitHubAppKey(
          KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "the GitHub App private key cannot be read: " + e.getClass().getSimpleName());
    }
  }

  PrivateKey privateKey() {
    return key;
  }

  /** PKCS#8 around a PKCS#1 RSA key: version 0, the rsaEncryption algorithm, the key. */
  private static byte[] wrapPkcs1(byte[] pkcs1) {
    byte[] algorithm = {
      0x30,
      0x0d,
      0x06,
      0x09,
      0x2a,
      (byte) 0x86,
      0x48,
      (byte) 0x86,
      (byte) 0xf7,
      0x0d,
      0x01,
      0x01,
      0x01,
      0x05,
      0x00
    };
    byte[] version = {0x02, 0x01, 0x00};
    byte[] octets = der(0x04, pkcs1);
    byte[] body = new byte[version.length + algorithm.length + octets.length];
    System.arraycopy(version, 0, body, 0, version.length);
    System.arraycopy(algorithm, 0, body, version.length, algorithm.length);
    System.arraycopy(octets, 0, body, version.length + algorithm.length, octets.length);
    return der(0x30, body);
  }

  private static byte[] der(int tag, byte[] content) {
    byte[] length;
    if (content.length < 0x80) {
      length = new byte[] {(byte) content.length};
    } else {
      byte[] n = BigInteger.valueOf(content.length).toByteArray();
      int skip = n[0] == 0 ? 1 : 0;
      length = new byte[n.length - skip + 1];
      length[0] = (byte) (0x80 | (n.length - skip));
      System.arraycopy(n, skip, length, 1, n.length - skip);
    }
    byte[] out = new byte[1 + length.length + content.length];
    out[0] = (byte) tag;
    System.arraycopy(length, 0, out, 1, length.length);
    System.arraycopy(content, 0, out, 1 + length.length, content.length);
    return out;
  }

  @Override
  public String toString() {
    return "GitHubAppKey[***]";
  }
}
