package io.sitegen.markdown.highlight;

import static io.noties.prism4j.Prism4j.pattern;
import static io.noties.prism4j.Prism4j.token;
import static java.util.regex.Pattern.CASE_INSENSITIVE;
import static java.util.regex.Pattern.MULTILINE;
import static java.util.regex.Pattern.compile;

import io.noties.prism4j.Prism4j;

/**
 * Dockerfile (written here). An instruction is the first word of a line, in any case (and the
 * one after ONBUILD); {@code AS} naming a build stage and HEALTHCHECK's {@code CMD} and
 * {@code NONE} are keywords too. A {@code #} starts a comment only at the start of a line.
 * Strings, {@code $name} and {@code ${name}} variables, {@code --flag} options, numbers (ports,
 * versions) and the line continuation {@code \}.
 */
final class Docker {
  private Docker() {}

  private static final String INSTRUCTIONS = "FROM|RUN|CMD|LABEL|MAINTAINER|EXPOSE|ENV|ADD|COPY|ENTRYPOINT"
      + "|VOLUME|USER|WORKDIR|ARG|ONBUILD|STOPSIGNAL|HEALTHCHECK|SHELL";

  static Prism4j.Grammar create(Prism4j prism4j) {
    return Prism4j.grammar("docker",
        token("comment", pattern(compile("^[ \\t]*#.*", MULTILINE), false, true)),
        token("keyword",
            pattern(compile("(^[ \\t]*|\\bONBUILD[ \\t]+)(?:" + INSTRUCTIONS + ")(?=[ \\t]|$)",
                CASE_INSENSITIVE | MULTILINE), true),
            // FROM image AS stage: the instruction is already a token, so this segment starts after it
            pattern(compile("(^[ \\t]+(?:--\\S+[ \\t]+)*\\S+[ \\t]+)AS(?=[ \\t]+\\S)", CASE_INSENSITIVE), true),
            // HEALTHCHECK [options] CMD ... / HEALTHCHECK NONE
            pattern(compile("(^[ \\t]+(?:--\\S+[ \\t]+)*)(?:CMD|NONE)(?=[ \\t]|$)"), true)),
        token("string",
            pattern(compile("\"[^\"\\\\\\r\\n]*(?:\\\\.[^\"\\\\\\r\\n]*)*\""), false, true),
            pattern(compile("'[^'\\r\\n]*'"), false, true)),
        token("variable", pattern(compile("\\$\\{[^}\\r\\n]*\\}|\\$[A-Za-z_]\\w*"))),
        token("parameter", pattern(compile("(\\s)--[A-Za-z][\\w-]*"), true)),
        token("number", pattern(compile("(^|[\\s=:])\\d+(?:\\.\\d+)*(?:/(?:tcp|udp))?(?=$|\\s)", MULTILINE), true)),
        token("operator", pattern(compile("\\\\$|&&|\\|\\||[=|]", MULTILINE))),
        token("punctuation", pattern(compile("[\\[\\],{}();]"))));
  }
}
