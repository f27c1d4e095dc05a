package org.glamibench.models.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What one model kind contributes to {@link ModelTrainer}: its network, the part of it that is
 * trained, how a row becomes an example (on worker threads) and how examples become a batch.
 *
 * @param <E> a prepared example
 */
interface TrainingTask<E> extends ExampleSource<E>, AutoCloseable {

    /** The whole network, saved to model.params; initialised or loaded. */
    Block network();

    /** The part trained: forward over {@link #inputs} gives the logits. The whole network or a part of it. */
    Block trained();

    /**
     * The inputs of {@link #trained()} for a batch, created in {@code manager}.
     *
     * @param draws one generator per example for the modality draws of EmbraceNet while
     *              training; null at validation (and ignored by models without draws)
     */
    NDList inputs(NDManager manager, List<E> examples, List<SplittableRandom> draws);

    /** Whether {@link #inputs} uses draws; false unless a task says otherwise. */
    default boolean usesDraws() {
        return false;
    }

    /** The settings record written to model.json. */
    Object settings();

    /** One line describing the network. */
    String architecture();

    /** One line per input describing its preprocessing. */
    List<String> preprocessing();

    /** The models this one is built on: their model.json SHA-256 by kind; empty (the default) when none. */
    default Map<String, String> inputModels() {
        return Map.of();
    }

    /** Releases what the task holds besides the trainer's manager (e.g. loaded models); nothing by default. */
    @Override
    default void close() {
    }
}
