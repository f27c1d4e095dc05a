package org.glamibench.torch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.glamibench.files.FileTrees;
import org.glamibench.python.PythonScripts;

/**
 * The files of make_torch_files.py, written once per test run under target/torch-files, and the checks the
 * TorchFile*Test classes share.
 */
final class TorchTestFiles {
    private static final Path FOLDER = Path.of("target/torch-files");
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    private static boolean written;

    private TorchTestFiles() {
    }

    /** The folder, with the files written by this run's first call. */
    static synchronized Path folder() {
        if (!written) {
            try {
                FileTrees.delete(FOLDER);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            PythonScripts.run("make_torch_files.py", FOLDER.toString());
            written = true;
        }
        return FOLDER;
    }

    static Path file(String name) {
        return folder().resolve(name);
    }

    static JsonNode json(String name) {
        try {
            return JSON.readTree(file(name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts that {@code tensor} is what torch described in {@code expected} (make_torch_files.describe). */
    static void assertTensor(String name, TorchTensor tensor, JsonNode expected) {
        assertThat(tensor.dtype().name().toLowerCase(Locale.ROOT)).as(name).isEqualTo(expected.get("dtype").asText());
        assertThat(tensor.shape()).as(name).containsExactly(longs(expected.get("shape")));
        assertThat(tensor.stride()).as(name).containsExactly(longs(expected.get("stride")));
        assertThat(tensor.storageOffset()).as(name).isEqualTo(expected.get("offset").asLong());
        if (expected.has("float_bits")) {
            float[] values = tensor.toFloats();
            int[] bits = new int[values.length];
            for (int i = 0; i < values.length; i++) {
                bits[i] = Float.floatToRawIntBits(values[i]);
            }
            assertThat(bits).as(name).containsExactly(StreamSupport.stream(expected.get("float_bits").spliterator(),
                    false).mapToInt(JsonNode::asInt).toArray());
            assertThat(tensor.numel()).as(name).isEqualTo(bits.length);
        }
        if (expected.has("longs")) {
            assertThat(tensor.toLongs()).as(name).containsExactly(longs(expected.get("longs")));
        }
    }

    @SuppressWarnings("unchecked")
    static Map<Object, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<Object, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }

    static long[] longs(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).mapToLong(JsonNode::asLong).toArray();
    }

    /**
     * A value of {@link TorchFile#root()} as JSON would show it: map keys as strings, tuples, lists and sets
     * as lists, bytes as lists of unsigned ints, integers as BigInteger.
     */
    static Object plain(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((k, v) -> result.put(String.valueOf(k), plain(v)));
            return result;
        }
        if (value instanceof Collection<?> items) {
            List<Object> result = new ArrayList<>();
            items.forEach(item -> result.add(plain(item)));
            return result;
        }
        if (value instanceof byte[] bytes) {
            List<Object> result = new ArrayList<>();
            for (byte b : bytes) {
                result.add(BigInteger.valueOf(Byte.toUnsignedInt(b)));
            }
            return result;
        }
        if (value instanceof Long number) {
            return BigInteger.valueOf(number);
        }
        return value;
    }

    /** A JSON node as {@link #plain} shows the matching unpickled value. */
    static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> result = new LinkedHashMap<>();
            node.properties().forEach(field -> result.put(field.getKey(), plain(field.getValue())));
            return result;
        }
        if (node.isArray()) {
            List<Object> result = new ArrayList<>();
            node.forEach(item -> result.add(plain(item)));
            return result;
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNull()) {
            return null;
        }
        return node.textValue();
    }
}
