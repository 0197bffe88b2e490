package dev.gitopscrew.gateway;

/**
 * How large a body each door takes, and how many bytes of bodies the gateway holds at once. GitHub
 * sends up to 25 MB; an Argo CD notification is a few hundred bytes; an API request is a request.
 */
final class BodyLimits {

  static final long GITHUB = 25L << 20;
  static final long AZURE_DEVOPS = 2L << 20;
  static final long ARGOCD = 64L << 10;
  static final long API = 1L << 20;

  /** The bytes of bodies all requests may hold at once; past it a request is answered 503. */
  static final long IN_FLIGHT = 32L << 20;

  private BodyLimits() {}

  /** The largest body {@code path} takes. */
  static long of(String path) {
    return switch (path) {
      case "/webhooks/github" -> GITHUB;
      case "/webhooks/azure-devops" -> AZURE_DEVOPS;
      case "/webhooks/argocd" -> ARGOCD;
      default -> API;
    };
  }

  static String describe(long bytes) {
    return bytes >= 1 << 20 ? (bytes >> 20) + " MiB" : (bytes >> 10) + " KiB";
  }
}
