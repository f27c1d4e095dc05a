package org.glamibench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.glamibench.dataset.DatasetLayout;
import org.glamibench.progress.ProgressMeter;
import org.glamibench.progress.ProgressOutput;
import org.glamibench.sample.SampleGenerator;
import org.glamibench.sample.SampleOptions;
import org.glamibench.sample.SampleSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code glami-bench sample}: writes a synthetic dataset in the GLAMI-1M layout. */
@Command(name = "sample",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Writes a synthetic dataset in the GLAMI-1M layout.",
            "DIR/GLAMI-1M-dataset/ gets GLAMI-1M-train.csv, GLAMI-1M-test.csv, images/<image_id>.jpg "
                    + "(228x298 RGB JPEG) and a README.txt saying that the data is synthetic.",
            "Made-up texts in the 13 languages and drawn product images carry a learnable but imperfect "
                    + "signal; the same options always give byte-identical files. See docs/sample-data.md."
        })
public final class SampleCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Folder to write GLAMI-1M-dataset/ into; created if missing.")
    private Path out;

    @Option(names = "--train", paramLabel = "N", defaultValue = "" + SampleOptions.DEFAULT_TRAIN_ROWS,
            description = "Train rows, 1 to 10,000,000 (default: ${DEFAULT-VALUE}).")
    private int train;

    @Option(names = "--test", paramLabel = "N", defaultValue = "" + SampleOptions.DEFAULT_TEST_ROWS,
            description = "Test rows, 1 to 10,000,000 (default: ${DEFAULT-VALUE}).")
    private int test;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + SampleOptions.DEFAULT_SEED,
            description = "Random seed; the output depends only on seed, sizes and --no-images (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--no-images", description = "Write the CSVs only, no images/ folder (fast, for large sizes).")
    private boolean noImages;

    @Option(names = "--threads", paramLabel = "T",
            description = "Threads writing images (default: available processors, at most 4). Does not change the output.")
    private Integer threads;

    @Option(names = "--force", description = "Replace an existing DIR/GLAMI-1M-dataset folder.")
    private boolean force;

    @Option(names = "--distinct-photos",
            description = "Give every photo its own placement, scale, colours and background texture (the product stays "
                    + "recognisable), so that near-duplicate photos can be told from look-alikes (see docs/leakage.md).")
    private boolean distinctPhotos;

    @Option(names = "--plant-twins", paramLabel = "N", defaultValue = "0",
            description = "Make N test items twins of train items (re-encoded, resized or 5%%-cropped copies of their "
                    + "photos, or copies of their texts), listed in GLAMI-1M-dataset/PLANTED-TWINS.csv (default: none).")
    private int plantTwins;

    @Override
    public Integer call() throws Exception {
        if (noImages && (distinctPhotos || plantTwins > 0)) {
            throw new ParameterException(spec.commandLine(), (distinctPhotos ? "--distinct-photos" : "--plant-twins")
                    + " makes photos: give it without --no-images");
        }
        SampleOptions options;
        try {
            options = new SampleOptions(train, test, seed, !noImages,
                    threads != null ? threads : SampleOptions.defaultThreads(), force, distinctPhotos, plantTwins);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new ParameterException(spec.commandLine(), "--out " + out + " is not a folder");
        }
        Path target = out.resolve(DatasetLayout.FOLDER_NAME);
        if (Files.exists(target) && !force) {
            throw new ParameterException(spec.commandLine(),
                    target + " already exists; use --force to replace it");
        }
        SampleSummary summary = generate(out, options, ProgressOutput.of(spec.commandLine().getErr()));
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(summary.describe());
        stdout.flush();
        return 0;
    }

    /** Generates a sample, with a progress meter of the images written. */
    static SampleSummary generate(Path out, SampleOptions options, ProgressOutput progress) throws IOException {
        ProgressMeter[] meter = {null};
        try {
            return SampleGenerator.generate(out, options, (done, total) -> {
                if (meter[0] == null) {
                    meter[0] = progress.meter("sample images", ProgressMeter.Unit.count("images"), total, 0);
                }
                meter[0].add(done - meter[0].done());
            });
        } finally {
            if (meter[0] != null) {
                meter[0].close();
            }
        }
    }
}
