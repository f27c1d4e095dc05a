package org.glamibench.models.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.file.Path;

/**
 * How a training gets its network's parameters: freshly initialised from the seed, or loaded
 * from the checkpoint of an interrupted training of the same request.
 *
 * @param manager   owns the parameters
 * @param seed      seeds the engine's generator before a fresh initialisation
 * @param modelDir  the model folder
 * @param resume    the checkpoint to resume from; null to start fresh
 */
record NetworkStart(NDManager manager, long seed, Path modelDir, Checkpoint resume) {

    /** The network, its parameters initialised or loaded; every parameter needing a gradient gets one. */
    Block begin(Block network, Shape... inputShapes) {
        if (resume == null) {
            Engine.getInstance().setRandomSeed((int) (seed ^ (seed >>> 32)));
            network.initialize(manager, DataType.FLOAT32, inputShapes);
        } else {
            resume.loadNetwork(modelDir, network, manager);
        }
        for (Pair<String, Parameter> parameter : network.getParameters()) {
            if (parameter.getValue().requiresGradient()) {
                parameter.getValue().getArray().setRequiresGradient(true);
            }
        }
        return network;
    }
}
