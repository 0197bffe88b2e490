package dev.gitopscrew.request;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.regex.Pattern;

/**
 * What an {@link Edit} changes; each names the container or key it touches. Its JSON names the kind
 * in {@code set}: {@code {"set": "image", "container": "web", "image": "nginx:1.27"}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "set")
public sealed interface EditOperation {

  String describe();

  /** The edits there are, as {@link #parse} names them. */
  public static final java.util.List<String> KINDS =
      java.util.List.of("image", "replicas", "env", "limits", "helm-value");

  /**
   * Parses one edit as the CLI and chat write it: {@code image C=IMAGE}, {@code replicas N}, {@code
   * env C:VAR=VALUE}, {@code limits C:cpu=500m,memory=256Mi}, {@code helm-value KEY=VALUE}.
   */
  public static EditOperation parse(String what, String spec) {
    if (spec == null) {
      throw new BadRequestException(what + " needs a value");
    }
    switch (what) {
      case "image":
        {
          String[] kv = split(spec, '=', "image takes CONTAINER=IMAGE");
          return new Image(kv[0], kv[1]);
        }
      case "replicas":
        if (!spec.matches("[0-9]{1,4}")) {
          throw new BadRequestException("replicas must be a number from 0 to 9999, got " + spec);
        }
        return new Replicas(Integer.parseInt(spec));
      case "env":
        {
          String[] container = split(spec, ':', "env takes CONTAINER:VAR=VALUE");
          String[] kv = split(container[1], '=', "env takes CONTAINER:VAR=VALUE");
          return new Env(container[0], kv[0], kv[1]);
        }
      case "limits":
        {
          String[] container = split(spec, ':', "limits takes CONTAINER:cpu=…,memory=…");
          String cpu = null;
          String memory = null;
          for (String part : container[1].split(",")) {
            String[] kv = split(part, '=', "limits takes CONTAINER:cpu=…,memory=…");
            switch (kv[0]) {
              case "cpu" -> cpu = kv[1];
              case "memory" -> memory = kv[1];
              default -> throw new BadRequestException("limits are cpu and memory, not " + kv[0]);
            }
          }
          return new Limits(container[0], cpu, memory);
        }
      case "helm-value":
        {
          String[] kv = split(spec, '=', "helm-value takes KEY=VALUE");
          return new HelmValue(kv[0], kv[1]);
        }
      default:
        throw new BadRequestException(
            "unknown edit '"
                + Quote.bounded(what)
                + "'; one of image, replicas, env, limits, helm-value");
    }
  }

  private static String[] split(String text, char at, String usage) {
    int i = text.indexOf(at);
    if (i <= 0) {
      throw new BadRequestException(usage + ", got '" + Quote.bounded(text) + "'");
    }
    return new String[] {text.substring(0, i), text.substring(i + 1)};
  }

  /** A container's image. */
  @JsonTypeName("image")
  record Image(String container, String image) implements EditOperation {
    private static final Pattern IMAGE =
        Pattern.compile(
            "[a-z0-9][a-z0-9._/-]*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(@sha256:[a-f0-9]{64})?");

    public Image {
      Names.k8s("container name", container);
      if (image == null || image.length() > 255 || !IMAGE.matcher(image).matches()) {
        throw new BadRequestException("not an image reference (name[:tag][@digest]): " + image);
      }
    }

    public String describe() {
      return "image of " + container + " to " + image;
    }
  }

  /** The replica count. */
  @JsonTypeName("replicas")
  record Replicas(int replicas) implements EditOperation {
    public Replicas {
      Names.number("replicas", replicas, 0, 9999);
    }

    public String describe() {
      return "replicas to " + replicas;
    }
  }

  /** A literal environment variable of a container. */
  @JsonTypeName("env")
  record Env(String container, String variable, String value) implements EditOperation {
    public Env {
      Names.k8s("container name", container);
      if (variable == null || !variable.matches("[A-Za-z_][A-Za-z0-9_.-]{0,252}")) {
        throw new BadRequestException("not an environment variable name: " + variable);
      }
      if (value == null || value.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
        throw new BadRequestException("an environment value must be one line: " + variable);
      }
    }

    public String describe() {
      return "env " + variable + " of " + container;
    }
  }

  /** Resource limits of a container; null leaves that limit as it is. */
  @JsonTypeName("limits")
  record Limits(String container, String cpu, String memory) implements EditOperation {
    private static final Pattern QUANTITY =
        Pattern.compile("[0-9]+(\\.[0-9]+)?(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?");

    public Limits {
      Names.k8s("container name", container);
      if (cpu == null && memory == null) {
        throw new BadRequestException("limits needs cpu=… and/or memory=…");
      }
      for (String q : new String[] {cpu, memory}) {
        if (q != null && !QUANTITY.matcher(q).matches()) {
          throw new BadRequestException("not a Kubernetes quantity: " + q);
        }
      }
    }

    public String describe() {
      return "limits of "
          + container
          + " to"
          + (cpu == null ? "" : " cpu=" + cpu)
          + (memory == null ? "" : " memory=" + memory);
    }
  }

  /** A key of an Argo CD Application's Helm {@code valuesObject}, as a dotted path. */
  @JsonTypeName("helm-value")
  record HelmValue(String key, String value) implements EditOperation {
    public HelmValue {
      if (key == null || !key.matches("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*")) {
        throw new BadRequestException(
            "a Helm value key is a dotted path like image.tag: " + Quote.bounded(key));
      }
      if (value == null || value.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
        throw new BadRequestException("a Helm value must be one line: " + Quote.bounded(key));
      }
    }

    public String describe() {
      return "helm value " + key + " to " + value;
    }
  }
}
