package org.glamibench.adapter.exported;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.ParameterStore;
import ai.djl.translate.NoopTranslator;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.glamibench.adapter.DeviceSpec;
import org.glamibench.adapter.EngineInfo;
import org.glamibench.models.NativeBuild;

/**
 * A model file loaded by DJL on the engine its spec names (ONNX Runtime with
 * {@code Criteria.optEngine("OnnxRuntime")}, TorchScript with PyTorch), fed with arrays made in
 * plain Java ({@code NDManager.create(float[], Shape)}), so that ONNX Runtime needs no other
 * engine. Not thread-safe: one {@link #forward} at a time.
 *
 * <p>ONNX inputs are fed by name, TorchScript inputs by position in the spec's order. A model
 * exported with a fixed batch size gets batches of exactly that size, the last one padded with
 * copies of its first item (their outputs are dropped).
 */
public final class ExportedModel implements AutoCloseable {
    private final ModelSpec spec;
    private final ZooModel<NDList, NDList> model;
    private final Block block;
    private final EngineInfo engine;
    private final DeviceSpec device;

    private ExportedModel(ModelSpec spec, ZooModel<NDList, NDList> model, EngineInfo engine, DeviceSpec device) {
        this.spec = spec;
        this.model = model;
        this.block = model.getBlock();
        this.engine = engine;
        this.device = device;
    }

    /**
     * Loads the spec's model on the device.
     *
     * @param threads the threads one forward pass may use, or 0 for the engine's default (as many as
     *                the machine has cores); for PyTorch this sets libtorch's intra-op threads for the
     *                whole process
     * @throws SpecException            naming {@code engine}, {@code model} or {@code inputs} when the
     *                                  engine is missing, the file cannot be loaded, or (ONNX) the
     *                                  model's input names differ from the spec's
     * @throws IllegalArgumentException when a GPU is asked for and the engine has none here
     */
    public static ExportedModel load(ModelSpec spec, DeviceSpec deviceSpec, int threads) {
        String engineName = spec.engine().djlName();
        Engine engine;
        try {
            engine = Engine.getEngine(engineName);
        } catch (RuntimeException | LinkageError e) {
            throw new SpecException(spec.file(), "engine", "the " + engineName + " engine cannot start here: "
                    + e.getMessage(), e);
        }
        Device device = device(engine, deviceSpec);
        Criteria.Builder<NDList, NDList> criteria = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelPath(spec.model())
                .optEngine(engineName)
                .optDevice(device)
                .optTranslator(new NoopTranslator());
        if (spec.engine() == ModelSpec.Engine.PYTORCH) {
            criteria.optOption("mapLocation", "true");
            if (threads > 0) {
                JniUtils.setNumThreads(threads);
            }
        } else if (threads > 0) {
            criteria.optOption("intraOpNumThreads", Integer.toString(threads));
            criteria.optOption("interOpNumThreads", "1");
        }
        ZooModel<NDList, NDList> model;
        try {
            model = criteria.build().loadModel();
        } catch (Exception | LinkageError e) {
            throw new SpecException(spec.file(), "model", engineName + " cannot load " + spec.model() + ": "
                    + message(e), e);
        }
        ExportedModel loaded = new ExportedModel(spec, model, new EngineInfo(engineName, engine.getVersion(),
                Engine.getDjlVersion(), device.toString()), deviceSpec);
        try {
            loaded.checkInputNames();
        } catch (RuntimeException e) {
            loaded.close();
            throw e;
        }
        return loaded;
    }

    private static Device device(Engine engine, DeviceSpec deviceSpec) {
        if (!deviceSpec.gpu()) {
            return Device.cpu();
        }
        String name = engine.getEngineName();
        boolean onnx = name.equals(ModelSpec.Engine.ONNX_RUNTIME.djlName());
        if (onnx ? !NativeBuild.onnxRuntimeHasCuda() : !NativeBuild.isCudaBuild()) {
            String need = onnx
                    ? "the onnxruntime jar here has no CUDA provider (com.microsoft.onnxruntime:onnxruntime_gpu is needed)"
                    : "the native " + name + " library here is a CPU build";
            throw new IllegalArgumentException("--device " + deviceSpec + ": the " + name + " engine cannot use a GPU: "
                    + need + "; for a GPU, run the GPU build: GLAMI_BENCH_GPU=1 ./glami-bench ... (docs/gpu.md)");
        }
        int gpus = engine.getGpuCount();
        if (gpus == 0) {
            throw new IllegalArgumentException("--device " + deviceSpec + ": the " + name + " " + engine.getVersion()
                    + " engine (a GPU build) sees no GPU here: 0 CUDA devices (is the NVIDIA driver installed and a "
                    + "GPU visible to nvidia-smi?); use --device cpu");
        }
        if (deviceSpec.index() >= gpus) {
            throw new IllegalArgumentException("--device " + deviceSpec + ": the " + name + " engine sees " + gpus
                    + " GPU" + (gpus == 1 ? "" : "s"));
        }
        return Device.gpu(deviceSpec.index());
    }

    /** ONNX models name their inputs: the spec must list exactly those. TorchScript inputs are positional. */
    private void checkInputNames() {
        if (spec.engine() != ModelSpec.Engine.ONNX_RUNTIME) {
            return;
        }
        PairList<String, Shape> described = block.describeInput();
        List<String> names = described == null ? List.of() : described.keys();
        List<String> specNames = spec.inputs().stream().map(ModelSpec.Input::name).toList();
        for (int i = 0; i < specNames.size(); i++) {
            if (!names.contains(specNames.get(i))) {
                throw new SpecException(spec.file(), "inputs[" + i + "].name", "the model has no input \""
                        + specNames.get(i) + "\"; its inputs are " + names);
            }
        }
        if (names.size() != specNames.size()) {
            throw new SpecException(spec.file(), "inputs", "the model has " + names.size() + " inputs " + names
                    + ", the spec lists " + specNames.size() + " " + specNames);
        }
    }

    /** The engine and its version, e.g. {@code OnnxRuntime 1.21.1}, and the device. */
    public String engineDescription() {
        return engine.engine() + " " + engine.engineVersion() + " on " + device;
    }

    /** The engine, its version, DJL's and the device as the engine names it, for provenance. */
    public EngineInfo engine() {
        return engine;
    }

    /**
     * The model's output for each item, in order: the output tensor's row of each item.
     *
     * @throws ExportedModelException when the engine fails, or the output is not a float matrix with
     *                                one row per item
     */
    public float[][] forward(List<ExportedInput> items) {
        long fixed = spec.inputs().get(0).batch();
        int chunk = fixed > 0 ? (int) fixed : items.size();
        float[][] rows = new float[items.size()][];
        for (int from = 0; from < items.size(); from += chunk) {
            int real = Math.min(chunk, items.size() - from);
            List<ExportedInput> part = new ArrayList<>(items.subList(from, from + real));
            while (part.size() < chunk) {
                part.add(part.get(0));
            }
            float[][] out = forwardBatch(part);
            System.arraycopy(out, 0, rows, from, real);
        }
        return rows;
    }

    private float[][] forwardBatch(List<ExportedInput> items) {
        try (NDManager scope = model.getNDManager().newSubManager()) {
            NDList inputs = new NDList();
            for (ModelSpec.Input input : spec.inputs()) {
                NDArray array = array(scope, input, items);
                if (spec.engine() == ModelSpec.Engine.ONNX_RUNTIME) {
                    array.setName(input.name());
                }
                inputs.add(array);
            }
            NDList outputs;
            try {
                outputs = block.forward(new ParameterStore(scope, false), inputs, false);
            } catch (RuntimeException e) {
                throw new ExportedModelException("inputs", spec.engine().djlName() + " failed on a batch of " + items.size()
                        + " (" + describe(inputs) + "): " + message(e), e);
            }
            return rows(select(outputs), items.size());
        }
    }

    private NDArray array(NDManager scope, ModelSpec.Input input, List<ExportedInput> items) {
        int n = items.size();
        if (input.source() == ModelSpec.Source.IMAGE) {
            ModelSpec.ImageSettings image = spec.image();
            int size = 3 * image.width() * image.height();
            float[] data = new float[n * size];
            for (int i = 0; i < n; i++) {
                System.arraycopy(items.get(i).image(), 0, data, i * size, size);
            }
            Shape shape = image.layout() == ModelSpec.Layout.CHW ? new Shape(n, 3, image.height(), image.width())
                    : new Shape(n, image.height(), image.width(), 3);
            return scope.create(data, shape);
        }
        int length = spec.text().maxLength();
        long[] data = new long[n * length];
        for (int i = 0; i < n; i++) {
            TextEncoder.Encoded text = items.get(i).text();
            long[] values = switch (input.source()) {
                case INPUT_IDS -> text.ids();
                case ATTENTION_MASK -> text.attentionMask();
                case TOKEN_TYPE_IDS -> text.typeIds();
                case IMAGE -> throw new AssertionError();
            };
            System.arraycopy(values, 0, data, i * length, length);
        }
        return scope.create(data, new Shape(n, length));
    }

    private NDArray select(NDList outputs) {
        String name = spec.output().name();
        if (name != null) {
            NDArray named = outputs.get(name);
            if (named == null) {
                throw new ExportedModelException("output.name", "the model has no output \"" + name + "\"; its outputs are "
                        + names(outputs));
            }
            return named;
        }
        if (outputs.size() != 1) {
            throw new ExportedModelException("output.name", "the model returns " + outputs.size() + " outputs " + names(outputs)
                    + "; output.name must say which one holds the scores");
        }
        return outputs.get(0);
    }

    private static float[][] rows(NDArray output, int items) {
        Shape shape = output.getShape();
        if (shape.dimension() != 2 || shape.get(0) != items) {
            throw new ExportedModelException("output", "the model's output has shape " + shape + ", not [" + items
                    + ", columns] (one row of scores per item)");
        }
        int columns = (int) shape.get(1);
        float[] flat;
        if (output.getDataType() == DataType.FLOAT32) {
            flat = output.toFloatArray();
        } else if (output.getDataType() == DataType.FLOAT64) {
            double[] doubles = output.toDoubleArray();
            flat = new float[doubles.length];
            for (int i = 0; i < doubles.length; i++) {
                flat[i] = (float) doubles[i];
            }
        } else {
            throw new ExportedModelException("output", "the model's output is " + output.getDataType() + ", not float32 or float64");
        }
        float[][] rows = new float[items][];
        for (int i = 0; i < items; i++) {
            rows[i] = Arrays.copyOfRange(flat, i * columns, (i + 1) * columns);
        }
        return rows;
    }

    private static List<String> names(NDList outputs) {
        return outputs.stream().map(a -> a.getName() == null ? "(unnamed)" : a.getName()).toList();
    }

    /** The inputs as {@code name [shape] type}, for messages. */
    private String describe(NDList inputs) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            NDArray array = inputs.get(i);
            parts.add(spec.inputs().get(i).name() + " " + Arrays.toString(array.getShape().getShape()) + " "
                    + array.getDataType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return String.join(", ", parts);
    }

    /** An exception's message, with that of its causes when they say more. */
    static String message(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != e; cause = cause.getCause()) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append(": ").append(cause.getMessage());
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return text.toString().strip();
    }

    @Override
    public void close() {
        model.close();
    }
}
