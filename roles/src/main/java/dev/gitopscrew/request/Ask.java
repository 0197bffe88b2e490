package dev.gitopscrew.request;

import com.fasterxml.jackson.annotation.JsonTypeName;

/** Free text for homelab-admin; a configured model turns it into typed requests. */
@JsonTypeName("ask")
public record Ask(String text) implements Request {

  public Ask {
    Names.required("text", text);
    if (text.length() > 10_000) {
      throw new BadRequestException("a request is at most 10,000 characters");
    }
  }

  @Override
  public String describe() {
    return text.strip();
  }
}
