package org.glamibench.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.glamibench.adapter.AdapterContext;
import org.glamibench.adapter.AdapterDescriptor;
import org.glamibench.registry.AdapterCallException;
import org.glamibench.registry.AdapterRegistry;
import org.glamibench.adapter.ModelAdapter;
import org.glamibench.adapter.OutputKind;
import org.glamibench.registry.ScoreCheck;
import org.glamibench.dataset.ClassIndex;
import org.glamibench.dataset.DatasetLayout;
import org.glamibench.dataset.GlamiCsvReader;
import org.glamibench.dataset.GlamiRow;
import org.glamibench.dataset.Split;
import org.glamibench.dataset.SplitReader;
import org.glamibench.store.ItemStatus;

/**
 * Checks an adapter before it scores anything: it opens, keeps its descriptor, prepares a probe
 * batch of test items (images decoded when it reads images), and its {@code predict} keeps the
 * output contract ({@link ScoreCheck}), gives the same scores for the same batch twice and for an
 * item wherever it stands in a batch (reversed, and with an item twice: answers are not looked up
 * by position), within a time budget per batch; then it closes. A failed step ends the checks of
 * that adapter (after which it is still closed).
 */
public final class AdapterValidator {
    /** Items in the probe batch by default. */
    public static final int PROBE_ITEMS = 16;
    /** How far two scores of the same item may be apart, relative to their size (at least 1). */
    static final double SAME_SCORE_TOLERANCE = 1e-5;

    private final AdapterRegistry.Entry entry;
    private final DatasetLayout layout;
    private final int budgetSeconds;
    private final List<Check> checks = new ArrayList<>();
    private double slowestSeconds;

    /** The made-up option an adapter is opened with to see that it refuses unknown options. */
    public static final String PROBE_OPTION = "glami-bench-probe-unknown";

    /**
     * One line of the checklist.
     *
     * @param adapter the adapter checked; null for a check of the jar
     * @param name    what was checked
     * @param passed  whether it passed
     * @param warning whether it passed with a warning: something to fix that does not fail the check
     * @param detail  what was found
     */
    public record Check(String adapter, String name, boolean passed, boolean warning, String detail) {
        /** A check without a warning. */
        public Check(String adapter, String name, boolean passed, String detail) {
            this(adapter, name, passed, false, detail);
        }
    }

    private AdapterValidator(AdapterRegistry.Entry entry, DatasetLayout layout, int budgetSeconds) {
        this.entry = entry;
        this.layout = layout;
        this.budgetSeconds = budgetSeconds;
    }

    /**
     * The probe items: {@code size} items of the test split, stratified by geo with the seed.
     *
     * @throws org.glamibench.dataset.DatasetException for unusable data
     */
    public static List<GlamiRow> probe(DatasetLayout layout, ClassIndex classIndex, GlamiCsvReader.Mode mode, int size,
                                       long seed) {
        List<GlamiRow> rows = new ArrayList<>();
        try (SplitReader reader = SplitReader.open(layout, Split.TEST, classIndex, mode)) {
            for (GlamiRow row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
        }
        return ItemSelection.stratified(rows, size, seed);
    }

    /**
     * Checks one adapter on the probe items.
     *
     * @param budgetSeconds the longest a probe batch may take
     * @return the checklist, in order
     */
    public static List<Check> validate(AdapterRegistry.Entry entry, DatasetLayout layout, List<GlamiRow> probe,
                                       AdapterContext context, int budgetSeconds) throws InterruptedException {
        AdapterValidator validator = new AdapterValidator(entry, layout, budgetSeconds);
        validator.run(probe, context);
        return validator.checks;
    }

    @SuppressWarnings("unchecked")
    private <P> void run(List<GlamiRow> probe, AdapterContext context) throws InterruptedException {
        ModelAdapter<P> adapter = (ModelAdapter<P>) entry.factory().get();
        boolean opened = false;
        try {
            opened = open(adapter, context);
            if (opened) {
                List<P> inputs = prepare(adapter, probe);
                if (inputs != null) {
                    score(adapter, inputs, context.classIndex().size());
                }
            }
        } finally {
            try {
                adapter.close();
                pass("close", "closed");
            } catch (Exception | LinkageError e) {
                fail("close", "close threw " + e);
            }
        }
        if (opened) {
            unknownOption(context);
        }
    }

    /** Opens a fresh adapter with a made-up option: it should refuse it; a warning when it does not. */
    private void unknownOption(AdapterContext context) {
        String check = "unknown options";
        Map<String, String> options = new LinkedHashMap<>(context.options());
        options.put(PROBE_OPTION, "1");
        ModelAdapter<?> adapter = entry.factory().get();
        try {
            adapter.descriptor(options);
            adapter.open(new AdapterContext(context.classIndex(), context.device(), context.cacheDir(), options,
                    context.seed(), context.trainCsv(), context.progress()));
            checks.add(new Check(entry.descriptor().name(), check, true, true, "accepted the made-up option "
                    + PROBE_OPTION + "=1: an adapter should refuse option keys it does not know (an "
                    + "IllegalArgumentException naming the key), so that a misspelt option is not ignored"));
        } catch (Exception | LinkageError e) {
            pass(check, "refused the made-up option " + PROBE_OPTION + "=1: " + e.getMessage());
        } finally {
            try {
                adapter.close();
            } catch (Exception | LinkageError e) {
                fail(check, "close threw " + e);
            }
        }
    }

    private boolean open(ModelAdapter<?> adapter, AdapterContext context) {
        AdapterDescriptor listed = entry.descriptor();
        long start = System.nanoTime();
        try {
            adapter.open(context);
        } catch (Exception | LinkageError e) {
            fail("open", e instanceof AdapterCallException call && !call.adapterThrew() ? call.getMessage() : "open threw " + e);
            return false;
        }
        pass("open", String.format(Locale.ROOT, "opened in %.2f s", seconds(System.nanoTime() - start)));
        AdapterDescriptor opened = adapter.descriptor();
        if (!listed.equals(opened)) {
            fail("descriptor", "changed by open: " + listed + " before, " + opened + " after");
            return false;
        }
        pass("descriptor", describe(opened) + "; the same before and after open");
        return true;
    }

    private <P> List<P> prepare(ModelAdapter<P> adapter, List<GlamiRow> probe) throws InterruptedException {
        PreparedBatch<P> batch;
        try (InputPipeline<P> pipeline = new InputPipeline<>(List.of(probe), layout, adapter, null, 1)) {
            batch = pipeline.next();
        }
        List<P> inputs = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (int i = 0; i < probe.size(); i++) {
            ItemFailure failure = batch.failures().get(i);
            if (failure == null) {
                inputs.add(batch.prepared().get(i));
            } else if (failure.status() == ItemStatus.ADAPTER_ERROR) {
                fail("prepare", "item " + (i + 1) + " of the probe: " + withoutAdapterName(failure.message()));
                return null;
            } else {
                unreadable.add(failure.message());
            }
        }
        if (inputs.isEmpty()) {
            fail("prepare", "no probe item has a readable input: " + String.join("; ", unreadable));
            return null;
        }
        boolean images = entry.descriptor().modality().readsImage();
        pass("prepare", inputs.size() + " items of the test split prepared" + (images ? ", images decoded" : "")
                + (unreadable.isEmpty() ? "" : "; left out for unreadable images: " + String.join("; ", unreadable)));
        return inputs;
    }

    private <P> void score(ModelAdapter<P> adapter, List<P> inputs, int classes) {
        OutputKind output = entry.descriptor().output();
        float[][] first = predict(adapter, inputs, "output contract");
        if (first == null || !contractKept(first, inputs.size(), classes, output)) {
            return;
        }
        pass("output contract", first.length + " score vectors of " + classes + " finite scores"
                + (output == OutputKind.PROBABILITIES ? ", probabilities in [0, 1] summing to 1 within "
                + ScoreCheck.SUM_TOLERANCE : ", logits (the harness applies softmax)"));

        float[][] again = predict(adapter, inputs, "same input twice");
        if (again == null || !contractKept(again, inputs.size(), classes, output)) {
            return;
        }
        compare("same input twice", first, again, position -> position,
                "the same batch again gave the same scores", "the same batch gave other scores the second time");

        int n = inputs.size();
        List<P> reordered = new ArrayList<>(n + 1);
        for (int i = n - 1; i >= 0; i--) {
            reordered.add(inputs.get(i));
        }
        reordered.add(inputs.get(0));
        float[][] moved = predict(adapter, reordered, "order and duplicates");
        if (moved == null || !contractKept(moved, n + 1, classes, output)) {
            return;
        }
        compare("order and duplicates", first, moved, position -> position == n ? 0 : n - 1 - position,
                "the batch reversed, with its first item also last: every item kept its scores",
                "an item got other scores when it moved in the batch or came twice (are answers looked up by position?)");

        boolean inBudget = slowestSeconds <= budgetSeconds;
        String timing = String.format(Locale.ROOT, "slowest of 3 batches of %d to %d items: %.3f s (budget %d s)", n,
                n + 1, slowestSeconds, budgetSeconds);
        if (inBudget) {
            pass("time per batch", timing);
        } else {
            fail("time per batch", timing);
        }
    }

    /** The adapter's scores, or null after recording the failure under the check's name. */
    private <P> float[][] predict(ModelAdapter<P> adapter, List<P> inputs, String check) {
        long start = System.nanoTime();
        try {
            return adapter.predict(inputs);
        } catch (AdapterCallException e) {
            fail(check, e.getMessage());
        } catch (Exception | LinkageError | StackOverflowError e) {
            fail(check, "predict threw " + e);
        } finally {
            slowestSeconds = Math.max(slowestSeconds, seconds(System.nanoTime() - start));
        }
        return null;
    }

    private boolean contractKept(float[][] scores, int items, int classes, OutputKind output) {
        String problem = ScoreCheck.batchProblem(scores, items);
        for (int i = 0; problem == null && i < scores.length; i++) {
            String itemProblem = ScoreCheck.itemProblem(scores[i], classes, output);
            if (itemProblem != null) {
                problem = "item " + (i + 1) + " of " + items + ": " + itemProblem;
            }
        }
        if (problem != null) {
            fail("output contract", problem);
            return false;
        }
        return true;
    }

    /** Where each position of a later batch should find its scores in the first batch. */
    private interface Origin {
        int of(int position);
    }

    private void compare(String check, float[][] first, float[][] later, Origin origin, String same, String different) {
        double largest = 0;
        for (int position = 0; position < later.length; position++) {
            float[] expected = first[origin.of(position)];
            for (int c = 0; c < expected.length; c++) {
                double difference = Math.abs(expected[c] - later[position][c]);
                if (difference > SAME_SCORE_TOLERANCE * Math.max(1, Math.max(Math.abs(expected[c]), Math.abs(later[position][c])))) {
                    fail(check, String.format(Locale.ROOT, "%s: item %d, class %d: %s in the first batch, %s at position %d",
                            different, origin.of(position) + 1, c, expected[c], later[position][c], position + 1));
                    return;
                }
                largest = Math.max(largest, difference);
            }
        }
        pass(check, same + " (largest difference " + (float) largest + ")");
    }

    private static String describe(AdapterDescriptor d) {
        return d.name() + " " + d.version() + ", " + d.modality() + ", " + d.output()
                + ", licence " + (d.license() == null ? "not stated" : d.license())
                + ", " + (d.parameterCount() == null ? "parameter count not stated" : String.format(Locale.ROOT, "%,d parameters", d.parameterCount()))
                + (d.weightsSha256() == null ? "" : ", weights sha256 " + d.weightsSha256());
    }

    private String withoutAdapterName(String message) {
        String prefix = "adapter " + entry.descriptor().name() + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private void pass(String name, String detail) {
        checks.add(new Check(entry.descriptor().name(), name, true, detail));
    }

    private void fail(String name, String detail) {
        checks.add(new Check(entry.descriptor().name(), name, false, detail));
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
