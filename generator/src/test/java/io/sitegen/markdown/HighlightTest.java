package io.sitegen.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.sitegen.markdown.highlight.Highlighter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HighlightTest {
  private final Markdown markdown = new Markdown(false);

  private static String fence(String language, String code) {
    return "```" + language + "\n" + code + "```\n";
  }

  @Test
  void javaIsHighlighted() {
    assertThat(markdown.toHtml(fence("java", """
        @Override
        public String greet(String name) {
          return "Hello, " + name + "!"; // <b>
        }
        """))).isEqualTo("""
        <pre><code class="language-java"><span class="token annotation punctuation">@Override</span>
        <span class="token keyword">public</span> String <span class="token function">greet</span>\
        <span class="token punctuation">(</span>String name<span class="token punctuation">)</span> \
        <span class="token punctuation">{</span>
          <span class="token keyword">return</span> <span class="token string">&quot;Hello, &quot;</span> \
        <span class="token operator">+</span> name <span class="token operator">+</span> \
        <span class="token string">&quot;!&quot;</span><span class="token punctuation">;</span> \
        <span class="token comment">// &lt;b&gt;</span>
        <span class="token punctuation">}</span>
        </code></pre>
        """);
  }

  @Test
  void diffLinesAreMarkedInsertedAndDeleted() {
    // file names are headers, not a deleted and an inserted line; a context line stays plain
    assertThat(markdown.toHtml(fence("diff", """
        --- a/site.yml
        +++ b/site.yml
        @@ -1,3 +1,3 @@
         title: Bench
        -draft: true
        +draft: false
        """))).isEqualTo("""
        <pre><code class="language-diff"><span class="token header comment">--- a/site.yml</span>
        <span class="token header comment">+++ b/site.yml</span>
        <span class="token coord">@@ -1,3 +1,3 @@</span>
         title: Bench
        <span class="token deleted"><span class="token prefix">-</span><span class="token line">draft: true</span></span>
        <span class="token inserted"><span class="token prefix">+</span><span class="token line">draft: false</span></span>
        </code></pre>
        """);
  }

  @Test
  void shellIsHighlighted() {
    // a keyword only where a command starts: the done that echo prints is a word
    assertThat(markdown.toHtml(fence("shell", """
        $ ./site build --drafts -o "$HOME/preview" && echo done # <ok>
        for f in *.md; do wc -l "$f"; done
        """))).isEqualTo("""
        <pre><code class="language-shell">$ ./site build <span class="token parameter">--drafts</span> \
        <span class="token parameter">-o</span> \
        <span class="token string">&quot;<span class="token variable">$HOME</span>/preview&quot;</span> \
        <span class="token operator">&amp;&amp;</span> <span class="token builtin">echo</span> done \
        <span class="token comment"># &lt;ok&gt;</span>
        <span class="token keyword">for</span> f <span class="token keyword">in</span> *.md<span class="token punctuation">;</span> \
        <span class="token keyword">do</span> wc <span class="token parameter">-l</span> \
        <span class="token string">&quot;<span class="token variable">$f</span>&quot;</span><span class="token punctuation">;</span> \
        <span class="token keyword">done</span>
        </code></pre>
        """);
  }

  @Test
  void tomlIsHighlighted() {
    assertThat(markdown.toHtml(fence("toml", """
        [site]
        title = "Bench" # the name
        posts = 4_000
        """))).isEqualTo("""
        <pre><code class="language-toml"><span class="token punctuation">[</span>\
        <span class="token table class-name">site</span><span class="token punctuation">]</span>
        <span class="token key property">title</span> <span class="token punctuation">=</span> \
        <span class="token string">&quot;Bench&quot;</span> <span class="token comment"># the name</span>
        <span class="token key property">posts</span> <span class="token punctuation">=</span> \
        <span class="token number">4_000</span>
        </code></pre>
        """);
  }

  /** The grammars written in this project: the constructs each must tell apart. */
  @Test
  void ownGrammarsTellTheirConstructsApart() {
    assertThat(markdown.toHtml(fence("rust", """
        #[derive(Debug)]
        struct Page<'a> { title: &'a str }
        let raw = r#"say "hi" // not a comment"#; let c = 'x'; println!("{}", raw);
        """))).contains(
        "<span class=\"token attribute attr-name\">#[derive(Debug)]</span>",
        "<span class=\"token lifetime symbol\">'a</span>",
        "<span class=\"token string\">r#&quot;say &quot;hi&quot; // not a comment&quot;#</span>",
        "<span class=\"token char string\">'x'</span>",
        "<span class=\"token macro function\">println!</span>").doesNotContain("token comment");

    assertThat(markdown.toHtml(fence("haskell", """
        {- block -}
        foldl' :: (b -> a -> b) -> b -> [a] -> b
        f x' = 'c' : "s -- not a comment" ++ show x' `div` 2 -- comment
        """))).contains(
        "<span class=\"token comment\">{- block -}</span>",
        "<span class=\"token function\">foldl'</span> <span class=\"token operator\">::</span>",
        "<span class=\"token char string\">'c'</span>",
        "<span class=\"token string\">&quot;s -- not a comment&quot;</span>",
        "<span class=\"token operator\">`div`</span>",
        "<span class=\"token comment\">-- comment</span>").contains("f x' <span");

    assertThat(markdown.toHtml(fence("toml", """
        [[servers.alpha]]
        "quoted key" = '''no # comment'''
        when = 1979-05-27T07:32:00Z
        on = true
        """))).contains(
        "<span class=\"token table class-name\">servers<span class=\"token punctuation\">.</span>alpha</span>",
        "<span class=\"token key property\">&quot;quoted key&quot;</span>",
        "<span class=\"token string\">'''no # comment'''</span>",
        "<span class=\"token date number\">1979-05-27T07:32:00Z</span>",
        "<span class=\"token boolean\">true</span>").doesNotContain("token comment");

    assertThat(markdown.toHtml(fence("dockerfile", """
        # build
        from golang:1.22 AS build
        RUN go build \\
            -o /app .
        """))).contains(
        "<span class=\"token comment\"># build</span>",
        "<span class=\"token keyword\">from</span>",
        "<span class=\"token keyword\">AS</span>",
        "<span class=\"token keyword\">RUN</span>",
        "<span class=\"token operator\">\\</span>");

    assertThat(markdown.toHtml(fence("ts", """
        @Component()
        export interface Post<T> extends Base { readonly tags: string[]; n: keyof T }
        const big = 10n;
        """))).contains(
        "<span class=\"token decorator function\">@Component</span>",
        "<span class=\"token keyword\">interface</span> <span class=\"token class-name\">Post</span>",
        "<span class=\"token keyword\">readonly</span>",
        "<span class=\"token builtin\">string</span>",
        "<span class=\"token keyword\">keyof</span>",
        "<span class=\"token number\">10n</span>");

    assertThat(markdown.toHtml(fence("bash", """
        greet() { echo "${1:-you} $(date +%H)" '$not'; } # hi
        """))).contains(
        "<span class=\"token function\">greet</span>",
        "<span class=\"token variable\"><span class=\"token punctuation\">${</span>1:-you"
            + "<span class=\"token punctuation\">}</span></span>",
        "<span class=\"token variable\"><span class=\"token punctuation\">$(</span>date +%H"
            + "<span class=\"token punctuation\">)</span></span>",
        "<span class=\"token string\">'$not'</span>",
        "<span class=\"token comment\"># hi</span>");
  }

  @Test
  void unknownLanguageIsLeftPlainWithoutAWarning() {
    PrintStream err = System.err;
    PrintStream out = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    String html;
    try (PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
      System.setErr(capture);
      System.setOut(capture);
      html = markdown.toHtml(fence("klingon", "<script>alert(\"x\") & 1</script>\n"));
    } finally {
      System.setErr(err);
      System.setOut(out);
    }
    assertThat(html).isEqualTo("<pre><code class=\"language-klingon\">"
        + "&lt;script&gt;alert(&quot;x&quot;) &amp; 1&lt;/script&gt;\n</code></pre>\n");
    assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(Highlighter.supports("klingon")).isFalse();
  }

  @Test
  void codeWithoutALanguageIsLeftPlain() {
    assertThat(markdown.toHtml(fence("", "<b>x</b>\n"))).isEqualTo("<pre><code>&lt;b&gt;x&lt;/b&gt;\n</code></pre>\n");
  }

  @Test
  void markupInCodeIsEscapedInEveryToken() {
    String html = markdown.toHtml(fence("html", """
        <p title="a&b">x &lt; y</p><script>if (a < b && c > d) alert("</script>")</script>
        """));
    assertThat(html).startsWith("<pre><code class=\"language-html\"><span class=\"token tag\">");
    // no tag but ours: every < left in the output starts a span or closes one, or closes pre/code
    String tags = html.replaceAll("</?(span|pre|code)\\b[^<>]*>", "");
    assertThat(tags).doesNotContain("<", ">");
    assertThat(html).contains("<span class=\"token operator\">&lt;</span> b <span class=\"token operator\">&amp;&amp;</span>",
        "<span class=\"token entity\">&amp;lt;</span>");
    // the text, once tags are dropped and entities decoded, is the code
    assertThat(org.jsoup.Jsoup.parseBodyFragment(html).select("code").first().wholeText()).isEqualTo("""
        <p title="a&b">x &lt; y</p><script>if (a < b && c > d) alert("</script>")</script>
        """);
  }

  @Test
  void scriptInJavaScriptStringIsEscaped() {
    String html = markdown.toHtml(fence("js", "const s = \"<script>alert(1)</script>\";\n"));
    assertThat(html).contains("<span class=\"token string\">&quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;</span>");
    assertThat(html).doesNotContain("<script");
  }

  @Test
  void emptyBlockStaysEmpty() {
    assertThat(markdown.toHtml("```java\n```\n")).isEqualTo("<pre><code class=\"language-java\"></code></pre>\n");
  }

  @Test
  void languageNameIgnoresCaseAndKeepsTheClassAsWritten() {
    assertThat(markdown.toHtml(fence("Python", "def f(): pass\n")))
        .startsWith("<pre><code class=\"language-Python\"><span class=\"token keyword\">def</span>");
  }

  @Test
  void oneMegabyteBlockDoesNotBlowUp() {
    StringBuilder code = new StringBuilder();
    for (int i = 0; code.length() < 1_000_000; i++) {
      code.append("public static int f").append(i).append("(String s) { return s.length() < 3 ? 1 : 2; }\n");
    }
    String html = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> markdown.toHtml(fence("java", code.toString())));
    // longer than Highlighter.MAX_LENGTH: written plain, escaped
    assertThat(html.substring(0, 120))
        .startsWith("<pre><code class=\"language-java\">public static int f0(String s) { return s.length() &lt; 3 ? 1 : 2; }");
    assertThat(html.contains("<span")).isFalse();
    assertThat(html.length()).isGreaterThan(1_000_000);
  }

  @Test
  void blockJustUnderTheLimitIsHighlighted() {
    StringBuilder code = new StringBuilder();
    String line = "  if (x < 10) { y = \"a\" + x; } // why\n";
    while (code.length() + line.length() <= Highlighter.MAX_LENGTH) code.append(line);
    String html = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> markdown.toHtml(fence("java", code.toString())));
    assertThat(html).contains("<span class=\"token comment\">// why</span>").doesNotContain("<  ");
  }

  @Test
  void tokenThatOverflowsARegexIsLeftPlain() {
    // One 60,000-character string: the string patterns recurse once per character in
    // java.util.regex; whether or not that overflows the stack, the block is written.
    String code = "String s = \"" + "ab\\\"".repeat(15_000) + "\";\n";
    String html = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> markdown.toHtml(fence("java", code)));
    assertThat(org.jsoup.Jsoup.parseBodyFragment(html).select("code").first().wholeText()).isEqualTo(code);
  }

  /** A snippet for each grammar, and every name and alias that reaches it. */
  private static final Map<String, List<String>> NAMES = new LinkedHashMap<>();
  private static final Map<String, String> SNIPPETS = new LinkedHashMap<>();

  private static void language(String snippet, String... names) {
    SNIPPETS.put(names[0], snippet);
    NAMES.put(names[0], List.of(names));
  }

  static {
    language("class A { int x = 1; }\n", "java");
    language("fun main() { val x = 1 }\n", "kotlin", "kt", "kts");
    language("let x: Int = 1\n", "swift");
    language("main :: IO ()\nmain = putStrLn \"hi\"\n", "haskell", "hs");
    language("const x = () => 1;\n", "javascript", "js", "mjs", "cjs");
    language("let x: number = 1;\n", "typescript", "ts", "mts", "cts");
    language("def f(x):\n    return x\n", "python", "py", "python3", "py3");
    language("func main() { fmt.Println(1) }\n", "go", "golang");
    language("fn main() { let x = 1; }\n", "rust", "rs");
    language("int main(void) { return 0; }\n", "c", "h");
    language("std::vector<int> v; auto x = nullptr;\n", "cpp", "c++", "cc", "cxx", "hpp", "hh", "hxx");
    language("if [ -f x ]; then echo \"$HOME\"; fi\n", "bash", "sh", "shell", "console", "zsh", "ksh",
        "shell-session", "shellsession");
    language("{\"a\": [1, true, null]}\n", "json", "jsonc", "json5");
    language("key: value\nlist:\n  - 1\n", "yaml", "yml");
    language("[table]\nkey = \"value\"\n", "toml");
    language("<a href=\"x\">y</a>\n", "markup", "xml", "html", "xhtml", "svg", "mathml", "rss", "atom");
    language("a { color: red; }\n", "css");
    language("SELECT * FROM t WHERE a = 1;\n", "sql");
    language("FROM alpine:3\nRUN echo hi\n", "docker", "dockerfile");
    language("-a\n+b\n", "diff", "patch", "udiff");
  }

  @Test
  void everyRequiredLanguageAndAliasIsHighlighted() {
    List<String> required = List.of("java", "kotlin", "kt", "swift", "haskell", "hs", "javascript", "js",
        "typescript", "ts", "python", "py", "go", "golang", "rust", "rs", "c", "cpp", "c++", "bash", "sh",
        "shell", "console", "zsh", "json", "yaml", "yml", "toml", "xml", "html", "css", "sql", "dockerfile",
        "docker", "diff");
    List<String> all = NAMES.values().stream().flatMap(List::stream).toList();
    assertThat(all).containsAll(required);
    assertThat(all).containsExactlyInAnyOrderElementsOf(Highlighter.languages());
    for (Map.Entry<String, List<String>> e : NAMES.entrySet()) {
      for (String name : e.getValue()) {
        String html = markdown.toHtml(fence(name, SNIPPETS.get(e.getKey())));
        assertThat(html).as(name).startsWith("<pre><code class=\"language-" + name + "\">")
            .contains("<span class=\"token ");
      }
    }
  }

  @Test
  void highlightingInParallelGivesWhatOneThreadGives() {
    List<String> pages = new ArrayList<>();
    for (Map.Entry<String, String> e : SNIPPETS.entrySet()) {
      for (int i = 0; i < 8; i++) pages.add(fence(e.getKey(), e.getValue().repeat(i + 1)));
    }
    List<String> sequential = pages.stream().map(markdown::toHtml).toList();
    for (int round = 0; round < 3; round++) {
      List<String> parallel = IntStream.range(0, pages.size()).parallel()
          .mapToObj(i -> markdown.toHtml(pages.get(i))).toList();
      assertThat(parallel).isEqualTo(sequential);
    }
  }

  /**
   * WCAG AA: every colour of highlight.css (the starter's copy, on the class path) against the code
   * background of its theme, or the tinted background of inserted and deleted lines, is at least 4.5:1.
   */
  @Test
  void themeColoursHaveAaContrast() throws Exception {
    String css;
    try (var in = HighlightTest.class.getResourceAsStream("/io/sitegen/starter/assets/css/highlight.css")) {
      assertThat(in).isNotNull();
      css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Matcher themes = Pattern.compile(":root \\{([^}]*)\\}").matcher(css);
    List<Map<String, String>> found = new ArrayList<>();
    while (themes.find()) {
      Map<String, String> colours = new LinkedHashMap<>();
      Matcher m = Pattern.compile("--hl-([\\w-]+):\\s*(#[0-9a-f]{6});").matcher(themes.group(1));
      while (m.find()) colours.put(m.group(1), m.group(2));
      found.add(colours);
    }
    assertThat(found).hasSize(2); // light, then dark under prefers-color-scheme
    assertThat(css.indexOf("@media (prefers-color-scheme: dark)")).isBetween(css.indexOf(":root"), css.lastIndexOf(":root"));
    for (Map<String, String> colours : found) {
      assertThat(colours).containsKeys("bg", "text", "comment", "keyword", "string", "number", "inserted", "deleted");
      for (Map.Entry<String, String> c : colours.entrySet()) {
        if (c.getKey().endsWith("bg")) continue;
        String background = colours.getOrDefault(c.getKey() + "-bg", colours.get("bg"));
        assertThat(contrast(c.getValue(), background)).as(c + " on " + background).isGreaterThanOrEqualTo(4.5);
      }
    }
    assertThat(contrast("#57606a", "#f4f6f8")).isCloseTo(5.90, org.assertj.core.data.Offset.offset(0.01));
  }

  private static double contrast(String a, String b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  private static double luminance(String hex) {
    double[] c = new double[3];
    for (int i = 0; i < 3; i++) {
      double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
      c[i] = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }
}
