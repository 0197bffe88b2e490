package dev.gitopscrew.channel.discord;

import dev.gitopscrew.channel.ChatReply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/** A {@link ChatReply} as JDA's message data: content, embed, a row of buttons, a file. */
final class JdaMessages {

  private JdaMessages() {}

  static MessageCreateData create(ChatReply reply) {
    MessageCreateBuilder b = new MessageCreateBuilder();
    if (!reply.text().isEmpty()) {
      b.setContent(reply.text());
    }
    if (reply.embed() != null) {
      b.setEmbeds(List.of(embed(reply.embed())));
    }
    if (!reply.buttons().isEmpty()) {
      b.setComponents(List.of(ActionRow.of(buttons(reply.buttons()))));
    }
    if (reply.attachment() != null) {
      b.setFiles(List.of(file(reply.attachment())));
    }
    return b.build();
  }

  static MessageEditData edit(ChatReply reply) {
    MessageEditBuilder b = new MessageEditBuilder();
    b.setContent(reply.text());
    b.setEmbeds(reply.embed() == null ? List.of() : List.of(embed(reply.embed())));
    b.setComponents(
        reply.buttons().isEmpty() ? List.of() : List.of(ActionRow.of(buttons(reply.buttons()))));
    return b.build();
  }

  private static MessageEmbed embed(ChatReply.Embed e) {
    EmbedBuilder b = new EmbedBuilder().setTitle(e.title()).setColor(e.colour());
    if (!e.description().isEmpty()) {
      b.setDescription(e.description());
    }
    e.fields().forEach(f -> b.addField(f.name(), f.value(), false));
    return b.build();
  }

  private static List<Button> buttons(List<ChatReply.Button> buttons) {
    List<Button> out = new ArrayList<>();
    for (ChatReply.Button button : buttons) {
      out.add(
          switch (button.style()) {
            case SUCCESS -> Button.success(button.customId(), button.label());
            case DANGER -> Button.danger(button.customId(), button.label());
            case SECONDARY -> Button.secondary(button.customId(), button.label());
            case PRIMARY -> Button.primary(button.customId(), button.label());
          });
    }
    return out;
  }

  private static FileUpload file(ChatReply.Attachment a) {
    return FileUpload.fromData(a.content().getBytes(StandardCharsets.UTF_8), a.name());
  }
}
