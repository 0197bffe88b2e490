package dev.gitopscrew.channel.discord;

import dev.gitopscrew.channel.ChatChannel;
import dev.gitopscrew.channel.ChatReply;
import dev.gitopscrew.channel.ConnectionState;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.requests.restaction.MessageCreateAction;

/**
 * The {@link ChatChannel} port on JDA. Posting while the gateway is not connected is refused with
 * {@link ChatChannel.ChatUnavailableException}, so the reply stays in the store until the next
 * reconnect delivers it; a reply to a slash command goes out as the interaction's follow-up while
 * its hook is known.
 */
public final class JdaChatChannel implements ChatChannel {

  private final AtomicReference<JDA> jda = new AtomicReference<>();
  private final Map<String, InteractionHook> hooks = new ConcurrentHashMap<>();
  private final AtomicReference<ConnectionState> state =
      new AtomicReference<>(new ConnectionState("connecting", "starting", Instant.now(), 0));
  private final AtomicInteger reconnects = new AtomicInteger();

  void attach(JDA jda) {
    this.jda.set(jda);
  }

  JDA jda() {
    return jda.get();
  }

  void status(String status, String detail) {
    state.set(new ConnectionState(status, detail, Instant.now(), reconnects.get()));
  }

  void reconnected(String detail) {
    reconnects.incrementAndGet();
    status("connected", detail);
  }

  /** The hook of the slash command that started request {@code sourceId}, for its follow-up. */
  void rememberHook(String sourceId, InteractionHook hook) {
    hooks.put(sourceId, hook);
  }

  @Override
  public String name() {
    return "discord";
  }

  @Override
  public ConnectionState state() {
    return state.get();
  }

  @Override
  public String post(Target target, ChatReply reply) {
    JDA current = connected();
    InteractionHook hook = target.replyTo() == null ? null : hooks.get(target.replyTo());
    if (hook != null && !hook.isExpired()) {
      Message sent = hook.sendMessage(JdaMessages.create(reply)).complete();
      hooks.remove(target.replyTo());
      return sent.getId();
    }
    MessageCreateAction action =
        channel(current, target.channelId()).sendMessage(JdaMessages.create(reply));
    if (target.replyTo() != null && hook == null && target.replyTo().matches("\\d{15,21}")) {
      action = action.setMessageReference(target.replyTo()).failOnInvalidReply(false);
    }
    if (target.once() != null) {
      action = action.setNonce(target.once()); // JDA sends it with enforce_nonce
    }
    return action.complete().getId();
  }

  @Override
  public void edit(String channelId, String messageId, ChatReply reply) {
    channel(connected(), channelId).editMessageById(messageId, JdaMessages.edit(reply)).complete();
  }

  private JDA connected() {
    JDA current = jda.get();
    if (current == null || current.getStatus() != JDA.Status.CONNECTED) {
      throw new ChatUnavailableException(
          "Discord is not connected ("
              + (current == null ? "not started" : current.getStatus().name().toLowerCase())
              + ")");
    }
    return current;
  }

  private static MessageChannel channel(JDA jda, String channelId) {
    MessageChannel channel = jda.getChannelById(MessageChannel.class, channelId);
    if (channel == null) {
      channel = jda.getPrivateChannelById(channelId);
    }
    if (channel == null) {
      throw new ChatUnavailableException(
          "channel " + channelId + " is not visible to the bot (is it in the guild?)");
    }
    return channel;
  }
}
