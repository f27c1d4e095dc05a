package org.glamibench.torch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The Python globals a torch.save pickle may name, and what REDUCE, NEWOBJ and BUILD do with them.
 * Anything else is refused by name, since running an unknown global is what makes pickles unsafe and
 * guessing at its meaning would give a silently wrong object. Failures are
 * {@link IllegalArgumentException}s, which {@link Unpickler} reports with the file and byte offset.
 */
final class PickleGlobals {
    /** What GLOBAL pushes for a callable: its dotted name and what calling it does. */
    record Callable(String name, Function<List<?>, Object> function) {
    }

    /** What GLOBAL pushes for a storage class such as {@code torch.FloatStorage}. */
    record StorageType(String name, TorchTensor.DType dtype) {
    }

    /** A {@code numpy.dtype} under construction: REDUCE gives its type code, BUILD its byte order. */
    static final class NumpyDtype {
        private final String typeCode;
        private String byteOrder = "<";

        private NumpyDtype(String typeCode) {
            this.typeCode = typeCode;
        }

        private String str() {
            return byteOrder + typeCode;
        }
    }

    private static final Map<String, TorchTensor.DType> STORAGE_TYPES = Map.of(
            "torch.FloatStorage", TorchTensor.DType.FLOAT32,
            "torch.DoubleStorage", TorchTensor.DType.FLOAT64,
            "torch.HalfStorage", TorchTensor.DType.FLOAT16,
            "torch.BFloat16Storage", TorchTensor.DType.BFLOAT16,
            "torch.LongStorage", TorchTensor.DType.INT64,
            "torch.IntStorage", TorchTensor.DType.INT32,
            "torch.ShortStorage", TorchTensor.DType.INT16,
            "torch.CharStorage", TorchTensor.DType.INT8,
            "torch.ByteStorage", TorchTensor.DType.UINT8,
            "torch.BoolStorage", TorchTensor.DType.BOOL);

    private final Map<String, Function<List<?>, Object>> callables = new LinkedHashMap<>();

    PickleGlobals() {
        callables.put("torch._utils._rebuild_tensor_v2", PickleGlobals::rebuildTensor);
        callables.put("torch._utils._rebuild_parameter", PickleGlobals::rebuildParameter);
        callables.put("collections.OrderedDict", PickleGlobals::orderedDict);
        callables.put("numpy.dtype", PickleGlobals::numpyDtype);
        callables.put("numpy.core.multiarray.scalar", PickleGlobals::numpyScalar);
        callables.put("numpy._core.multiarray.scalar", PickleGlobals::numpyScalar);
        callables.put("_codecs.encode", PickleGlobals::encode);
        callables.put("torch.Size", PickleGlobals::torchSize);
        for (String module : List.of("builtins", "__builtin__")) {
            callables.put(module + ".set", PickleGlobals::set);
            callables.put(module + ".frozenset", PickleGlobals::set);
            callables.put(module + ".bytes", PickleGlobals::emptyBytes);
        }
    }

    /** What GLOBAL {@code module name} pushes; throws naming the global when it is not supported. */
    Object resolve(String module, String name) {
        String dotted = module + "." + name;
        TorchTensor.DType storageType = STORAGE_TYPES.get(dotted);
        if (storageType != null) {
            return new StorageType(dotted, storageType);
        }
        Function<List<?>, Object> function = callables.get(dotted);
        if (function == null) {
            throw new IllegalArgumentException("global " + dotted + " is not supported (only tensors, storages,"
                    + " OrderedDict, numpy scalars, bytes, sets and torch.Size are)");
        }
        return new Callable(dotted, function);
    }

    /** REDUCE or NEWOBJ: calls {@code callable} with {@code args}. */
    Object call(Object callable, Object args) {
        if (!(callable instanceof Callable target)) {
            throw new IllegalArgumentException("calling " + typeName(callable) + ", which is not a supported callable");
        }
        if (!(args instanceof List<?> argList)) {
            throw new IllegalArgumentException(target.name() + " called with " + typeName(args) + ", not a tuple");
        }
        try {
            return target.function().apply(argList);
        } catch (IllegalArgumentException | ClassCastException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException(target.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * BUILD: sets {@code state} on {@code target}. A dict (an OrderedDict restored by REDUCE) keeps its
     * items; its instance attributes, such as a state dict's {@code _metadata}, are dropped. A numpy
     * dtype takes its byte order.
     */
    void build(Object target, Object state) {
        if (target instanceof LinkedHashMap<?, ?>) {
            if (state != null && !(state instanceof Map<?, ?>) && !(state instanceof List<?>)) {
                throw new IllegalArgumentException("BUILD of a dict with " + typeName(state));
            }
        } else if (target instanceof NumpyDtype dtype) {
            if (!(state instanceof List<?> tuple) || tuple.size() < 2 || !(tuple.get(1) instanceof String order)) {
                throw new IllegalArgumentException("BUILD of numpy.dtype with " + typeName(state)
                        + ", not a tuple (version, byteorder, ...)");
            }
            dtype.byteOrder = "=".equals(order) ? "<" : order;
        } else {
            throw new IllegalArgumentException("BUILD of " + typeName(target) + " is not supported");
        }
    }

    /** A Python-flavoured type name of a value this unpickler produced, for messages. */
    static String typeName(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Callable callable) {
            return callable.name();
        }
        if (value instanceof StorageType storageType) {
            return storageType.name();
        }
        if (value instanceof Storage storage) {
            return "storage " + storage.key();
        }
        if (value instanceof TorchTensor tensor) {
            return "tensor " + tensor.describe();
        }
        if (value instanceof Map<?, ?>) {
            return "dict";
        }
        if (value instanceof List<?>) {
            return value instanceof ArrayList<?> ? "list" : "tuple";
        }
        if (value instanceof Set<?>) {
            return "set";
        }
        if (value instanceof String) {
            return "str";
        }
        if (value instanceof byte[]) {
            return "bytes";
        }
        if (value instanceof Long || value instanceof java.math.BigInteger) {
            return "int";
        }
        if (value instanceof Double) {
            return "float";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        return value.getClass().getSimpleName();
    }

    private static Object rebuildTensor(List<?> args) {
        if (args.size() != 6 && args.size() != 7) {
            throw new IllegalArgumentException("expected 6 or 7 arguments (storage, offset, size, stride,"
                    + " requires_grad, backward_hooks[, metadata]), got " + args.size());
        }
        if (!(args.get(0) instanceof Storage storage)) {
            throw new IllegalArgumentException("the first argument is " + typeName(args.get(0)) + ", not a storage");
        }
        return new TorchTensor(storage, integer(args.get(1), "offset"), integers(args.get(2), "size"),
                integers(args.get(3), "stride"));
    }

    private static Object rebuildParameter(List<?> args) {
        if (args.size() != 3 || !(args.get(0) instanceof TorchTensor tensor)) {
            throw new IllegalArgumentException("expected (tensor, requires_grad, backward_hooks)");
        }
        return tensor;
    }

    private static Object orderedDict(List<?> args) {
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("only an empty OrderedDict() is supported (torch.save fills it"
                    + " with SETITEMS)");
        }
        return new LinkedHashMap<>();
    }

    private static Object numpyDtype(List<?> args) {
        if (args.isEmpty() || !(args.get(0) instanceof String typeCode)) {
            throw new IllegalArgumentException("expected a type code such as 'f4'");
        }
        return new NumpyDtype(typeCode);
    }

    private static Object numpyScalar(List<?> args) {
        if (args.size() != 2 || !(args.get(0) instanceof NumpyDtype dtype) || !(args.get(1) instanceof byte[] data)) {
            throw new IllegalArgumentException("expected (numpy.dtype, bytes)");
        }
        return new NumpyScalar(dtype.str(), data);
    }

    private static Object encode(List<?> args) {
        if (args.size() != 2 || !(args.get(0) instanceof String text) || !(args.get(1) instanceof String encoding)) {
            throw new IllegalArgumentException("expected (str, encoding)");
        }
        if (!encoding.equals("latin1") && !encoding.equals("latin-1")) {
            throw new IllegalArgumentException("encoding " + encoding + " is not supported (pickle writes latin1)");
        }
        if (!text.chars().allMatch(c -> c <= 0xff)) {
            throw new IllegalArgumentException("the text has characters beyond latin1");
        }
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static Object torchSize(List<?> args) {
        if (args.size() != 1 || !(args.get(0) instanceof List<?> sizes)) {
            throw new IllegalArgumentException("expected (tuple of ints,)");
        }
        return Collections.unmodifiableList(new ArrayList<>(sizes));
    }

    private static Object set(List<?> args) {
        if (args.isEmpty()) {
            return Collections.unmodifiableSet(new LinkedHashSet<>());
        }
        if (args.size() != 1 || !(args.get(0) instanceof List<?> items)) {
            throw new IllegalArgumentException("expected (list of items,)");
        }
        return Collections.unmodifiableSet(new LinkedHashSet<>(items));
    }

    private static Object emptyBytes(List<?> args) {
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("only bytes() is supported (pickle writes other bytes with"
                    + " _codecs.encode)");
        }
        return new byte[0];
    }

    private static long integer(Object value, String what) {
        if (!(value instanceof Long number)) {
            throw new IllegalArgumentException(what + " is " + typeName(value) + ", not an int");
        }
        return number;
    }

    private static long[] integers(Object value, String what) {
        if (!(value instanceof List<?> items)) {
            throw new IllegalArgumentException(what + " is " + typeName(value) + ", not a tuple of ints");
        }
        long[] numbers = new long[items.size()];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = integer(items.get(i), what + "[" + i + "]");
        }
        return numbers;
    }
}
