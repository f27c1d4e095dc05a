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
     * Scores every batch of the job and hands the outcomes to {@code store}, each batch's outcomes
     * in its rows' order. Batches may be handed over in any grouping and order; the store puts
     * them in the job's order for a byte-identical run only if they come in that order, so a
     * scorer hands them over in the job's batch order.
     *
     * @param store takes outcomes from one thread at a time; it may throw (a fail-fast item), which
     *              ends the scoring
     * @return what was scored, and how
     * @throws RequestRefusedException when the adapter refuses its options or device
     * @throws EvaluationException     when the adapter cannot open otherwise or scoring fails
     */
    ScoringReport score(ScoringJob job, Consumer<List<ScoredOutcome>> store) throws InterruptedException;
}
