package org.glamibench.published;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The engine that runs the image trunk; the docking layers and the head always run on PyTorch. */
public enum ImageEngine {
    /** DJL's PyTorch engine, on the network's device. */
    PYTORCH("pytorch"),
    /** ONNX Runtime on the CPU, from an ONNX graph written from the checkpoint's folded weights. */
    ONNXRUNTIME("onnxruntime");

    private final String label;

    ImageEngine(String label) {
        this.label = label;
    }

    /** The name used on command lines and in result files. */
    public String label() {
        return label;
    }

    /**
     * The engine with this label.
     *
     * @throws IllegalArgumentException when no engine has it; the message lists the labels
     */
    public static ImageEngine ofLabel(String label) {
        for (ImageEngine engine : values()) {
            if (engine.label.equals(label)) {
                return engine;
            }
        }
        throw new IllegalArgumentException("unknown image engine '" + label + "'; known: "
                + Arrays.stream(values()).map(ImageEngine::label).collect(Collectors.joining(", ")));
    }
}
