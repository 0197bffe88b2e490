package dev.gitopscrew.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No main class over 400 lines and no method over 60, counted on the sources of every module: a
 * method from its declaration (after its annotations) to its closing brace, the longest of an
 * overloaded name, a class as its file. Comments, strings and text blocks are blanked before the
 * braces are counted. Code in a field's initializer (a lambda, an anonymous class) counts as no
 * method. Today's offenders are listed in docs/architecture.md, each with its reason; the list only
 * shrinks: an entry no longer over the limit fails too.
 */
class CodeSizeTest {

  static final int CLASS_LINES = 400;
  static final int METHOD_LINES = 60;

  private static final Pattern TYPE =
      Pattern.compile("(^|[\\s>@])(class|interface|enum|record)\\s+(\\w+)");
  private static final Pattern ANNOTATION =
      Pattern.compile("^@\\s*(?!interface\\b)[\\w.]+\\s*(\\([^()]*\\))?\\s*");
  private static final Pattern NAME_BEFORE_PAREN = Pattern.compile("(\\w+)\\s*\\(");
  private static final Pattern LISTED = Pattern.compile("^- `([\\w.]+)`[^:]*: \\S.*$");

  @Test
  void noLongCodeBeyondTheListedOffenders() throws IOException {
    Map<String, Integer> over = new TreeMap<>();
    for (Path file : mainSources()) {
      String source = Files.readString(file);
      String type = typeName(file);
      int lines = (int) source.lines().count();
      if (lines > CLASS_LINES) {
        over.put(type, lines);
      }
      methodLengths(source)
          .forEach(
              (method, length) -> {
                if (length > METHOD_LINES) {
                  over.merge(packageOf(type) + method, length, Math::max);
                }
              });
    }
    Map<String, String> listed = allowlist();
    List<String> unlisted =
        over.entrySet().stream()
            .filter(e -> !listed.containsKey(e.getKey()))
            .map(e -> e.getKey() + " (" + e.getValue() + " lines)")
            .toList();
    List<String> stale = listed.keySet().stream().filter(k -> !over.containsKey(k)).toList();
    assertThat(unlisted)
        .as(
            "classes over %d lines and methods over %d: split them, or list them with their"
                + " reason in docs/architecture.md",
            CLASS_LINES, METHOD_LINES)
        .isEmpty();
    assertThat(stale)
        .as("listed in docs/architecture.md as long, but no longer: take them off the list")
        .isEmpty();
  }

  @Test
  void theCounterSeesMethodsConstructorsAndNestedTypes() {
    String source =
        """
        package p;
        /** a { brace in a comment */
        @Deprecated(since = "1")
        final class A {
          static final String S = "}{";
          static final Runnable R = () -> {
            run();
          };
          @Override
          public String toString() {
            return "}" + '{' + \"""
                {
                \""";
          }
          A(int a) throws Exception {
            if (a > 0) {
              new Object() {
                void inner() {}
              };
            }
          }
          enum E {
            X {
              void f() {}
            };
            void g() {
            }
          }
          record R2(int x) {
            R2 {
            }
          }
          static {
          }
        }
        """;
    assertThat(methodLengths(source))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "A.toString", 5,
                "A.A", 7,
                "A.E.X.f", 1,
                "A.E.g", 2,
                "A.R2.R2", 2,
                "A.<clinit>", 2));
  }

  /** Every module's main sources, beside this one. */
  private static List<Path> mainSources() throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> modules = Files.list(Path.of(".."))) {
      for (Path module : modules.sorted().toList()) {
        Path main = module.resolve("src/main/java");
        if (Files.isDirectory(main)) {
          try (Stream<Path> walk = Files.walk(main)) {
            walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
          }
        }
      }
    }
    assertThat(files).as("main sources found from %s", Path.of("..").toAbsolutePath()).isNotEmpty();
    return files;
  }

  /** The file's class, named below dev.gitopscrew the way docs/architecture.md names classes. */
  private static String typeName(Path file) {
    String path = file.toString().replace('\\', '/');
    String relative = path.substring(path.indexOf("src/main/java/") + "src/main/java/".length());
    return relative
        .substring(0, relative.length() - ".java".length())
        .replace('/', '.')
        .replaceFirst("^dev\\.gitopscrew\\.", "");
  }

  private static String packageOf(String type) {
    int dot = type.lastIndexOf('.');
    return dot < 0 ? "" : type.substring(0, dot + 1);
  }

  /** The allowlist: the lines "- `name` ...: reason" between the long-code markers. */
  private static Map<String, String> allowlist() throws IOException {
    String doc = Files.readString(Path.of("../docs/architecture.md"));
    int start = doc.indexOf("<!-- long-code:start -->");
    int end = doc.indexOf("<!-- long-code:end -->");
    assertThat(start).as("the long-code list in docs/architecture.md").isNotNegative();
    assertThat(end).isGreaterThan(start);
    Map<String, String> listed = new TreeMap<>();
    for (String line : doc.substring(start, end).lines().skip(1).toList()) {
      if (line.isBlank()) {
        continue;
      }
      Matcher m = LISTED.matcher(line);
      assertThat(m.matches()).as("a listed name and its one-line reason: %s", line).isTrue();
      listed.put(m.group(1), line);
    }
    return listed;
  }

  private enum Kind {
    TYPE,
    METHOD,
    CODE
  }

  private static final class Frame {
    final Kind kind;
    final String name;
    final int startLine;
    final boolean keepsHeader;

    /** In an enum, until the semicolon after its constants. */
    boolean constants;

    Frame(Kind kind, String name, int startLine, boolean keepsHeader) {
      this.kind = kind;
      this.name = name;
      this.startLine = startLine;
      this.keepsHeader = keepsHeader;
    }
  }

  /**
   * Method lengths by "Type.method" (nested types as "Outer.Inner"; a constructor by its type's
   * name, a static initializer as {@code <clinit>}), the longest when a name is overloaded.
   */
  static Map<String, Integer> methodLengths(String source) {
    String code = blank(source);
    int[] lineOf = lineNumbers(code);
    Map<String, Integer> lengths = new TreeMap<>();
    Deque<Frame> frames = new ArrayDeque<>();
    int headerStart = 0;
    int parens = 0;
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == '(') {
        parens++;
      } else if (c == ')') {
        parens--;
      } else if (c == ';') {
        headerStart = i + 1;
        if (!frames.isEmpty() && frames.peek().kind == Kind.TYPE) {
          frames.peek().constants = false;
        }
      } else if (c == '{') {
        Frame parent = frames.peek();
        if (parent != null && parent.kind != Kind.TYPE) {
          frames.push(new Frame(Kind.CODE, null, 0, false));
          headerStart = i + 1;
          continue;
        }
        String raw = code.substring(headerStart, i);
        String header = stripAnnotations(raw.strip());
        int start = lineOf[header.isEmpty() ? i : headerStart + raw.indexOf(header)];
        String outer = parent == null ? "" : parent.name + ".";
        Matcher type = TYPE.matcher(header);
        if (parens > 0 || header.contains("=")) {
          // an annotation's array or a field's initializer: code, and the header goes on after it
          frames.push(new Frame(Kind.CODE, null, 0, parens > 0));
        } else if (type.find()) {
          Frame declared = new Frame(Kind.TYPE, outer + type.group(3), 0, false);
          declared.constants = type.group(2).equals("enum");
          frames.push(declared);
        } else if (parent != null && parent.constants) {
          Matcher constant = Pattern.compile("(\\w+)\\s*(\\(.*)?$", Pattern.DOTALL).matcher(header);
          frames.push(
              new Frame(Kind.TYPE, outer + (constant.find() ? constant.group(1) : "?"), 0, false));
        } else {
          Matcher name = NAME_BEFORE_PAREN.matcher(header);
          String method =
              name.find()
                  ? name.group(1)
                  : header.equals("static")
                      ? "<clinit>"
                      : header.isEmpty() ? "<init>" : header.replaceAll(".*\\s", "");
          frames.push(new Frame(Kind.METHOD, outer + method, start, false));
        }
        headerStart = i + 1;
      } else if (c == '}') {
        Frame closed = frames.pop();
        if (closed.kind == Kind.METHOD) {
          lengths.merge(closed.name, lineOf[i] - closed.startLine + 1, Math::max);
        }
        if (!closed.keepsHeader) {
          headerStart = i + 1;
        }
      }
    }
    return lengths;
  }

  private static String stripAnnotations(String header) {
    String rest = header;
    for (Matcher m = ANNOTATION.matcher(rest); m.find(); m = ANNOTATION.matcher(rest)) {
      rest = rest.substring(m.end());
    }
    return rest.strip();
  }

  private static int[] lineNumbers(String code) {
    int[] lines = new int[code.length() + 1];
    int line = 1;
    for (int i = 0; i < code.length(); i++) {
      lines[i] = line;
      if (code.charAt(i) == '\n') {
        line++;
      }
    }
    lines[code.length()] = line;
    return lines;
  }

  /** The source with comments, strings, text blocks and characters blanked, lines kept. */
  static String blank(String source) {
    StringBuilder out = new StringBuilder(source);
    int i = 0;
    int n = source.length();
    while (i < n) {
      int end;
      if (source.startsWith("//", i)) {
        end = source.indexOf('\n', i);
        end = end < 0 ? n : end;
      } else if (source.startsWith("/*", i)) {
        end = source.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
      } else if (source.startsWith("\"\"\"", i)) {
        end = i + 3;
        while (end < n && !source.startsWith("\"\"\"", end)) {
          end += source.charAt(end) == '\\' ? 2 : 1;
        }
        end = Math.min(n, end + 3);
      } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
        char quote = source.charAt(i);
        end = i + 1;
        while (end < n && source.charAt(end) != quote) {
          end += source.charAt(end) == '\\' ? 2 : 1;
        }
        end = Math.min(n, end + 1);
      } else {
        i++;
        continue;
      }
      for (int j = i; j < end; j++) {
        if (out.charAt(j) != '\n') {
          out.setCharAt(j, ' ');
        }
      }
      i = end;
    }
    return out.toString();
  }
}
