package org.glamibench.eval;

import java.nio.file.Path;
import java.util.List;
import org.glamibench.dataset.ClassIndex;
import org.glamibench.dataset.DatasetLayout;
import org.glamibench.dataset.GlamiRow;
import org.glamibench.progress.ProgressOutput;
import org.glamibench.registry.AdapterRegistry;

/**
 * What a {@link Scorer} is asked to score: the batches of one evaluation, formed from the items not
 * yet stored exactly as a local run forms them.
 *
 * @param runDir     the run folder the outcomes go into
 * @param layout     the dataset
 * @param entry      the adapter, as resolved from the run's options
 * @param classIndex the class index scores are over
 * @param settings   the run's settings (its adapter options are the resolved ones)
 * @param batches    the batches to score, in split order, each of at most {@code settings.batch()} items
 * @param progress   where status lines go
 */
public record ScoringJob(Path runDir, DatasetLayout layout, AdapterRegistry.Entry entry, ClassIndex classIndex,
                         EvaluationSettings settings, List<List<GlamiRow>> batches, ProgressOutput progress) {
    public ScoringJob {
        batches = List.copyOf(batches);
    }

    /** Items in all batches. */
    public long items() {
        return batches.stream().mapToLong(List::size).sum();
    }
}
