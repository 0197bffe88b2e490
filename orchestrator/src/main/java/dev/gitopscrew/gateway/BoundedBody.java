package dev.gitopscrew.gateway;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Reads a body up to its door's limit, and not a byte further: a sender that declared no length
 * (chunked) and goes on is answered 413 as one that declared too much is at the gate.
 */
final class BoundedBody {

  private BoundedBody() {}

  static byte[] read(InputStream in, String path) {
    long limit = BodyLimits.of(path);
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    byte[] buffer = new byte[8192];
    try (in) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        if (out.size() + (long) n > limit) {
          throw new WebApplicationException(tooLarge(path, limit));
        }
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new WebApplicationException(
          ApiErrors.of(400, "the body could not be read to its end: the sender stopped"));
    }
    return out.toByteArray();
  }

  static Response tooLarge(String path, long limit) {
    return Response.status(413)
        .type(MediaType.APPLICATION_JSON)
        .header("Connection", "close")
        .entity(Map.of("error", IntakeGate.tooLargeReason(path, limit)))
        .build();
  }
}
