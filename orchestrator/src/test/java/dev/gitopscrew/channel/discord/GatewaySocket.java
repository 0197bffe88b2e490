package dev.gitopscrew.channel.discord;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/**
 * The server side of one WebSocket connection (RFC 6455), as much as Discord's gateway needs: the
 * upgrade handshake, text frames both ways (the client's masked), ping, and close.
 */
final class GatewaySocket implements AutoCloseable {

  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;
  final String path;

  private GatewaySocket(Socket socket, DataInputStream in, String path) throws IOException {
    this.socket = socket;
    this.in = in;
    this.out = socket.getOutputStream();
    this.path = path;
  }

  /** Reads the client's upgrade request and answers 101 Switching Protocols. */
  static GatewaySocket accept(Socket socket) throws IOException {
    DataInputStream in = new DataInputStream(socket.getInputStream());
    String requestLine = line(in);
    String key = null;
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      int colon = header.indexOf(':');
      if (colon > 0
          && header
              .substring(0, colon)
              .trim()
              .toLowerCase(Locale.ROOT)
              .equals("sec-websocket-key")) {
        key = header.substring(colon + 1).trim();
      }
    }
    if (key == null) {
      throw new IOException("not a WebSocket upgrade: " + requestLine);
    }
    String accept;
    try {
      accept =
          Base64.getEncoder()
              .encodeToString(
                  MessageDigest.getInstance("SHA-1")
                      .digest((key + GUID).getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IOException(e);
    }
    socket
        .getOutputStream()
        .write(
            ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: "
                    + accept
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
    return new GatewaySocket(socket, in, requestLine.split(" ")[1]);
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != -1 && c != '\n') {
      if (c != '\r') {
        b.write(c);
      }
    }
    if (c == -1 && b.size() == 0) {
      throw new IOException("connection closed during the handshake");
    }
    return b.toString(StandardCharsets.US_ASCII);
  }

  /** The next text message; null when the client closed the connection. */
  String receive() throws IOException {
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    while (true) {
      int b0 = in.read();
      if (b0 == -1) {
        return null;
      }
      int b1 = in.readUnsignedByte();
      boolean fin = (b0 & 0x80) != 0;
      int opcode = b0 & 0x0F;
      long length = b1 & 0x7F;
      if (length == 126) {
        length = in.readUnsignedShort();
      } else if (length == 127) {
        length = in.readLong();
      }
      byte[] mask = new byte[4];
      if ((b1 & 0x80) != 0) {
        in.readFully(mask);
      }
      byte[] payload = new byte[(int) length];
      in.readFully(payload);
      for (int i = 0; i < payload.length; i++) {
        payload[i] ^= mask[i % 4];
      }
      switch (opcode) {
        case 0x8 -> {
          frame(0x8, payload);
          return null;
        }
        case 0x9 -> frame(0xA, payload);
        case 0xA -> {}
        default -> {
          message.write(payload);
          if (fin) {
            return message.toString(StandardCharsets.UTF_8);
          }
        }
      }
    }
  }

  synchronized void send(String text) throws IOException {
    frame(0x1, text.getBytes(StandardCharsets.UTF_8));
  }

  /** A close frame with Discord's code, then the socket closes. */
  synchronized void closeWith(int code) {
    try {
      byte[] p = new byte[] {(byte) (code >> 8), (byte) code};
      frame(0x8, p);
    } catch (IOException ignored) {
      // closing anyway
    }
    close();
  }

  private synchronized void frame(int opcode, byte[] payload) throws IOException {
    ByteArrayOutputStream f = new ByteArrayOutputStream();
    f.write(0x80 | opcode);
    if (payload.length < 126) {
      f.write(payload.length);
    } else if (payload.length < 65536) {
      f.write(126);
      f.write(payload.length >> 8);
      f.write(payload.length);
    } else {
      f.write(127);
      for (int i = 7; i >= 0; i--) {
        f.write((int) ((long) payload.length >> (8 * i)));
      }
    }
    f.write(payload);
    out.write(f.toByteArray());
    out.flush();
  }

  /** Drops the connection as a network fault would: no close frame. */
  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already gone
    }
  }
}
