package io.sitegen.content;

import io.sitegen.config.Languages;
import io.sitegen.problems.Problems;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The versions of each page in the site's languages: which page translates which, and whether a
 * translation fell behind its original. Made once per build from the published pages, after
 * {@link TranslationPattern#tag} gave each its language.
 */
public final class Translations {
  public static final Translations NONE = new Translations(Languages.NONE, Map.of(), Map.of(), Map.of());

  private final Languages languages;
  /**
   * Every version of a page, its original first, then by the order of languages; by the original's
   * site path as translations.pattern names it ({@code docs/guide.md}, for an original written
   * {@code docs/guide.en.md} in the default language).
   */
  private final Map<String, List<Page>> groups;
  /** The key of each page's group: its original's site path, as translations.pattern names it; by site path. */
  private final Map<String, String> keyOf;
  /** When each page was written or translated ({@code revision}, else {@code date}), by site path. */
  private final Map<String, Instant> revisions;

  private Translations(Languages languages, Map<String, List<Page>> groups, Map<String, String> keyOf,
      Map<String, Instant> revisions) {
    this.languages = languages;
    this.groups = groups;
    this.keyOf = keyOf;
    this.revisions = revisions;
  }

  /**
   * Groups the published pages by original. A path with an undeclared code where the pattern puts
   * a language, and two versions of a page in one language, are errors; a translation whose
   * original is not published, and a {@code revision} that is no date, are warnings.
   *
   * @param pages the pages this build publishes, each tagged by {@link TranslationPattern#tag}
   */
  public static Translations of(Languages languages, TranslationPattern pattern, Collection<Page> pages,
      Problems problems) {
    if (!languages.declared()) return NONE;
    Map<String, List<Page>> groups = new HashMap<>();
    Map<String, String> keyOf = new HashMap<>();
    Map<String, Instant> revisions = new HashMap<>();
    List<String> codes = languages.all().stream().map(Languages.Language::code).toList();
    for (Page p : pages) {
      Instant revision = revisionOf(p, problems);
      if (revision != null) revisions.put(p.relPath(), revision);
      if (p.original() != null) continue;
      String code = pattern.undeclaredCode(p.relPath());
      if (code != null) {
        problems.error(p.source(), 1, "'" + code + "' is where translations.pattern (" + languages.pattern()
            + ") puts a language, but site.yml declares no language " + code + " (languages: "
            + String.join(", ", codes) + "): declare it, or name the folder otherwise if it is no language");
      }
      String key = pattern.keyOf(p.relPath());
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
      keyOf.put(p.relPath(), key);
    }
    for (Page p : pages) {
      if (p.original() == null) continue;
      List<Page> group = groups.get(p.original());
      if (group == null) {
        problems.warning(p.source(), 1, "a translation (" + p.lang() + ") of " + p.original()
            + ", which the site does not publish; it is published as a page of its own");
        continue;
      }
      group.add(p);
      keyOf.put(p.relPath(), p.original());
    }
    Comparator<Page> order = Comparator.<Page>comparingInt(p -> p.original() == null ? -1 : codes.indexOf(p.lang()))
        .thenComparing(Page::relPath);
    for (Map.Entry<String, List<Page>> e : groups.entrySet()) {
      List<Page> group = e.getValue();
      group.sort(order);
      e.setValue(List.copyOf(group));
      Map<String, Page> byLang = new HashMap<>();
      for (Page p : group) {
        Page earlier = byLang.putIfAbsent(p.lang(), p);
        if (earlier != null) {
          problems.error(p.source(), 1, "a second version of " + group.get(0).relPath() + " in " + p.lang()
              + ": " + earlier.source() + " is one already");
        }
      }
    }
    return new Translations(languages, groups, keyOf, revisions);
  }

  /**
   * The original of each translation among {@code pages} that has one there, by the translation's
   * site path: drafts included, so that a translation of a draft can wait for it.
   */
  public static Map<String, Page> originalsAmong(TranslationPattern pattern, Collection<Page> pages) {
    Map<String, Page> byKey = new HashMap<>();
    for (Page p : pages) if (p.original() == null && p.lang() != null) byKey.putIfAbsent(pattern.keyOf(p.relPath()), p);
    Map<String, Page> originals = new HashMap<>();
    for (Page p : pages) {
      Page original = p.original() == null ? null : byKey.get(p.original());
      if (original != null) originals.put(p.relPath(), original);
    }
    return originals;
  }

  /**
   * Every published version of {@code page}, the original first and then by the order of
   * {@code languages}: one page alone when it has no translation.
   */
  public List<Page> versionsOf(Page page) {
    String key = keyOf.get(page.relPath());
    List<Page> group = key == null ? null : groups.get(key);
    return group == null ? List.of(page) : group;
  }

  /** Whether the page has another version than itself. */
  public boolean translated(Page page) {
    return versionsOf(page).size() > 1;
  }

  /** The original a translation translates, or null for an original (or a translation of nothing published). */
  public Page originalOf(Page page) {
    if (page.original() == null) return null;
    Page first = versionsOf(page).get(0); // a group is made by its original: it comes first
    return first == page ? null : first;
  }

  /** The version of {@code page} in {@code lang}, or null when it has none. */
  public Page in(Page page, String lang) {
    for (Page p : versionsOf(page)) if (p.lang() != null && p.lang().equals(lang)) return p;
    return null;
  }

  /** Whether a translation is older than its original, by their {@code revision} (else {@code date}). */
  public boolean outdated(Page page) {
    Page original = originalOf(page);
    if (original == null) return false;
    Instant theirs = revisions.get(original.relPath());
    Instant ours = revisions.get(page.relPath());
    return theirs != null && ours != null && theirs.isAfter(ours);
  }

  /** What {@code site check --translations} prints, per language other than the default. */
  public record Report(String lang, String name, int translated, List<Page> outdated, List<Page> missing) {}

  /** For each language but the default: its translations, those outdated, and the originals it lacks. */
  public List<Report> report() {
    List<Report> reports = new ArrayList<>();
    List<List<Page>> sorted = groups.values().stream()
        .sorted(Comparator.comparing(g -> g.get(0).relPath())).toList();
    for (Languages.Language language : languages.all().subList(Math.min(1, languages.all().size()),
        languages.all().size())) {
      int translated = 0;
      List<Page> outdated = new ArrayList<>();
      List<Page> missing = new ArrayList<>();
      for (List<Page> group : sorted) {
        Page version = null;
        for (Page p : group) if (language.code().equals(p.lang())) version = p;
        if (version == null) {
          if (group.get(0).original() == null) missing.add(group.get(0));
          continue;
        }
        translated++;
        if (outdated(version)) outdated.add(version);
      }
      reports.add(new Report(language.code(), language.name(), translated, outdated, missing));
    }
    return reports;
  }

  /** {@code 31.07.2023}; strictly, so that 31.02.2023 is no date rather than the 28th. */
  private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("d.M.uuuu")
      .withResolverStyle(java.time.format.ResolverStyle.STRICT);

  /**
   * When a page was written or translated: its {@code revision} ({@code 2023-07-31},
   * {@code 31.07.2023}, or an ISO date and time), else its date; null when it has neither. A
   * revision that is none of these is a warning at its line. Dates without an offset are read as UTC.
   */
  static Instant revisionOf(Page page, Problems problems) {
    Object raw = page.data().get("revision");
    if (raw == null) return page.date() == null ? null : page.date().toInstant();
    Instant at = parseRevision(String.valueOf(raw).trim());
    if (at == null) {
      problems.warning(page.source(), page.lineOf("revision"), "revision: '" + raw + "' is no date; write"
          + " 2023-07-31, 31.07.2023, 2023-07-31 10:00 or 2023-07-31T10:00:00Z");
    }
    return at;
  }

  /**
   * A revision as an instant, or null when it is no date of the forms {@link #revisionOf} reads:
   * any form of {@code date} ({@link PageReader#parseDate}), or a day written {@code 31.07.2023}.
   */
  static Instant parseRevision(String s) {
    try {
      return PageReader.parseDate(s).toInstant();
    } catch (java.time.DateTimeException e) {
      // another form
    }
    try {
      return LocalDate.parse(s, DOTTED).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }
}
