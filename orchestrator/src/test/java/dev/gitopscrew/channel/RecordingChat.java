package dev.gitopscrew.channel;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** A chat channel that records what it is asked to post and can be disconnected. */
final class RecordingChat implements ChatChannel {

  record Posted(String id, Target target, ChatReply reply) {}

  record Edited(String channelId, String messageId, ChatReply reply) {}

  final List<Posted> posts = new CopyOnWriteArrayList<>();
  final List<Edited> edits = new CopyOnWriteArrayList<>();
  final AtomicBoolean connected = new AtomicBoolean(true);
  private final AtomicInteger ids = new AtomicInteger(1000);

  @Override
  public String name() {
    return "discord";
  }

  @Override
  public ConnectionState state() {
    return new ConnectionState(
        connected.get() ? "connected" : "reconnecting", "test", Instant.now(), 0);
  }

  @Override
  public String post(Target target, ChatReply reply) {
    if (!connected.get()) {
      throw new ChatUnavailableException("Discord is not connected (test)");
    }
    String id = String.valueOf(ids.incrementAndGet());
    posts.add(new Posted(id, target, reply));
    return id;
  }

  @Override
  public void edit(String channelId, String messageId, ChatReply reply) {
    if (!connected.get()) {
      throw new ChatUnavailableException("Discord is not connected (test)");
    }
    edits.add(new Edited(channelId, messageId, reply));
  }
}
