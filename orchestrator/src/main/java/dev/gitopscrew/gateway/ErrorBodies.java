package dev.gitopscrew.gateway;

import dev.gitopscrew.effect.Redactor;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The last look at every error the API and the webhooks answer: a known secret in its reason is
 * replaced by {@code ***} and the reason is cut to a bounded length, whatever produced it.
 */
public class ErrorBodies {

  static final int LONGEST = 1000;

  @Inject Redactor redactor;

  @ServerResponseFilter
  public void bound(ContainerResponseContext response) {
    if (response.getStatus() < 400 || !(response.getEntity() instanceof Map<?, ?> body)) {
      return;
    }
    if (!(body.get("error") instanceof String error)) {
      return;
    }
    String clean = redactor.redact(error);
    if (clean.length() > LONGEST) {
      clean = clean.substring(0, LONGEST) + "… (cut)";
    }
    if (!clean.equals(error)) {
      Map<Object, Object> copy = new LinkedHashMap<>(body);
      copy.put("error", clean);
      response.setEntity(copy);
    }
  }
}
