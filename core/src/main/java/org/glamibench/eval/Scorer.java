package org.glamibench.eval;

import java.util.List;
import java.util.function.Consumer;

/**
 * Where an evaluation's batches are scored: in this JVM ({@link Evaluator#IN_THIS_JVM}) or spread
 * over other machines. The {@link Evaluator} reads the split, chooses the items and forms the
 * batches; a scorer only turns them into outcomes, so every scorer stores the same predictions.
 */
public interface Scorer {
    /**
     * Scores every batch of the job and hands each batch's outcomes to {@code store} once, in its
     * rows' order, batch after batch in the job's order: the order of predictions.csv, which is
     * then byte-identical whatever the scorer.
     *
     * @param store takes outcomes from one thread at a time; it may throw (a fail-fast item), which
     *              ends the scoring
     * @return what was scored, and how
     * @throws RequestRefusedException when the adapter refuses its options or device
     * @throws EvaluationException     when the adapter cannot open otherwise or scoring fails
     */
    ScoringReport score(ScoringJob job, Consumer<List<ScoredOutcome>> store) throws InterruptedException;
}
