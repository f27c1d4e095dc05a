package org.glamibench.published;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.ParameterStore;
import ai.djl.translate.NoopTranslator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.glamibench.onnx.OnnxModelWriter;
import org.glamibench.onnx.OnnxModelWriter.Attribute;

/**
 * The {@link ResNeXt50} trunk on ONNX Runtime (CPU): its folded weights are written as an ONNX graph
 * (opset 13, IR version 7; input {@value #INPUT} float [N, 3, 298, 228] with N symbolic, output
 * {@value #OUTPUT} float [N, 2048]; Conv with the folded bias, Relu, MaxPool, Add, GlobalAveragePool,
 * Flatten) to a temporary file, which DJL's OnnxRuntime engine loads and which is deleted once loaded.
 * It takes {@value #IMAGES_PER_PASS} photos per run: on our 2-core machines, eval at batch 32 ran 13.0
 * items/s so (12.7 with 1, 12.8 with 2, 11.8 with 8) against 7.9 with all 32 in one run. Not
 * thread-safe.
 */
final class OnnxTrunk implements ImageTrunk {
    /** The graph's input. */
    static final String INPUT = "image";
    /** The graph's output. */
    static final String OUTPUT = "features";
    /** The operator set the graph is written for. */
    static final long OPSET = 13;
    /** The ONNX IR version of the file. */
    static final long IR_VERSION = 7;
    /** Photos per session run. */
    static final int IMAGES_PER_PASS = 4;

    private final ZooModel<NDList, NDList> model;

    private OnnxTrunk(ZooModel<NDList, NDList> model) {
        this.model = model;
    }

    /**
     * Writes the trunk as ONNX and loads it with ONNX Runtime on {@code device}: a GPU goes through
     * ONNX Runtime's CUDA provider, and a provider that cannot start (no cuDNN 9, another CUDA) fails
     * the load, never a quiet run on the CPU.
     *
     * @param checkpoint the file the trunk was read from, for messages
     * @throws UncheckedIOException  when the temporary file cannot be written
     * @throws IllegalStateException when ONNX Runtime or its CUDA provider cannot start, or refuses the graph
     */
    static OnnxTrunk load(ResNeXt50 trunk, Path checkpoint, Device device) {
        Path file;
        try {
            file = Files.createTempFile("glami-resnext50-", ".onnx");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file for the ONNX image trunk: " + e.getMessage(),
                    e);
        }
        try {
            try {
                graph(trunk).write(file, IR_VERSION, OPSET, "glami-bench");
            } catch (IOException e) {
                throw new UncheckedIOException(file + ": cannot write the ONNX image trunk of " + checkpoint + ": "
                        + e.getMessage(), e);
            }
            Criteria<NDList, NDList> criteria = Criteria.builder().setTypes(NDList.class, NDList.class)
                    .optModelPath(file).optEngine("OnnxRuntime").optDevice(device)
                    .optTranslator(new NoopTranslator()).build();
            return new OnnxTrunk(criteria.loadModel());
        } catch (ModelNotFoundException | MalformedModelException | IOException | EngineException | LinkageError e) {
            throw new IllegalStateException("ONNX Runtime cannot load the image trunk written from " + checkpoint
                    + " on " + device + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                System.err.println("warning: " + file + ": cannot delete: " + e.getMessage());
            }
        }
    }

    /** The ONNX graph of the trunk; node outputs are named after the layers. */
    static OnnxModelWriter graph(ResNeXt50 trunk) {
        OnnxModelWriter graph = new OnnxModelWriter("resnext50_32x4d");
        graph.input(INPUT, "N", 3, GlamiEmbraceNet.IMAGE_HEIGHT, GlamiEmbraceNet.IMAGE_WIDTH);
        String x = conv(graph, "stem", trunk.stem(), INPUT);
        x = relu(graph, x);
        long pool = ResNeXt50.POOL_PADDING;
        graph.node("MaxPool", List.of(x), "stem.pool",
                Attribute.integers("kernel_shape", ResNeXt50.POOL_KERNEL, ResNeXt50.POOL_KERNEL),
                Attribute.integers("pads", pool, pool, pool, pool),
                Attribute.integers("strides", ResNeXt50.POOL_STRIDE, ResNeXt50.POOL_STRIDE));
        x = "stem.pool";
        for (int i = 0; i < trunk.blocks().size(); i++) {
            ResNeXt50.Bottleneck block = trunk.blocks().get(i);
            String at = "block" + i;
            String identity = block.shortcut() == null ? x : conv(graph, at + ".shortcut", block.shortcut(), x);
            String y = relu(graph, conv(graph, at + ".reduce", block.reduce(), x));
            y = relu(graph, conv(graph, at + ".grouped", block.grouped(), y));
            y = conv(graph, at + ".expand", block.expand(), y);
            graph.node("Add", List.of(y, identity), at + ".sum");
            x = relu(graph, at + ".sum");
        }
        graph.node("GlobalAveragePool", List.of(x), "pooled");
        graph.node("Flatten", List.of("pooled"), OUTPUT, Attribute.integer("axis", 1));
        graph.output(OUTPUT, "N", ResNeXt50.FEATURES);
        return graph;
    }

    private static String conv(OnnxModelWriter graph, String name, FoldedConv conv, String input) {
        graph.initializer(name + ".weight", conv.weight(), conv.weightShape());
        graph.initializer(name + ".bias", conv.bias(), conv.out());
        long k = conv.kernel();
        long s = conv.stride();
        long p = conv.padding();
        graph.node("Conv", List.of(input, name + ".weight", name + ".bias"), name,
                Attribute.integer("group", conv.groups()), Attribute.integers("kernel_shape", k, k),
                Attribute.integers("pads", p, p, p, p), Attribute.integers("strides", s, s),
                Attribute.integers("dilations", 1, 1));
        return name;
    }

    private static String relu(OnnxModelWriter graph, String input) {
        String output = input + ".relu";
        graph.node("Relu", List.of(input), output);
        return output;
    }

    /** {@value #IMAGES_PER_PASS}. */
    @Override
    public int imagesPerPass() {
        return IMAGES_PER_PASS;
    }

    /** @throws IllegalStateException when ONNX Runtime fails or returns another shape than [N, 2048] */
    @Override
    public NDArray features(NDManager scope, float[][] imagesChw) {
        int n = imagesChw.length;
        float[] pooled;
        try (NDManager session = model.getNDManager().newSubManager()) {
            NDArray images = session.create(GlamiEmbraceNet.flatten(imagesChw),
                    new Shape(n, 3, GlamiEmbraceNet.IMAGE_HEIGHT, GlamiEmbraceNet.IMAGE_WIDTH));
            images.setName(INPUT);
            NDList outputs = model.getBlock().forward(new ParameterStore(session, false), new NDList(images), false);
            NDArray features = outputs.singletonOrThrow();
            if (!features.getShape().equals(new Shape(n, ResNeXt50.FEATURES))) {
                throw new IllegalStateException("the ONNX image trunk returned " + features.getShape() + " for " + n
                        + " images, not (" + n + ", " + ResNeXt50.FEATURES + ")");
            }
            pooled = features.toFloatArray();
        }
        return scope.create(pooled, new Shape(n, ResNeXt50.FEATURES));
    }

    @Override
    public void close() {
        model.close();
    }
}
