package io.sitegen.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitegen.problems.Problem;
import io.sitegen.problems.Problems;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteFilesTest {
  @TempDir
  Path root;

  @TempDir
  Path elsewhere;

  private SiteFiles files() {
    return new SiteFiles(root, List.of(root.resolve("content"), root.resolve("layouts")), List.of(root.resolve("_site")));
  }

  private Path write(String rel, String text) throws IOException {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, text);
  }

  @Test
  void listsRegularFilesSortedLeavingOutHiddenOnes() throws IOException {
    write("content/b.md", "b");
    write("content/a/x.txt", "x");
    write("content/.hidden.md", "h");
    write("content/.git/config", "c");
    write("content/a/.#x.md", "lock");
    Problems problems = new Problems();
    assertThat(files().list(root.resolve("content"), problems)).containsExactly("a/x.txt", "b.md");
    assertThat(problems.sorted()).isEmpty();
  }

  @Test
  void aFolderThatLinksBackIntoItselfIsALoopNotAHang() throws IOException {
    write("content/a.md", "a");
    Files.createSymbolicLink(root.resolve("content/again"), Path.of("."));
    Problems problems = new Problems();
    assertThat(files().list(root.resolve("content"), problems)).containsExactly("a.md");
    assertThat(problems.sorted()).extracting(Problem::toString)
        .containsExactly("content/again: cannot read: symlink loop");
  }

  @Test
  void aFifoIsNeverRead() throws Exception {
    write("content/a.md", "a");
    Process mkfifo = new ProcessBuilder("mkfifo", root.resolve("content/pipe.md").toString()).start();
    assertThat(mkfifo.waitFor()).isZero();
    assertThat(files().list(root.resolve("content"), new Problems())).containsExactly("a.md");
  }

  @Test
  void aSourceFolderThatIsItselfALinkOutIsRefused() throws IOException {
    Files.writeString(elsewhere.resolve("x.md"), "x");
    Files.createSymbolicLink(root.resolve("content"), elsewhere);
    Problems problems = new Problems();
    assertThat(files().list(root.resolve("content"), problems)).isEmpty();
    assertThat(problems.sorted()).extracting(Problem::toString)
        .containsExactly("content: symlink to a folder outside the site");
  }

  @Test
  void lookupConfinesNamesToTheirFolder() throws IOException {
    write("layouts/a.html", "a");
    write("layouts/.secret.html", "s");
    write("content/page.md", "p");
    Files.createSymbolicLink(root.resolve("layouts/linked.html"), Path.of("../content/page.md"));
    Files.createSymbolicLink(root.resolve("layouts/out.html"), Files.writeString(elsewhere.resolve("o"), "o"));
    Path layouts = root.resolve("layouts");
    SiteFiles files = files();
    assertThat(files.lookup(layouts, "layouts/a.html")).isEqualTo(SiteFiles.Lookup.FOUND);
    assertThat(files.lookup(layouts, "layouts/none.html")).isEqualTo(SiteFiles.Lookup.MISSING);
    assertThat(files.lookup(layouts, "layouts/../content/page.md")).isEqualTo(SiteFiles.Lookup.OUTSIDE);
    assertThat(files.lookup(layouts, "layouts/linked.html")).as("a link out of the folder").isEqualTo(SiteFiles.Lookup.OUTSIDE);
    assertThat(files.lookup(layouts, "layouts/out.html")).isEqualTo(SiteFiles.Lookup.OUTSIDE);
    assertThat(files.lookup(layouts, "layouts/.secret.html")).isEqualTo(SiteFiles.Lookup.OUTSIDE);
    assertThat(files.lookup(layouts, "/etc/passwd")).isEqualTo(SiteFiles.Lookup.OUTSIDE);
    assertThat(files.lookup(layouts, "layouts")).isEqualTo(SiteFiles.Lookup.OUTSIDE);
  }

  @Test
  void failuresAreDescribedInAFewWords() {
    assertThat(SiteFiles.describe(new AccessDeniedException("/x"))).isEqualTo("permission denied");
    assertThat(SiteFiles.describe(new FileSystemException("/x", null, "No space left on device")))
        .isEqualTo("no space left on device");
    assertThat(SiteFiles.describe(new FileSystemException("/x", null, "Read-only file system")))
        .isEqualTo("read-only file system");
  }
}
