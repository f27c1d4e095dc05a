package org.glamibench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.glamibench.dataset.ClassIndex;
import org.glamibench.dataset.ClassIndexCollector;
import org.glamibench.dataset.DatasetException;
import org.glamibench.dataset.DatasetLayout;
import org.glamibench.dataset.GlamiCsvReader;
import org.glamibench.dataset.GlamiRow;
import org.glamibench.dataset.Split;
import org.glamibench.dataset.SplitReader;
import org.glamibench.dataset.TestManifest;
import org.glamibench.files.JsonFiles;
import org.glamibench.files.Sha256;
import org.glamibench.harness.Evaluation;
import org.glamibench.leakage.ImageHashCache;
import org.glamibench.leakage.LeakageFile;
import org.glamibench.leakage.LeakageFinder;
import org.glamibench.leakage.LeakageResult;
import org.glamibench.leakage.PhotoHasher;
import org.glamibench.progress.ProgressMeter;
import org.glamibench.progress.ProgressOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code glami-bench leakage}: near-duplicate photos and identical texts between the test and train splits. */
@Command(name = "leakage", mixinStandardHelpOptions = true,
        description = {"Finds, for each test item, train items with a near-duplicate photo (64-bit DCT hashes within "
                + "Hamming distance D, of like colours) or the same normalised name and description, and groups of "
                + "duplicates inside the test split.",
            "Writes leakage.json, leakage.md and charts to --out, by default results/leakage/<manifest prefix>/, where "
                + "report, compare and leaderboard find them. See docs/leakage.md."})
final class LeakageCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private DataOptions dataOptions;

    @Option(names = "--json", description = "Print the summary as one JSON object on standard output.")
    private boolean json;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for the files (default: results/leakage/<manifest prefix>).")
    private Path out;

    @Option(names = "--max-distance", paramLabel = "D", defaultValue = "" + LeakageFinder.DEFAULT_MAX_DISTANCE,
            description = "Largest Hamming distance of twin photos, 0..64 (default: ${DEFAULT-VALUE}).")
    private int maxDistance;

    @Option(names = "--threads", paramLabel = "N", description = "Threads hashing images (default: the number of cores).")
    private int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (maxDistance < 0 || maxDistance > 64) {
            throw new ParameterException(spec.commandLine(),
                    "--max-distance is a Hamming distance, 0..64, not " + maxDistance);
        }
        DatasetLayout layout = dataOptions.layout();
        ProgressOutput progress = ProgressOutput.of(spec.commandLine().getErr());
        ClassIndex classIndex = ClassIndexCollector.read(layout, dataOptions.mode());
        List<GlamiRow> train = read(layout, Split.TRAIN, null, dataOptions.mode());
        TestManifest.Builder manifest = new TestManifest.Builder(false);
        List<GlamiRow> test = read(layout, Split.TEST, classIndex, dataOptions.mode());
        test.forEach(manifest::add);
        String manifestSha256 = manifest.build().sha256();

        LinkedHashSet<Long> images = new LinkedHashSet<>();
        train.forEach(row -> images.add(row.imageId()));
        test.forEach(row -> images.add(row.imageId()));
        Path cacheFile = Evaluation.defaultCache(System.getenv()).resolve("leakage")
                .resolve("photo-signatures-" + Sha256.hexOf(layout.imagesDir().toAbsolutePath().normalize().toString()
                        .getBytes(StandardCharsets.UTF_8)).substring(0, 16) + ".bin");
        ImageHashCache cache = ImageHashCache.open(cacheFile);
        PhotoHasher.Signatures signatures;
        try (ProgressMeter meter = progress.meter("hashing photos", ProgressMeter.Unit.count("images"), images.size(), 0)) {
            signatures = PhotoHasher.hash(layout, new ArrayList<>(images), cache, Options.positive("--threads", threads),
                    () -> meter.add(1));
        }
        cache.save();
        progress.println(String.format(Locale.ROOT, "photos: %,d hashed, %,d from the cache (%s), %,d missing or unreadable",
                signatures.hashed(), signatures.cached(), cacheFile, signatures.unreadable()));
        LeakageResult result;
        try (ProgressMeter meter = progress.meter("searching twins", ProgressMeter.Unit.count("photos"),
                ProgressMeter.UNKNOWN_TOTAL, 0)) {
            result = LeakageFinder.find(train, test, signatures.signatures(), maxDistance, manifestSha256,
                    () -> meter.add(1));
        }
        Path folder = out != null ? out : LeakageFile.defaultFolder(Path.of("results"), manifestSha256);
        List<Path> written = LeakageFiles.write(folder, result);
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            stdout.println(JsonFiles.MAPPER.writeValueAsString(result.summary()));
        } else {
            stdout.printf(Locale.ROOT, "%,d of %,d test items leaked (photo twin within %d or text twin in train); "
                    + "%,d test duplicate groups%n", result.leakedItems(), result.testItems(), maxDistance,
                    result.testDuplicateGroups().size());
            written.forEach(path -> stdout.println("written " + path));
        }
        stdout.flush();
        return 0;
    }

    /** The split's rows, as {@code eval} reads them (the test split against the class index). */
    private static List<GlamiRow> read(DatasetLayout layout, Split split, ClassIndex classIndex, GlamiCsvReader.Mode mode) {
        List<GlamiRow> rows = new ArrayList<>();
        if (!Files.exists(layout.csv(split)) && split == Split.TRAIN) {
            throw new DatasetException(layout.csv(split) + ": no train split: leakage needs both splits");
        }
        try (SplitReader reader = SplitReader.open(layout, split, classIndex, mode)) {
            for (GlamiRow row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
        }
        return rows;
    }
}
