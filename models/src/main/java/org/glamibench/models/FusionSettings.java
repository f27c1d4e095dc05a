package org.glamibench.models;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.ArrayList;
import java.util.List;
import org.glamibench.models.input.LabelSourceCode;
import org.glamibench.models.nn.Batches;
import org.glamibench.models.nn.EmbraceNetBlock;
import org.glamibench.models.nn.FusionBlock;
import org.glamibench.models.nn.Networks;

/**
 * The EmbraceNet model, as {@code model.json} records it: the image and text models' trunks,
 * docking layers of {@code dockSize}, label_source as a third modality or not, and how the
 * encoders were trained.
 *
 * @param image       the image trunk's settings
 * @param text        the text trunk's settings
 * @param dockSize    docked features (512 in the paper)
 * @param labelSource whether the label_source one-hot is a third modality
 * @param encoders    {@link #FROZEN} or {@link #END_TO_END}
 */
public record FusionSettings(ImageSettings image, TextSettings text, int dockSize, boolean labelSource,
                             String encoders) {

    /** Encoders taken from the trained image and text models, only the fusion trained (the default). */
    public static final String FROZEN = "frozen";
    /** Encoders initialised from the trained models and trained on with the fusion. */
    public static final String END_TO_END = "end-to-end";
    /** Docked features, as in the paper. */
    public static final int DEFAULT_DOCK_SIZE = 512;

    public FusionSettings {
        if (!FROZEN.equals(encoders) && !END_TO_END.equals(encoders)) {
            throw new IllegalArgumentException("encoders must be " + FROZEN + " or " + END_TO_END + ", got " + encoders);
        }
        if (dockSize < 1) {
            throw new IllegalArgumentException("dock size must be at least 1, got " + dockSize);
        }
    }

    /** Number of modalities: 2, or 3 with label_source. */
    public int modalities() {
        return labelSource ? 3 : 2;
    }

    /** A fresh, uninitialised model. */
    public FusionBlock newBlock(int classes) {
        return newBlock(Networks.trunkOf(image.newClassifier(classes)), Networks.trunkOf(text.newClassifier(classes)),
                classes);
    }

    /** A model around given (e.g. trained) trunks and a fresh fusion. */
    public FusionBlock newBlock(Block imageTrunk, Block textTrunk, int classes) {
        return new FusionBlock(imageTrunk, textTrunk, new EmbraceNetBlock(modalities(), dockSize, classes), labelSource);
    }

    /** The shapes a model is initialised with (batch 1). */
    public Shape[] inputShapes() {
        List<Shape> shapes = new ArrayList<>(List.of(image.inputShapes()));
        shapes.addAll(List.of(text.inputShapes()));
        if (labelSource) {
            shapes.add(new Shape(1, LabelSourceCode.VALUES.size()));
        }
        return shapes.toArray(Shape[]::new);
    }

    /** The model inputs of a batch (without draws): image, ids, mask, and the label-source one-hot when used. */
    public NDList batch(NDManager manager, List<FusionInput> items) {
        List<float[]> images = new ArrayList<>(items.size());
        List<int[]> ids = new ArrayList<>(items.size());
        int[] sources = new int[items.size()];
        for (int i = 0; i < items.size(); i++) {
            images.add(items.get(i).image());
            ids.add(items.get(i).ids());
            sources[i] = items.get(i).labelSource();
        }
        NDList inputs = image.batch(manager, images);
        inputs.addAll(text.batch(manager, ids));
        if (labelSource) {
            inputs.add(Batches.oneHots(manager, sources, LabelSourceCode.VALUES.size()));
        }
        return inputs;
    }

    /** One line for model.json and descriptors. */
    public String architecture(int classes) {
        return "EmbraceNet over [" + image.architecture(classes).replaceAll(", Linear .*", "") + "] and ["
                + text.architecture(classes).replaceAll(", Linear .*", "") + "]" + (labelSource ? " and label_source" : "")
                + ": docking Linear->" + dockSize + "+ReLU per modality, per-feature modality selection, Linear "
                + dockSize + "->" + classes + "; encoders " + encoders;
    }
}
