package io.sitegen.training;

import io.sitegen.cli.Main;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The training run of the {@code site} launcher, run once with the JVM recording a class archive
 * (CDS before JDK 24, AOT cache from 24): builds the sample site, for its layouts, then a generated
 * site of {@link TrainingCorpus}, so that the archive holds what a build of many posts loads and
 * links, not only what nine pages need.
 *
 * <pre>java -cp generator.jar io.sitegen.training.Train SAMPLE_SITE WORK_DIR [POSTS]</pre>
 *
 * Output goes nowhere; WORK_DIR is left for the caller to delete.
 */
public final class Train {
  /** Posts in the generated site; see the launcher for how the number was chosen. */
  static final int POSTS = 500;

  private Train() {}

  public static void main(String[] args) throws IOException {
    Path work = Path.of(args[1]);
    int posts = args.length > 2 ? Integer.parseInt(args[2]) : POSTS;
    Path corpus = work.resolve("corpus");
    TrainingCorpus.write(corpus, posts);
    PrintWriter quiet = new PrintWriter(OutputStream.nullOutputStream());
    int status = 0;
    // the sample site, or, for an installed copy that has none, the starter of site init
    Path sample = Path.of(args[0]);
    if (!Files.isDirectory(sample.resolve("content"))) {
      sample = work.resolve("starter");
      Main.run(new String[] {"init", "-q", sample.toString()}, quiet, quiet);
    }
    status |= Main.run(new String[] {"build", "-q", "-s", sample.toString(), "-o", work.resolve("out-sample").toString()},
        quiet, quiet);
    status |= Main.run(new String[] {"build", "-q", "-s", corpus.toString(), "-o", work.resolve("out").toString()},
        new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    System.exit(status);
  }
}
