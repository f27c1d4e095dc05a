package org.glamibench.eval;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.glamibench.adapter.DeviceSpec;
import org.glamibench.dataset.GlamiCsvReader;
import org.glamibench.dataset.Split;

/**
 * How to run one evaluation.
 *
 * @param split          the split to score
 * @param batch          items per {@code predict} call, at least 1
 * @param threads        input pipeline threads, at least 1
 * @param limit          score only the first N items; null for no limit
 * @param subset         score a geo-stratified subset of N items; null for all (exclusive with limit)
 * @param seed           the run seed: subset draw and adapters' randomness
 * @param device         the device asked for
 * @param saveScores     store every item's full probability vector in scores.npy
 * @param failFast       stop at the first input or adapter error instead of recording it
 * @param force          redo a completed run, replacing it
 * @param adapterOptions {@code --adapter-option} pairs
 * @param cacheDir       the adapters' cache folder
 * @param rowMode        strict or lenient reading of the split
 */
public record EvaluationSettings(Split split, int batch, int threads, Integer limit, Integer subset, long seed,
                                 DeviceSpec device, boolean saveScores, boolean failFast, boolean force,
                                 Map<String, String> adapterOptions, Path cacheDir, GlamiCsvReader.Mode rowMode) {

    /** @throws IllegalArgumentException for a value out of range or both limit and subset */
    public EvaluationSettings {
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(cacheDir, "cacheDir");
        Objects.requireNonNull(rowMode, "rowMode");
        adapterOptions = Map.copyOf(adapterOptions);
        atLeastOne("--batch", batch);
        atLeastOne("--threads", threads);
        if (limit != null && subset != null) {
            throw new IllegalArgumentException("--limit and --subset exclude each other");
        }
        if (limit != null) {
            atLeastOne("--limit", limit);
        }
        if (subset != null) {
            atLeastOne("--subset", subset);
        }
    }

    private static void atLeastOne(String option, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(option + " must be at least 1, got " + value);
        }
    }

    /** Whether a limit or subset is set and asks for at least as many items as a split of that size holds. */
    public boolean selectionCovers(int items) {
        Integer size = limit != null ? limit : subset;
        return size != null && size >= items;
    }

    /** The limit or subset as its option, e.g. {@code --limit 50}; null when neither is set. */
    public String selection() {
        return limit != null ? "--limit " + limit : subset != null ? "--subset " + subset : null;
    }

    /** These settings without a limit or subset: a full run. */
    public EvaluationSettings withoutSelection() {
        return new EvaluationSettings(split, batch, threads, null, null, seed, device, saveScores, failFast, force,
                adapterOptions, cacheDir, rowMode);
    }
}
