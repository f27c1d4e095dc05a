package org.glamibench.torch;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A state dict: tensor by key, consumed as it is mapped onto a network. Each key is either
 * {@linkplain #take taken} or {@linkplain #ignore ignored}; {@link #requireAllTaken()} then proves that
 * nothing in the file was left unused. Not thread-safe.
 */
public final class StateDict {
    private final TorchFile file;
    private final String what;
    private final Map<String, TorchTensor> tensors;
    private final Set<String> used = new LinkedHashSet<>();

    private StateDict(TorchFile file, String what, Map<String, TorchTensor> tensors) {
        this.file = file;
        this.what = what;
        this.tensors = tensors;
    }

    /**
     * The state dict at {@code node}, an object of {@code file}.
     *
     * @param what names the node in messages, e.g. {@code model_state_dict}
     * @throws TorchFileException when {@code node} is not a dict of str to tensor (naming the first key
     *                            that is not a str or whose value is not a tensor)
     */
    public static StateDict of(TorchFile file, Object node, String what) {
        if (!(node instanceof Map<?, ?> map)) {
            throw new TorchFileException(file.file(), what + " is " + PickleGlobals.typeName(node)
                    + ", not a dict of str -> tensor");
        }
        Map<String, TorchTensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new TorchFileException(file.file(), what + " has key " + entry.getKey() + " of type "
                        + PickleGlobals.typeName(entry.getKey()) + ", not str");
            }
            if (!(entry.getValue() instanceof TorchTensor tensor)) {
                throw new TorchFileException(file.file(), what + "[" + key + "] is "
                        + PickleGlobals.typeName(entry.getValue()) + ", not a tensor");
            }
            tensors.put(key, tensor);
        }
        return new StateDict(file, what, tensors);
    }

    /** All keys, in file order (unmodifiable). */
    public Set<String> keys() {
        return Collections.unmodifiableSet(tensors.keySet());
    }

    /** Whether {@code key} is present. */
    public boolean has(String key) {
        return tensors.containsKey(key);
    }

    /**
     * The tensor at {@code key}, which must have shape {@code expectedShape}; marks it taken.
     *
     * @throws TorchFileException naming the file, this state dict and the key when the key is missing or the
     *                            shape differs
     */
    public TorchTensor take(String key, long... expectedShape) {
        TorchTensor tensor = take(key);
        if (!Arrays.equals(tensor.shape(), expectedShape)) {
            String expected = Arrays.stream(expectedShape).mapToObj(Long::toString)
                    .collect(Collectors.joining(", ", "[", "]"));
            throw new TorchFileException(file.file(), what + ": " + key + " is " + tensor.describe() + ", expected "
                    + expected);
        }
        return tensor;
    }

    /**
     * The tensor at {@code key}, of any shape; marks it taken (taking a key twice is allowed, as tied weights do).
     *
     * @throws TorchFileException naming the file, this state dict and the key when the key is missing
     */
    public TorchTensor take(String key) {
        TorchTensor tensor = tensors.get(key);
        if (tensor == null) {
            throw new TorchFileException(file.file(), what + ": missing key " + key);
        }
        used.add(key);
        return tensor;
    }

    /**
     * Checks that every key was taken or ignored.
     *
     * @throws TorchFileException listing every other key, in file order ("unexpected keys: a, b")
     */
    public void requireAllTaken() {
        String left = tensors.keySet().stream().filter(key -> !used.contains(key)).collect(Collectors.joining(", "));
        if (!left.isEmpty()) {
            throw new TorchFileException(file.file(), what + ": unexpected keys: " + left);
        }
    }

    /** Marks every key starting with {@code prefix} as deliberately unused (none need match). */
    public void ignore(String prefix) {
        tensors.keySet().stream().filter(key -> key.startsWith(prefix)).forEach(used::add);
    }
}
