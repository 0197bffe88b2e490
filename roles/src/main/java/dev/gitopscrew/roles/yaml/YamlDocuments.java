package dev.gitopscrew.roles.yaml;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentEndEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingEndEvent;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceEndEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Parses a (multi-document) YAML text into {@link YamlNode} trees that know their positions, from
 * SnakeYAML's event stream.
 */
public final class YamlDocuments {

  private YamlDocuments() {}

  /** Thrown for text that is not YAML; says where. */
  public static final class Invalid extends RuntimeException {
    private final int line;

    Invalid(String message) {
      this(message, 0);
    }

    Invalid(String message, int line) {
      super(message);
      this.line = line;
    }

    /** The 1-based line of the problem, or 0 when unknown. */
    public int line() {
      return line;
    }
  }

  /** Every document's root node; an empty document is a null scalar. */
  public static List<YamlNode> parse(String text) {
    Positions at = new Positions(text);
    List<YamlNode> documents = new ArrayList<>();
    Deque<Builder> open = new ArrayDeque<>();
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(16 * 1024 * 1024);
    try {
      // the parser alone: a Yaml instance per file costs more than parsing a small manifest
      Parser parser = new ParserImpl(new StreamReader(new StringReader(text)), options);
      while (!parser.checkEvent(Event.ID.StreamEnd)) {
        Event event = parser.getEvent();
        if (event instanceof DocumentStartEvent) {
          open.push(new Builder(null, false, 0, 0, false));
        } else if (event instanceof DocumentEndEvent) {
          Builder doc = open.pop();
          documents.add(
              doc.items.isEmpty()
                  ? new YamlNode.Scalar("", YamlNode.Scalar.PLAIN, null, false, 0, 0, 0)
                  : doc.items.get(0));
        } else if (event instanceof CollectionStartEvent start) {
          int offset = skipProperties(text, at.offset(start.getStartMark()));
          open.push(
              new Builder(
                  start.getAnchor(),
                  start.isFlow(),
                  offset,
                  at.line(start.getStartMark()),
                  start instanceof MappingStartEvent));
        } else if (event instanceof MappingEndEvent || event instanceof SequenceEndEvent) {
          Builder b = open.pop();
          int end = at.offset(event.getEndMark());
          open.peek().items.add(b.build(text, end));
        } else if (event instanceof ScalarEvent s) {
          int start = skipProperties(text, at.offset(s.getStartMark()));
          open.peek()
              .items
              .add(
                  new YamlNode.Scalar(
                      s.getValue(),
                      style(s),
                      s.getAnchor(),
                      inFlow(open),
                      start,
                      at.offset(s.getEndMark()),
                      at.line(s.getStartMark())));
        } else if (event instanceof AliasEvent a) {
          open.peek()
              .items
              .add(
                  new YamlNode.Alias(
                      a.getAnchor(),
                      at.offset(a.getStartMark()),
                      at.offset(a.getEndMark()),
                      at.line(a.getStartMark())));
        }
      }
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
      throw new Invalid(
          (problem + (e.getContext() == null ? "" : " (" + e.getContext() + ")"))
              .replaceAll("\\s+", " ")
              .strip(),
          mark == null ? 0 : mark.getLine() + 1);
    } catch (YAMLException e) {
      throw new Invalid(e.getMessage().replaceAll("\\s+", " ").strip());
    }
    return documents;
  }

  private static char style(ScalarEvent s) {
    Character c = s.getScalarStyle().getChar();
    return c == null ? YamlNode.Scalar.PLAIN : c;
  }

  private static boolean inFlow(Deque<Builder> open) {
    for (Builder b : open) {
      if (b.flow) {
        return true;
      }
    }
    return false;
  }

  /** Skips an anchor ({@code &name}) and a tag ({@code !tag}) before a node's content. */
  private static int skipProperties(String text, int offset) {
    int i = offset;
    while (i < text.length() && (text.charAt(i) == '&' || text.charAt(i) == '!')) {
      while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
        i++;
      }
    }
    return i;
  }

  /** A collection being read: its items so far (alternating keys and values for a mapping). */
  private static final class Builder {
    final String anchor;
    final boolean flow;
    final int start;
    final int line;
    final boolean mapping;
    final List<YamlNode> items = new ArrayList<>();

    Builder(String anchor, boolean flow, int start, int line, boolean mapping) {
      this.anchor = anchor;
      this.flow = flow;
      this.start = start;
      this.line = line;
      this.mapping = mapping;
    }

    YamlNode build(String text, int end) {
      // a block collection's column is its keys' (or dashes'), wherever an anchor put its start
      int column = columnOf(text, start);
      if (!flow && !items.isEmpty()) {
        int first = items.get(0).start();
        if (mapping) {
          column = columnOf(text, first);
        } else {
          int dash = first - 1;
          while (dash > 0 && text.charAt(dash) != '-') {
            dash--;
          }
          column = columnOf(text, dash);
        }
      }
      if (!mapping) {
        return new YamlNode.Sequence(List.copyOf(items), flow, anchor, start, end, line, column);
      }
      List<YamlNode.Entry> entries = new ArrayList<>();
      for (int i = 0; i + 1 < items.size(); i += 2) {
        if (!(items.get(i) instanceof YamlNode.Scalar key)) {
          throw new Invalid("line " + (items.get(i).line() + 1) + ": a key must be a plain value");
        }
        entries.add(new YamlNode.Entry(key, items.get(i + 1)));
      }
      return new YamlNode.Mapping(List.copyOf(entries), flow, anchor, start, end, line, column);
    }
  }

  /** Converts SnakeYAML's code-point marks into char offsets of the text. */
  private static final class Positions {
    private final String text;
    private final boolean surrogates;

    Positions(String text) {
      this.text = text;
      this.surrogates = text.codePoints().count() != text.length();
    }

    int offset(Mark mark) {
      int index = Math.min(mark.getIndex(), text.codePointCount(0, text.length()));
      return surrogates ? text.offsetByCodePoints(0, index) : index;
    }

    int line(Mark mark) {
      return mark.getLine();
    }
  }

  public static int columnOf(String text, int offset) {
    return offset - (text.lastIndexOf('\n', offset - 1) + 1);
  }
}
