package org.glamibench.models.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam (Kingma and Ba, 2015), as PyTorch's {@code torch.optim.Adam} with default betas and
 * epsilon, over the parameters of a block that require gradients; its state (step count and
 * moments) can be saved and restored, so a resumed training continues exactly where it stopped
 * (DJL's own Adam keeps its state private). After each step the gradients are zeroed, since
 * PyTorch accumulates them. Weights are updated in place through a detached view sharing their
 * storage: PyTorch's grad mode is per thread (on by default, off only on the thread that loaded
 * the engine), and an in-place change of a leaf that requires a gradient fails in grad mode.
 */
final class Adam {
    static final float BETA1 = 0.9f;
    static final float BETA2 = 0.999f;
    static final float EPSILON = 1e-8f;

    private final List<Parameter> parameters;
    private final float learningRate;
    private final List<NDArray> means = new ArrayList<>();
    private final List<NDArray> variances = new ArrayList<>();
    private long steps;

    /** @param parameters the parameters to train, in a fixed order (that of the block) */
    Adam(List<Parameter> parameters, float learningRate) {
        this.parameters = List.copyOf(parameters);
        this.learningRate = learningRate;
        for (Parameter parameter : this.parameters) {
            NDArray weight = parameter.getArray();
            means.add(weight.zerosLike());
            variances.add(weight.zerosLike());
        }
    }

    /** One update of every parameter from its gradient; zeroes the gradients. */
    void step() {
        steps++;
        double correction1 = 1 - Math.pow(BETA1, (double) steps);
        double correction2 = 1 - Math.pow(BETA2, (double) steps);
        float stepSize = (float) (learningRate / correction1);
        float rootCorrection2 = (float) Math.sqrt(correction2);
        for (int i = 0; i < parameters.size(); i++) {
            NDArray weight = parameters.get(i).getArray();
            NDArray mean = means.get(i);
            NDArray variance = variances.get(i);
            try (NDManager scope = weight.getManager().newSubManager()) {
                NDArray gradient = weight.getGradient();
                gradient.attach(scope);
                mean.muli(BETA1).addi(gradient.mul(1 - BETA1));
                variance.muli(BETA2).addi(gradient.square().muli(1 - BETA2));
                NDArray denominator = variance.sqrt();
                denominator.attach(scope);
                denominator.divi(rootCorrection2).addi(EPSILON);
                NDArray update = mean.div(denominator);
                update.attach(scope);
                NDArray storage = weight.stopGradient();
                storage.attach(scope);
                storage.subi(update.muli(stepSize));
                gradient.subi(gradient);
            }
        }
    }

    /** Updates done so far. */
    long steps() {
        return steps;
    }

    /** The moments, means then variances, in parameter order. */
    NDList moments() {
        NDList moments = new NDList(means);
        moments.addAll(variances);
        return moments;
    }

    /**
     * Restores a state saved with {@link #steps()} and {@link #moments()}.
     *
     * @throws IllegalArgumentException when the moments do not fit the parameters
     */
    void restore(long savedSteps, NDList savedMoments) {
        if (savedMoments.size() != 2 * parameters.size()) {
            throw new IllegalArgumentException("optimizer state holds " + savedMoments.size() + " moments for "
                    + parameters.size() + " parameters");
        }
        for (int i = 0; i < parameters.size(); i++) {
            copy(savedMoments.get(i), means.get(i), parameters.get(i));
            copy(savedMoments.get(parameters.size() + i), variances.get(i), parameters.get(i));
        }
        steps = savedSteps;
    }

    /** A one-line description for model.json. */
    String describe() {
        return "Adam lr " + learningRate + ", betas " + BETA1 + "/" + BETA2 + ", eps " + EPSILON
                + " (PyTorch's update rule), no weight decay";
    }

    private static void copy(NDArray from, NDArray to, Parameter parameter) {
        if (!from.getShape().equals(to.getShape())) {
            throw new IllegalArgumentException("optimizer state of " + parameter.getName() + " has shape "
                    + from.getShape() + ", the parameter " + to.getShape());
        }
        to.set(from.toFloatArray());
    }
}
