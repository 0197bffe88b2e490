package dev.gitopscrew.gateway;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;

/**
 * Reads a body up to its door's limit, and not a byte further: a sender that declared no length
 * (chunked) and goes on is answered 413 as one that declared too much is at the gate.
 */
final class BoundedBody {

  private static final int FIRST = 2048;

  private BoundedBody() {}

  static byte[] read(InputStream in, String path) {
    long limit = BodyLimits.of(path);
    // sized for the usual body (an Argo CD notification is under 1 KB) and doubled as needed: two
    // 8 KB buffers per delivery were a fifth of what a burst of webhooks left for the collector
    byte[] body = new byte[(int) Math.min(FIRST, limit + 1)];
    int size = 0;
    try (in) {
      while (true) {
        if (size == body.length) {
          body = Arrays.copyOf(body, (int) Math.min(body.length * 2L, limit + 1));
        }
        int n = in.read(body, size, body.length - size);
        if (n < 0) {
          break;
        }
        size += n;
        if (size > limit) {
          throw new WebApplicationException(tooLarge(path, limit));
        }
      }
    } catch (IOException e) {
      throw new WebApplicationException(
          ApiErrors.of(400, "the body could not be read to its end: the sender stopped"));
    }
    return size == body.length ? body : Arrays.copyOf(body, size);
  }

  static Response tooLarge(String path, long limit) {
    return Response.status(413)
        .type(MediaType.APPLICATION_JSON)
        .header("Connection", "close")
        .entity(Map.of("error", IntakeGate.tooLargeReason(path, limit)))
        .build();
  }
}
