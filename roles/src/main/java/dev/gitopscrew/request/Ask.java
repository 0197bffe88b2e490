package dev.gitopscrew.request;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/**
 * Free text for a configured model to plan into typed requests. Where it entered fills in the rest:
 * the agent that plans it ({@code null} = homelab-admin), the channel's skill scope ({@code null} =
 * no restriction) and its label, the channel's {@code systemPrompt} ({@code null} = none), and the
 * place whose conversation it continues ({@code discord:<channel>}, {@code pr:<repo>#<n>}; {@code
 * null} = its origin's channel and requester, as {@code cli:<user>} or {@code api:<requester>}).
 * {@code scopeDelegates} true: the scope narrows every agent the planner hands work to, not only
 * the planner ({@code null} = the planner only, as in OpenClaw).
 */
@JsonTypeName("ask")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Ask(
    String text,
    String agent,
    List<String> scope,
    String scopeLabel,
    String instructions,
    String place,
    Boolean scopeDelegates)
    implements Request {

  public Ask {
    Names.required("text", text);
    if (text.length() > 10_000) {
      throw new BadRequestException("a request is at most 10,000 characters");
    }
    scope = scope == null ? null : List.copyOf(scope);
    if (instructions != null && instructions.length() > 20_000) {
      throw new BadRequestException("a channel's instructions are at most 20,000 characters");
    }
    if (place != null
        && (place.isBlank()
            || place.length() > 200
            || place.chars().anyMatch(c -> c < 0x20 || c == 0x7f))) {
      throw new BadRequestException("a place is one line of at most 200 characters");
    }
  }

  public Ask(
      String text,
      String agent,
      List<String> scope,
      String scopeLabel,
      String instructions,
      String place) {
    this(text, agent, scope, scopeLabel, instructions, place, null);
  }

  public Ask(
      String text, String agent, List<String> scope, String scopeLabel, String instructions) {
    this(text, agent, scope, scopeLabel, instructions, null);
  }

  public Ask(String text) {
    this(text, null, null, null, null, null);
  }

  /**
   * The same text as it entered from a place: planned by {@code agent}, within that scope; the
   * place it continues, if one was given, is kept.
   */
  public Ask from(String planner, String label, List<String> skills, String channelInstructions) {
    return new Ask(text, planner, skills, label, channelInstructions, place, scopeDelegates);
  }

  /** As {@link #from}, with the place's stricter reading of its skills when it opts in. */
  public Ask from(
      String planner,
      String label,
      List<String> skills,
      String channelInstructions,
      boolean narrowsDelegates) {
    return new Ask(
        text,
        planner,
        skills,
        label,
        channelInstructions,
        place,
        narrowsDelegates ? Boolean.TRUE : null);
  }

  /** The same text, continuing the conversation of {@code place}. */
  public Ask at(String place) {
    return new Ask(text, agent, scope, scopeLabel, instructions, place, scopeDelegates);
  }

  @Override
  public String describe() {
    return text.strip();
  }
}
