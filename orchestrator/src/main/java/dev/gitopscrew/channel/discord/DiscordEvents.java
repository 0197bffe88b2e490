package dev.gitopscrew.channel.discord;

import dev.gitopscrew.channel.AcceptChatRequest;
import dev.gitopscrew.channel.AnswerChannelCommand;
import dev.gitopscrew.channel.ChatMessage;
import dev.gitopscrew.channel.DecideByButton;
import dev.gitopscrew.channel.SlashCommands;
import dev.gitopscrew.intake.RequestOutcome;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import org.jboss.logging.Logger;

/**
 * Discord's events into the crew: a message becomes a chat request, a slash command the request it
 * stands for (or a status, a list, a decision), a button click a decision. Interactions are
 * deferred at once, inside Discord's 3 seconds, and followed up when the work is done; no work runs
 * on JDA's event thread.
 */
final class DiscordEvents extends ListenerAdapter {

  private static final Logger LOG = Logger.getLogger(DiscordEvents.class);

  private final JdaChatChannel chat;
  private final AcceptChatRequest accept;
  private final DecideByButton decide;
  private final AnswerChannelCommand local;
  private final ExecutorService work;

  DiscordEvents(
      JdaChatChannel chat,
      AcceptChatRequest accept,
      DecideByButton decide,
      AnswerChannelCommand local,
      ExecutorService work) {
    this.chat = chat;
    this.accept = accept;
    this.decide = decide;
    this.local = local;
    this.work = work;
  }

  @Override
  public void onMessageReceived(MessageReceivedEvent event) {
    Message message = event.getMessage();
    User self = event.getJDA().getSelfUser();
    User author = event.getAuthor();
    if (author.getIdLong() == self.getIdLong()) {
      return;
    }
    boolean mentioned =
        message.getMentions().isMentioned(self, Message.MentionType.USER)
            || (message.getReferencedMessage() != null
                && message.getReferencedMessage().getAuthor().getIdLong() == self.getIdLong());
    String text = message.getContentRaw().replaceAll("<@!?" + self.getId() + ">", " ").strip();
    ChatMessage chatMessage =
        new ChatMessage(
            message.getId(),
            event.isFromGuild() ? event.getGuild().getId() : null,
            event.getChannel().getId(),
            author.getId(),
            author.getName(),
            author.isBot() || event.isWebhookMessage() || author.isSystem(),
            mentioned,
            text);
    work.execute(() -> run(() -> accept.accept(chatMessage), "message " + message.getId()));
  }

  @Override
  public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
    event.deferReply().queue();
    InteractionHook hook = event.getHook();
    String guild = event.isFromGuild() ? event.getGuild().getId() : null;
    String channel = event.getChannel().getId();
    String user = event.getUser().getId();
    String userName = event.getUser().getName();
    String command = event.getName();
    Map<String, Object> options = new LinkedHashMap<>();
    for (OptionMapping o : event.getOptions()) {
      options.put(
          o.getName(),
          switch (o.getType()) {
            case INTEGER -> o.getAsLong();
            case BOOLEAN -> o.getAsBoolean();
            default -> o.getAsString();
          });
    }
    String interactionId = event.getId();
    work.execute(
        () ->
            run(
                () -> {
                  ChatMessage message =
                      new ChatMessage(
                          interactionId,
                          guild,
                          channel,
                          user,
                          userName,
                          false,
                          true,
                          String.valueOf(options.getOrDefault("request", "")));
                  Optional<SlashCommands.Command> known =
                      SlashCommands.named(accept.catalogue(), command);
                  if (known.isEmpty() || SlashCommands.LOCAL.contains(command)) {
                    Map<String, String> words = new LinkedHashMap<>();
                    options.forEach((k, v) -> words.put(k, String.valueOf(v)));
                    hook.editOriginal(local.answer(command, words, guild, channel, user, userName))
                        .queue();
                    return null;
                  }
                  if (command.equals(SlashCommands.LINE)
                      && message.text().strip().equalsIgnoreCase("help")) {
                    hook.editOriginal(
                            local.answer("help", Map.of(), guild, channel, user, userName))
                        .queue();
                    return null;
                  }
                  chat.rememberHook(interactionId, hook);
                  AcceptChatRequest.Accepted accepted =
                      command.equals(SlashCommands.LINE)
                          ? accept.accept(message)
                          : accept.acceptTyped(message, known.get().kind().id(), options);
                  hook.editOriginal(acknowledgement(accepted)).queue();
                  return null;
                },
                "/" + command));
  }

  private static String acknowledgement(AcceptChatRequest.Accepted accepted) {
    if (accepted instanceof AcceptChatRequest.Accepted.Ignored ignored) {
      return dev.gitopscrew.channel.Admission.notTaken(ignored.reason());
    }
    RequestOutcome outcome = ((AcceptChatRequest.Accepted.Taken) accepted).outcome();
    return outcome instanceof RequestOutcome.Ran ran
        ? "Accepted as request #"
            + ran.rootId()
            + ": `"
            + ran.root().instruction().replace('`', '\'')
            + "` (the result follows)"
        : "Not run (the reason follows)";
  }

  @Override
  public void onButtonInteraction(ButtonInteractionEvent event) {
    event.deferEdit().queue();
    InteractionHook hook = event.getHook();
    String customId = event.getComponentId();
    String guild = event.isFromGuild() ? event.getGuild().getId() : null;
    String channel = event.getChannel().getId();
    String user = event.getUser().getId();
    String userName = event.getUser().getName();
    String messageId = event.getMessageId();
    work.execute(
        () ->
            run(
                () -> {
                  DecideByButton.Clicked clicked =
                      decide.click(customId, guild, channel, messageId, user, userName);
                  if (clicked instanceof DecideByButton.Clicked.Refused r) {
                    hook.sendMessage(r.reason()).setEphemeral(true).queue();
                  } else if (clicked instanceof DecideByButton.Clicked.NoOp n) {
                    hook.sendMessage(n.reason()).setEphemeral(true).queue();
                  }
                  return null;
                },
                "button " + customId));
  }

  private interface Work {
    Object run() throws Exception;
  }

  private static void run(Work work, String what) {
    try {
      work.run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.warnf("discord %s: %s", what, e.getMessage());
    }
  }
}
