package dev.gitopscrew.request;

import java.util.Locale;

/**
 * A Kubernetes object named in a request: {@code deployment/whoami}, optionally in a namespace
 * (null: any namespace, as long as only one object matches).
 */
public record ObjectRef(String kind, String name, String namespace) {

  public ObjectRef {
    Names.required("object kind", kind);
    if (!kind.matches("[A-Za-z][A-Za-z0-9]{0,62}")) {
      throw new BadRequestException("not a Kubernetes kind: " + kind);
    }
    kind = kind.toLowerCase(Locale.ROOT);
    Names.k8s("object name", name);
    if (namespace != null) {
      Names.k8s("namespace", namespace);
    }
  }

  /** Parses {@code KIND/NAME}. */
  public static ObjectRef parse(String text, String namespace) {
    int slash = text == null ? -1 : text.indexOf('/');
    if (slash <= 0 || slash == text.length() - 1) {
      throw new BadRequestException(
          "name the object as KIND/NAME, like deployment/whoami: " + Quote.bounded(text));
    }
    return new ObjectRef(text.substring(0, slash), text.substring(slash + 1), namespace);
  }

  public String describe() {
    return kind + "/" + name + (namespace == null ? "" : " in " + namespace);
  }
}
