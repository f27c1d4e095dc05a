package org.glamibench.leaderboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.glamibench.files.Sha256;
import org.glamibench.run.RunFiles;
import org.glamibench.run.RunResult;

/**
 * The leaderboard: every run folder under a runs folder, verified ({@link RunVerifier}), grouped
 * into one {@link Board} per test set and ranked in tiers ({@link Tiers}); the runs that failed
 * verification are listed with their reasons and never ranked. Two folders hold the same run when
 * their run ids and their {@code predictions.csv} bytes are equal (e.g. a copied folder): the
 * first by folder name is ranked, the others are listed as its duplicates.
 *
 * @param boards     the boards, the real GLAMI-1M test split first, then by items scored
 * @param rejected   the run folders that are not ranked, by folder name
 * @param duplicates the verified run folders that hold a run already ranked from another folder,
 *                   by folder name
 */
public record Leaderboard(List<Board> boards, List<Rejection> rejected, List<Duplicate> duplicates) {
    /** The significance level of the tier rule. */
    public static final double ALPHA = 0.05;
    /** The folder of run folders in a results folder, when it has one. */
    public static final String RUNS = "runs";
    /** The file {@code eval} writes first in a run folder. */
    private static final String REQUEST_JSON = "request.json";
    /** Rows of the real GLAMI-1M test split (the paper says "100k"; the file has 116,004). */
    public static final int REAL_TEST_ROWS = 116_004;

    public Leaderboard {
        boards = List.copyOf(boards);
        rejected = List.copyOf(rejected);
        duplicates = List.copyOf(duplicates);
    }

    /** A leaderboard without duplicates. */
    public Leaderboard(List<Board> boards, List<Rejection> rejected) {
        this(boards, rejected, List.of());
    }

    /**
     * A run folder that is not ranked.
     *
     * @param folder the folder's name
     * @param reason why
     */
    public record Rejection(String folder, String reason) {
    }

    /**
     * A run folder that holds the same run as one ranked before it.
     *
     * @param folder   the folder's name
     * @param original the name of the folder whose run is ranked
     * @param runId    the run's id
     */
    public record Duplicate(String folder, String original, String runId) {
    }

    /**
     * Whether a run's dataset is the real GLAMI-1M test split. The real file's manifest hash is
     * not known to this project (the real data cannot be downloaded where it is built), so the
     * split is recognised by its name and size: a GLAMI-1M test split of exactly
     * {@value #REAL_TEST_ROWS} rows, every one scored. A synthetic sample of that size would pass
     * too.
     */
    public static boolean isRealTestSplit(RunResult.Dataset dataset) {
        return "GLAMI-1M".equals(dataset.name()) && "test".equals(dataset.split())
                && dataset.rows() == REAL_TEST_ROWS && dataset.scoredRows() == dataset.rows();
    }

    /**
     * Builds the leaderboard of the run folders in a folder (each a subfolder with run.json and its
     * predictions); none when the folder does not exist.
     *
     * @throws IOException when the folder cannot be listed
     */
    public static Leaderboard build(Path runsFolder, RunVerifier verifier, Throughputs throughputs) throws IOException {
        return build(subfolders(runsFolder), verifier, throughputs);
    }

    /**
     * The run folders of a results folder, by name: every subfolder of {@code results/runs} when
     * that exists (what {@code eval} writes by default); else the subfolders of {@code results}
     * that hold a run.json or a request.json, as {@code eval --out results} writes them.
     *
     * @throws IOException when a folder cannot be listed
     */
    public static List<Path> runFolders(Path results) throws IOException {
        Path runs = results.resolve(RUNS);
        if (Files.isDirectory(runs)) {
            return subfolders(runs);
        }
        return subfolders(results).stream().filter(folder -> Files.exists(folder.resolve(RunFiles.RUN_JSON))
                || Files.exists(folder.resolve(REQUEST_JSON))).toList();
    }

    /**
     * Builds the leaderboard of run folders (each with run.json and its predictions), taken in the
     * order given.
     */
    public static Leaderboard build(List<Path> folders, RunVerifier verifier, Throughputs throughputs) {
        Map<Board.Key, List<VerifiedRun>> byTestSet = new LinkedHashMap<>();
        List<Rejection> rejected = new ArrayList<>();
        List<Duplicate> duplicates = new ArrayList<>();
        Map<List<String>, String> firstFolderOfRun = new HashMap<>();
        for (Path folder : folders) {
            String name = folder.getFileName().toString();
            try {
                VerifiedRun run = verifier.verify(folder);
                String original = firstFolderOfRun.putIfAbsent(List.of(run.runId(), predictionsSha256(folder)), name);
                if (original != null) {
                    duplicates.add(new Duplicate(name, original, run.runId()));
                    continue;
                }
                RunResult.Dataset d = run.result().dataset();
                byTestSet.computeIfAbsent(new Board.Key(d.manifestSha256(), d.classIndexSha256(),
                        run.outcomes().itemSetSha256()), key -> new ArrayList<>()).add(run);
            } catch (RunRejectedException e) {
                rejected.add(new Rejection(name, e.getMessage()));
            }
        }
        List<Board> boards = new ArrayList<>();
        byTestSet.forEach((key, runs) -> boards.add(rank(key, runs, throughputs)));
        boards.sort(Comparator.comparing((Board b) -> !b.realTestSplit())
                .thenComparing(b -> -b.dataset().scoredRows())
                .thenComparing(b -> b.key().manifestSha256())
                .thenComparing(b -> b.key().itemSetSha256()));
        return new Leaderboard(boards, rejected, duplicates);
    }

    private static List<Path> subfolders(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(Files::isDirectory).sorted().toList();
        }
    }

    private static String predictionsSha256(Path folder) throws RunRejectedException {
        try {
            return Sha256.hexOfFile(folder.resolve("predictions.csv"));
        } catch (IOException e) {
            throw new RunRejectedException("predictions.csv cannot be read: " + e.getMessage());
        }
    }

    /** Ranks the runs of one test set: by top-1, best first (ties by run id), in tiers. */
    static Board rank(Board.Key key, List<VerifiedRun> runs, Throughputs throughputs) {
        List<VerifiedRun> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingLong((VerifiedRun r) -> -r.outcomes().hits()).thenComparing(VerifiedRun::runId));
        List<Tiers.Placement> placements = Tiers.assign(sorted.stream().map(VerifiedRun::outcomes).toList(), ALPHA);
        List<Board.Entry> entries = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Tiers.Placement placement = placements.get(i);
            VerifiedRun run = sorted.get(i);
            entries.add(new Board.Entry(run, placement,
                    placement.comparedTo() < 0 ? null : sorted.get(placement.comparedTo()).runId(),
                    throughputs.atBoardBatch(run.result()).orElse(null)));
        }
        boolean real = isRealTestSplit(sorted.get(0).result().dataset());
        return new Board(key, real, entries, real ? PaperResult.PAPER : List.of());
    }
}
