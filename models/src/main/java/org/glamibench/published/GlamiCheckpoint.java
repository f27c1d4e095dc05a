package org.glamibench.published;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.glamibench.torch.NumpyScalar;
import org.glamibench.torch.TorchFile;
import org.glamibench.torch.TorchFileException;
import org.glamibench.torch.TorchTensor;

/**
 * The checkpoint's non-tensor content: epoch, loss, the classes (label_binarizer) and the label
 * sources (source_binarizer), checked; and where its model_state_dict is. The optimizer state is
 * never looked at.
 *
 * <p>label_binarizer maps each category id (an int) to its one-hot list; the positions must follow
 * the ascending order of the ids, as pd.get_dummies makes them, so that the classifier's output
 * {@code i} is the {@code i}-th smallest id. source_binarizer maps each label_source string to its
 * one-hot list, in any order. A one-hot list holds 0 and 1 (ints, floats or booleans) with a single 1.
 */
public final class GlamiCheckpoint {
    /** What the original's fillna turns a blank label_source into. */
    public static final String UNKNOWN_SOURCE = "unknown";

    private static final List<String> REQUIRED = List.of(
            "epoch", "loss", "model_state_dict", "label_binarizer", "source_binarizer");

    private final Path file;
    private final long epoch;
    private final double loss;
    private final List<Integer> categories;
    private final List<String> labelSources;
    private final Object modelStateDict;

    private GlamiCheckpoint(Path file, long epoch, double loss, List<Integer> categories,
                            List<String> labelSources, Object modelStateDict) {
        this.file = file;
        this.epoch = epoch;
        this.loss = loss;
        this.categories = categories;
        this.labelSources = labelSources;
        this.modelStateDict = modelStateDict;
    }

    /**
     * Reads and checks the top-level dict of an opened checkpoint.
     *
     * @throws TorchFileException naming the file and the key when the root is not a dict, a required
     *                            key (epoch, loss, model_state_dict, label_binarizer, source_binarizer)
     *                            is missing, or a value is not as described above (naming the
     *                            category id or label source at fault)
     */
    public static GlamiCheckpoint read(TorchFile torchFile) {
        Path file = torchFile.file();
        if (!(torchFile.root() instanceof Map<?, ?> root)) {
            throw new TorchFileException(file, "the saved object is not a dict");
        }
        for (String key : REQUIRED) {
            if (!root.containsKey(key)) {
                throw new TorchFileException(file, "no '" + key + "' in the saved dict; it has " + root.keySet());
            }
        }
        if (!(root.get("epoch") instanceof Long epoch)) {
            throw new TorchFileException(file, "epoch is not an int: " + describe(root.get("epoch")));
        }
        double loss = loss(file, root.get("loss"));
        List<Integer> categories = categories(file, root.get("label_binarizer"));
        List<String> sources = labelSources(file, root.get("source_binarizer"));
        return new GlamiCheckpoint(file, epoch, loss, categories, sources, root.get("model_state_dict"));
    }

    /** The checkpoint file. */
    public Path file() {
        return file;
    }

    /** The epoch saved with the weights. */
    public long epoch() {
        return epoch;
    }

    /** The loss saved with the weights. */
    public double loss() {
        return loss;
    }

    /** The category ids in the classifier's output order (ascending). */
    public List<Integer> categories() {
        return categories;
    }

    /** The label sources in one-hot order. */
    public List<String> labelSources() {
        return labelSources;
    }

    /**
     * The one-hot position of a label_source; null and "" stand for {@value #UNKNOWN_SOURCE}, as the
     * original's fillna makes them.
     *
     * @throws IllegalArgumentException when source_binarizer lacks the value; the message lists the
     *                                  known ones
     */
    public int sourcePosition(String labelSource) {
        String value = labelSource == null || labelSource.isEmpty() ? UNKNOWN_SOURCE : labelSource;
        int position = labelSources.indexOf(value);
        if (position < 0) {
            throw new IllegalArgumentException("label_source '" + value + "' is not in the source_binarizer of "
                    + file + "; known: " + labelSources);
        }
        return position;
    }

    /** The model_state_dict node of the unpickled dict, for {@link org.glamibench.torch.StateDict#of}. */
    Object modelStateDict() {
        return modelStateDict;
    }

    private static double loss(Path file, Object value) {
        if (value instanceof NumpyScalar scalar) {
            return scalar.doubleValue();
        }
        if (value instanceof Double number) {
            return number;
        }
        if (value instanceof TorchTensor tensor && tensor.numel() == 1) {
            return tensor.toFloats()[0];
        }
        throw new TorchFileException(file, "loss is not a number: " + describe(value));
    }

    private static List<Integer> categories(Path file, Object value) {
        Map<?, ?> binarizer = dict(file, value, "label_binarizer");
        TreeMap<Integer, Integer> positionById = new TreeMap<>();
        for (Map.Entry<?, ?> entry : binarizer.entrySet()) {
            int id = categoryId(file, entry.getKey());
            String where = "label_binarizer[" + id + "]";
            if (positionById.put(id, oneHotPosition(file, entry.getValue(), binarizer.size(), where)) != null) {
                throw new TorchFileException(file, "label_binarizer has category " + id + " twice");
            }
        }
        int[] idAtPosition = new int[binarizer.size()];
        Arrays.fill(idAtPosition, -1);
        int expected = 0;
        for (Map.Entry<Integer, Integer> entry : positionById.entrySet()) {
            int id = entry.getKey();
            int position = entry.getValue();
            if (idAtPosition[position] >= 0) {
                throw new TorchFileException(file, "label_binarizer[" + id + "]: one-hot position " + position
                        + " is also that of category " + idAtPosition[position]);
            }
            idAtPosition[position] = id;
            if (position != expected) {
                throw new TorchFileException(file, "label_binarizer[" + id + "]: one-hot position " + position
                        + ", but ascending id order (pd.get_dummies) puts it at " + expected);
            }
            expected++;
        }
        return List.copyOf(positionById.keySet());
    }

    private static List<String> labelSources(Path file, Object value) {
        Map<?, ?> binarizer = dict(file, value, "source_binarizer");
        String[] sourceAtPosition = new String[binarizer.size()];
        for (Map.Entry<?, ?> entry : binarizer.entrySet()) {
            if (!(entry.getKey() instanceof String source)) {
                throw new TorchFileException(file, "source_binarizer has a key that is not a str: "
                        + describe(entry.getKey()));
            }
            String where = "source_binarizer['" + source + "']";
            int position = oneHotPosition(file, entry.getValue(), binarizer.size(), where);
            if (sourceAtPosition[position] != null) {
                throw new TorchFileException(file, where + ": one-hot position " + position
                        + " is also that of '" + sourceAtPosition[position] + "'");
            }
            sourceAtPosition[position] = source;
        }
        return Collections.unmodifiableList(new ArrayList<>(Arrays.asList(sourceAtPosition)));
    }

    private static Map<?, ?> dict(Path file, Object value, String key) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new TorchFileException(file, key + " is not a dict: " + describe(value));
        }
        if (map.isEmpty()) {
            throw new TorchFileException(file, key + " is empty");
        }
        return map;
    }

    private static int categoryId(Path file, Object key) {
        long id;
        if (key instanceof Long number) {
            id = number;
        } else if (key instanceof NumpyScalar scalar && scalar.dtype().matches("[<>|][iu][1248]")) {
            id = (long) scalar.doubleValue();
        } else {
            throw new TorchFileException(file, "label_binarizer has a key that is not an int category id: "
                    + describe(key));
        }
        if (id < 0 || id > Integer.MAX_VALUE) {
            throw new TorchFileException(file, "label_binarizer has category id " + id + ", out of range");
        }
        return (int) id;
    }

    /** The index of the single 1 of a one-hot list of {@code length} entries. */
    private static int oneHotPosition(Path file, Object value, int length, String where) {
        if (!(value instanceof List<?> list)) {
            throw new TorchFileException(file, where + " is not a list: " + describe(value));
        }
        if (list.size() != length) {
            throw new TorchFileException(file, where + " has " + list.size() + " entries; the binarizer has "
                    + length + " keys");
        }
        int position = -1;
        for (int i = 0; i < length; i++) {
            Object entry = list.get(i);
            boolean one = isOne(entry);
            if (!one && !isZero(entry)) {
                throw new TorchFileException(file, where + "[" + i + "] is neither 0 nor 1: " + describe(entry));
            }
            if (one && position >= 0) {
                throw new TorchFileException(file, where + " is not one-hot: 1 at " + position + " and " + i);
            }
            position = one ? i : position;
        }
        if (position < 0) {
            throw new TorchFileException(file, where + " is not one-hot: all zeros");
        }
        return position;
    }

    private static boolean isOne(Object entry) {
        return Boolean.TRUE.equals(entry) || (entry instanceof Long l && l == 1L)
                || (entry instanceof Double d && d == 1.0);
    }

    private static boolean isZero(Object entry) {
        return Boolean.FALSE.equals(entry) || (entry instanceof Long l && l == 0L)
                || (entry instanceof Double d && d == 0.0);
    }

    private static String describe(Object value) {
        return value == null ? "None" : value.getClass().getSimpleName() + " " + value;
    }
}
