package org.glamibench.leaderboard.page;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.glamibench.dataset.Geo;
import org.glamibench.files.FileTrees;
import org.glamibench.leaderboard.Board;
import org.glamibench.leaderboard.Leaderboard;
import org.glamibench.leaderboard.PaperResult;
import org.glamibench.leaderboard.RunVerifier;
import org.glamibench.leaderboard.Throughputs;
import org.glamibench.metrics.MetricReport;
import org.glamibench.metrics.TopKAccuracy;
import org.glamibench.registry.Isolation;
import org.glamibench.leakage.CleanSubsetScore;
import org.glamibench.leakage.LeakageFile;
import org.glamibench.run.RunResult;
import org.glamibench.store.StoredPredictions;
import org.glamibench.stats.Interval;
import org.glamibench.run.ThroughputMeasurement;

/**
 * Writes a {@link Leaderboard} as {@code README.md} and a static {@code index.html} with the same
 * content, and their charts as PNG files in {@code charts/} beside them. The pages hold no time
 * stamp, so the same runs always give the same pages.
 */
public final class LeaderboardPage {
    /** The Markdown page. */
    public static final String MARKDOWN = "README.md";
    /** The HTML page. */
    public static final String HTML = "index.html";
    /** The charts' folder, beside the pages; replaced as a whole on every write. */
    public static final String CHARTS = "charts";
    /** What the command owns in its output folder, replaced together. */
    private static final List<String> OWNED = List.of(MARKDOWN, HTML, CHARTS);

    /** How a run of a jar's adapter that ran without the sandbox is marked beside its run id. */
    public static final String NOT_SANDBOXED = "(not sandboxed)";

    private static final String TITLE = "GLAMI-1M leaderboard";

    private LeaderboardPage() {
    }

    /**
     * Writes the pages and charts into a folder (created when absent). The command owns only
     * {@value #MARKDOWN}, {@value #HTML} and {@value #CHARTS}/ there: it writes all three into a
     * temporary sibling folder first, then moves the old ones aside, the new ones in, and deletes
     * the old ones; so a failure leaves the old board whole (or no board where there was none),
     * never new charts beside stale pages. Anything else in the folder is left alone.
     *
     * @param runsLabel how the pages name the runs folder, e.g. {@code results/runs}
     * @param command   the command that regenerates the pages, shown on them
     * @return the files written, as they lie in {@code out} once swapped in
     * @throws IOException when writing or swapping fails; the old board is then in place
     */
    public static List<Path> write(Leaderboard leaderboard, Path out, String runsLabel, String command) throws IOException {
        return write(leaderboard, out, runsLabel, command, manifest -> null);
    }

    /**
     * As {@link #write(Leaderboard, Path, String, String)}, and a board whose test split has a
     * leakage file ({@code leakage} gives it by manifest hash, or null) gets two more columns: top-1
     * on the clean test items with its 95% interval, and top-1 on the leaked ones.
     */
    public static List<Path> write(Leaderboard leaderboard, Path out, String runsLabel, String command,
                                   Function<String, LeakageFile> leakage) throws IOException {
        Files.createDirectories(out);
        Path folder = out.toAbsolutePath().normalize();
        Path staged = Files.createTempDirectory(folder.getParent(), "." + folder.getFileName() + "-new-");
        Path aside = null;
        try {
            List<Path> written = new ArrayList<>();
            for (Path file : writeInto(leaderboard, staged, runsLabel, command, leakage)) {
                written.add(out.resolve(staged.relativize(file)));
            }
            aside = Files.createTempDirectory(folder.getParent(), "." + folder.getFileName() + "-old-");
            swap(staged, folder, aside);
            return written;
        } finally {
            FileTrees.delete(staged);
            if (aside != null) {
                FileTrees.delete(aside);
            }
        }
    }

    /** Moves the owned entries of {@code folder} into {@code aside}, then those of {@code staged} into {@code folder}; undone on failure. */
    static void swap(Path staged, Path folder, Path aside) throws IOException {
        List<String> movedAside = new ArrayList<>();
        List<String> movedIn = new ArrayList<>();
        try {
            for (String name : OWNED) {
                if (Files.exists(folder.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                    Files.move(folder.resolve(name), aside.resolve(name));
                    movedAside.add(name);
                }
            }
            for (String name : OWNED) {
                Files.move(staged.resolve(name), folder.resolve(name));
                movedIn.add(name);
            }
        } catch (IOException e) {
            try {
                for (String name : movedIn) {
                    Files.move(folder.resolve(name), staged.resolve(name));
                }
                for (String name : movedAside) {
                    Files.move(aside.resolve(name), folder.resolve(name));
                }
            } catch (IOException undo) {
                e.addSuppressed(undo);
            }
            throw new IOException("cannot swap the new board into " + folder + " (the old one is kept): " + e, e);
        }
    }

    private static List<Path> writeInto(Leaderboard leaderboard, Path out, String runsLabel, String command,
                                        Function<String, LeakageFile> leakage) throws IOException {
        Path charts = Files.createDirectories(out.resolve(CHARTS));
        List<Path> written = new ArrayList<>();
        Page page = new Page().heading(1, TITLE, null);
        long ranked = leaderboard.boards().stream().mapToLong(b -> b.entries().size()).sum();
        page.paragraph(String.format(Locale.ROOT, "Built by %s from the run folders in %s: %d %s ranked on %d %s, "
                        + "%d rejected%s. Generated: do not edit; regenerate with %s.", Page.code("glami-bench leaderboard"),
                Page.code(runsLabel), ranked, ranked == 1 ? "run" : "runs", leaderboard.boards().size(),
                leaderboard.boards().size() == 1 ? "board" : "boards", leaderboard.rejected().size(),
                leaderboard.duplicates().isEmpty() ? "" : ", " + leaderboard.duplicates().size()
                        + (leaderboard.duplicates().size() == 1 ? " duplicate" : " duplicates"), Page.code(command)));
        if (leaderboard.boards().isEmpty()) {
            page.paragraph("No verified run yet. Evaluate a model with " + Page.code("glami-bench eval") + " (it writes "
                    + Page.code("results/runs/<run-id>/") + ") and regenerate this page.");
        }
        for (Board board : leaderboard.boards()) {
            written.addAll(board(page, board, charts, leakage.apply(board.key().manifestSha256())));
        }
        page.heading(2, "Rejected runs", "rejected");
        if (leaderboard.rejected().isEmpty()) {
            page.paragraph("None: every run folder passed verification.");
        } else {
            page.paragraph("These run folders failed verification and are not ranked.");
            List<List<String>> rows = new ArrayList<>();
            leaderboard.rejected().forEach(r -> rows.add(List.of(Page.code(r.folder()), Page.code(r.reason()))));
            page.table(List.of("run folder", "reason"), rows);
        }
        if (!leaderboard.duplicates().isEmpty()) {
            page.heading(2, "Duplicate runs", "duplicates");
            page.paragraph("These run folders hold the same run (same run id, same predictions.csv) as a folder before "
                    + "them by name, e.g. a copy: that one is ranked, these are not.");
            List<List<String>> rows = new ArrayList<>();
            leaderboard.duplicates().forEach(d -> rows.add(List.of(Page.code(d.folder()), Page.code(d.runId()),
                    Page.code(d.original()))));
            page.table(List.of("run folder", "run", "same run as"), rows);
        }
        method(page);
        Path markdown = out.resolve(MARKDOWN);
        Files.writeString(markdown, page.markdown(), StandardCharsets.UTF_8);
        Path html = out.resolve(HTML);
        Files.writeString(html, page.html(TITLE), StandardCharsets.UTF_8);
        written.add(0, html);
        written.add(0, markdown);
        return written;
    }

    private static List<Path> board(Page page, Board board, Path charts, LeakageFile leakage) throws IOException {
        RunResult.Dataset d = board.dataset();
        page.heading(2, board.title(), "board-" + board.slug());
        if (board.realTestSplit()) {
            page.paragraph("**The real GLAMI-1M test split.** Recognised by the dataset name and its "
                    + String.format(Locale.ROOT, "%,d", Leaderboard.REAL_TEST_ROWS) + " rows, all scored: the manifest "
                    + "hash of the real test CSV is not known to this project, because the real data cannot be "
                    + "downloaded where it is built (a synthetic sample of the same size would be recognised too). "
                    + "The paper's results follow the ranked runs, marked \"" + PaperResult.NOTE + "\".");
        } else {
            page.paragraph("Not the real GLAMI-1M test split (" + String.format(Locale.ROOT, "%,d", d.rows())
                    + " rows, e.g. a built-in sample): its numbers are comparable with each other only, not with the paper's.");
        }
        page.paragraph("Manifest " + Page.code(board.key().manifestSha256()) + ", class index "
                + Page.code(board.key().classIndexSha256()) + " (" + d.classes() + " classes), scored items "
                + Page.code(board.key().itemSetSha256().substring(0, 16)) + ".");
        List<List<String>> rows = new ArrayList<>();
        for (Board.Entry entry : board.entries()) {
            rows.add(leakage == null ? row(entry) : withCleanColumns(row(entry), clean(entry, leakage)));
        }
        for (PaperResult reference : board.references()) {
            rows.add(leakage == null ? row(reference) : withCleanColumns(row(reference), List.of("", "")));
        }
        List<String> columns = List.of("tier", "model", "run", "top-1 (95% CI)", "top-5", "macro F1", "worst geo", "best geo",
                "ECE", "items/s @32", "parameters", "modality", "date", "harness");
        if (leakage != null) {
            page.paragraph("**Clean subset.** " + Page.code(leakage.file().toString()) + " (" + Page.code("glami-bench leakage")
                    + ") marks " + String.format(Locale.ROOT, "%,d", leakage.leaked().size()) + " test items as leaked: a "
                    + "train item has a twin photo (Hamming distance at most " + leakage.maxDistance() + ", like colours) "
                    + "or the same normalised name and description. \"clean top-1\" is top-1 on the other items, with "
                    + "its 95% bootstrap interval; \"leaked top-1\" on the leaked ones.");
            columns = withCleanColumns(columns, List.of("clean top-1 (95% CI)", "leaked top-1"));
        }
        page.table(columns, rows);

        List<Path> written = new ArrayList<>();
        Path top1 = BoardCharts.top1(board, charts.resolve(board.slug() + "-top1"));
        Path perGeo = BoardCharts.perGeo(board, charts.resolve(board.slug() + "-per-geo"));
        Optional<Path> throughput = BoardCharts.accuracyVsThroughput(board, charts.resolve(board.slug() + "-throughput"));
        page.image(CHARTS + "/" + top1.getFileName(), "top-1 with its 95% interval per model");
        page.image(CHARTS + "/" + perGeo.getFileName(), "top-1 per geo per model");
        written.add(top1);
        written.add(perGeo);
        if (throughput.isPresent()) {
            page.image(CHARTS + "/" + throughput.get().getFileName(), "top-1 against throughput at batch 32");
            written.add(throughput.get());
        } else {
            page.paragraph("No chart of accuracy against throughput: no model on this board has a throughput "
                    + "measurement at batch 32 in " + Page.code("results/benchmarks/") + ".");
        }
        if (board.entries().size() > 1) {
            page.paragraph("How the tiers were cut: each run against the leader of its tier (exact two-sided McNemar "
                    + "test on the items exactly one of the two gets right; p corrected as described below).");
            List<List<String>> comparisons = new ArrayList<>();
            for (Board.Entry entry : board.entries()) {
                if (entry.comparedTo() == null) {
                    continue;
                }
                comparisons.add(List.of(Page.code(entry.run().runId()), Page.code(entry.comparedTo()),
                        Long.toString(entry.placement().leaderOnly()), Long.toString(entry.placement().modelOnly()),
                        pValue(entry.placement().pValue()), pValue(entry.placement().corrected()),
                        entry.placement().opensTier() ? "significant: opens tier " + entry.placement().tier()
                                : "not significant: stays in tier " + entry.placement().tier()));
            }
            page.table(List.of("run", "tier leader", "leader only right", "run only right", "p", "p corrected",
                    "decision"), comparisons);
        }
        return written;
    }

    private static List<String> row(Board.Entry entry) {
        RunResult r = entry.run().result();
        MetricReport m = entry.run().metrics();
        Interval ci = entry.run().top1Interval();
        ThroughputMeasurement t = entry.throughput();
        return List.of(Integer.toString(entry.placement().tier()), model(r.adapter()),
                Page.code(r.runId()) + (sandboxed(r) ? "" : " " + NOT_SANDBOXED), rate(m.top1()) + " (" + rate(ci.lower()) + "–" + rate(ci.upper()) + ")",
                rate(m.top5()), rate(m.macroF1()), extremeGeo(m.perGeo(), false), extremeGeo(m.perGeo(), true),
                rate(m.ece()), t == null ? "" : String.format(Locale.ROOT, "%,.0f (%s)", t.itemsPerSecond(), t.device()),
                parameters(r.adapter().parameterCount()), modality(r.adapter().modality()),
                r.created().length() >= 10 ? r.created().substring(0, 10) : r.created(),
                r.provenance().harnessVersion());
    }

    /** The cells of a run's clean and leaked top-1. */
    private static List<String> clean(Board.Entry entry, LeakageFile leakage) {
        CleanSubsetScore score = CleanSubsetScore.of(entry.run().result(), StoredPredictions.read(entry.run().folder()), leakage);
        Interval c = score.cleanTop1();
        Interval l = score.leakedTop1();
        return List.of(c == null ? "n/a" : rate(c.estimate()) + " (" + rate(c.lower()) + "–" + rate(c.upper()) + ")",
                l == null ? "n/a" : rate(l.estimate()));
    }

    /** {@code cells} with {@code clean} inserted after the top-1 column. */
    private static List<String> withCleanColumns(List<String> cells, List<String> clean) {
        List<String> all = new ArrayList<>(cells.subList(0, 4));
        all.addAll(clean);
        all.addAll(cells.subList(4, cells.size()));
        return all;
    }

    /** Whether the run's code was contained: a built-in adapter, or a jar's adapter in the sandbox. */
    private static boolean sandboxed(RunResult run) {
        return run.adapter().jar() == null || Isolation.Level.CHILD_SANDBOX.label().equals(run.settings().isolation());
    }

    private static List<String> row(PaperResult reference) {
        String worst = "";
        String best = "";
        if (!reference.perGeoTop1().isEmpty()) {
            Map.Entry<Geo, Double> low = null;
            Map.Entry<Geo, Double> high = null;
            for (Map.Entry<Geo, Double> e : reference.perGeoTop1().entrySet()) {
                low = low == null || e.getValue() < low.getValue() ? e : low;
                high = high == null || e.getValue() > high.getValue() ? e : high;
            }
            worst = low.getKey().code() + " " + paperRate(low.getValue());
            best = high.getKey().code() + " " + paperRate(high.getValue());
        }
        return List.of("—", reference.label(), PaperResult.NOTE, paperRate(reference.top1()),
                paperRate(reference.top5()), "", worst, best, "", "", "", modality(reference.modality()), "2022", "");
    }

    /** The adapter's name and version, e.g. {@code prior v1}. */
    private static String model(RunResult.Adapter adapter) {
        String version = adapter.version();
        return adapter.name() + " " + (version.matches("\\d.*") ? "v" + version : version);
    }

    private static String extremeGeo(Map<Geo, TopKAccuracy> perGeo, boolean best) {
        Geo chosen = null;
        for (Map.Entry<Geo, TopKAccuracy> e : perGeo.entrySet()) {
            double top1 = e.getValue().top1();
            if (chosen == null || (best ? top1 > perGeo.get(chosen).top1() : top1 < perGeo.get(chosen).top1())) {
                chosen = e.getKey();
            }
        }
        return chosen == null ? "" : chosen.code() + " " + rate(perGeo.get(chosen).top1());
    }

    private static String rate(double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%.4f", value);
    }

    private static String paperRate(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** A p-value; one below the smallest double shows as {@code < 1e-300}. */
    private static String pValue(double p) {
        if (p < 1e-300) {
            return "< 1e-300";
        }
        return p < 1e-4 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.4f", p);
    }

    private static String parameters(Long count) {
        if (count == null) {
            return "—";
        }
        if (count >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.1fB", count / 1e9);
        }
        if (count >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.1fM", count / 1e6);
        }
        if (count >= 10_000L) {
            return String.format(Locale.ROOT, "%.0fK", count / 1e3);
        }
        return String.format(Locale.ROOT, "%,d", count);
    }

    private static String modality(String modality) {
        return switch (modality) {
            case "IMAGE" -> "image";
            case "TEXT" -> "text";
            case "IMAGE_TEXT" -> "image + text";
            case "NONE" -> "none";
            default -> modality;
        };
    }

    private static void method(Page page) {
        page.heading(2, "How this board is made", "method");
        page.bullets(List.of(
                "**Verified before ranked.** Every run folder is checked: its run.json must match the harness's "
                        + Page.code("run.schema.json") + "; its " + Page.code("predictions.csv") + " must be there, "
                        + "finished and well formed; and every headline number of run.json (items, hits, statuses and "
                        + "errors exactly; top-1, top-5, macro and weighted F1, balanced accuracy, ECE, NLL, Brier, "
                        + "per geo, and the bootstrap intervals within " + String.format(Locale.ROOT, "%.0e", RunVerifier.RATE_TOLERANCE)
                        + ") must equal "
                        + "the value recomputed from the stored predictions and their labels. A run that fails any "
                        + "check is listed under Rejected runs with the reason, never ranked. With "
                        + Page.code("--data DIR") + " the stored labels are also checked item by item against that "
                        + "dataset's test split.",
                "**One board per test set.** Runs are ranked together only when they share the test split's manifest "
                        + "hash, the class index hash and the set of scored items: a sample, a subset or another "
                        + "dataset version gets its own board, never a mixed one.",
                "**Tiers, not ranks.** Runs are sorted by top-1 (ties by run id). The first opens tier 1 and leads it; "
                        + "each following run is compared with the leader of the current tier by the exact two-sided "
                        + "McNemar test on the items exactly one of the two gets right. With n runs there are m = n − 1 "
                        + "comparisons; each p-value is multiplied by m − s, s being the number of significant "
                        + "comparisons before it (Holm's step-down correction, in walking order). A corrected p below "
                        + Leaderboard.ALPHA + " opens a new tier led by that run; otherwise the run joins the current "
                        + "tier. Runs in one tier are not significantly different from their leader.",
                "**Columns.** top-1 with its 95% percentile bootstrap interval (resampled within each geo, from "
                        + "run.json's " + Page.code("metrics.confidence_intervals") + ", recomputed to check it); top-5; "
                        + "macro F1; the geos with the lowest and highest top-1; ECE (only for runs that stored full "
                        + "scores); throughput at batch 32 from " + Page.code("results/benchmarks/*/throughput.json")
                        + " (written by " + Page.code("mvn verify -Pbenchmark") + ") when the "
                        + "adapter was benchmarked, else blank; the adapter's parameter count and modality; the run's "
                        + "date and harness version.",
                "**Sandbox.** A run of an adapter from a jar that did not run in the sandbox (run.json's "
                        + Page.code("settings.isolation") + " is not " + Page.code(Isolation.Level.CHILD_SANDBOX.label())
                        + ", e.g. run with " + Page.code("--no-sandbox") + " or where bubblewrap could not run) is "
                        + "marked \"" + NOT_SANDBOXED + "\": its code could read the test split's labels and use the "
                        + "network. Built-in adapters are the harness's own code and run in process.",
                "**Reference rows.** On the real test split the paper's published top-1 and top-5 appear as rows marked "
                        + "\"" + PaperResult.NOTE + "\": they have no stored predictions, so they are neither verified "
                        + "nor ranked."));
    }
}
