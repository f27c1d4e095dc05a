package org.glamibench.adapter.exported;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Strict reading of one JSON object of a spec file: every key must be known, every required key
 * present, every value of the right type; each problem is a {@link SpecException} naming the file
 * and the field's path. Call {@link #keys} first, to refuse unknown keys.
 */
public final class JsonFields {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    private final Path file;
    private final String path;
    private final JsonNode node;

    private JsonFields(Path file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    /**
     * The top-level object of a JSON file.
     *
     * @throws SpecException when the file is missing, unreadable, not JSON or not an object
     */
    public static JsonFields readFile(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new SpecException(file, "", "no such file");
        } catch (IOException e) {
            throw new SpecException(file, "", "cannot read: " + e, e);
        }
        return parse(bytes, file);
    }

    /**
     * The top-level object of JSON text.
     *
     * @param file the file it came from, named in messages
     * @throws SpecException when it is not JSON or not an object
     */
    public static JsonFields parse(byte[] json, Path file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new SpecException(file, "", "not valid JSON" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new SpecException(file, "", "cannot read: " + e, e);
        }
        if (root == null || !root.isObject()) {
            throw new SpecException(file, "", "must hold a JSON object {...}");
        }
        return new JsonFields(file, "", root);
    }

    /** The file read. */
    public Path file() {
        return file;
    }

    /** The path of a key of this object, for messages: {@code image.mean}. */
    public String field(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** An error about a key of this object. */
    public SpecException error(String key, String problem) {
        return new SpecException(file, field(key), problem);
    }

    /** Whether the key is present (and not null). */
    public boolean has(String key) {
        return node.hasNonNull(key);
    }

    /** A required string. */
    public String string(String key) {
        return string(key, null, true);
    }

    /** An optional string, {@code defaultValue} when absent. */
    public String string(String key, String defaultValue) {
        return string(key, defaultValue, false);
    }

    private String string(String key, String defaultValue, boolean required) {
        JsonNode value = value(key, required);
        if (value == null) {
            return defaultValue;
        }
        if (!value.isTextual()) {
            throw error(key, "must be a string, got " + value);
        }
        return value.textValue();
    }

    /** A required integer in {@code [min, max]}. */
    public int integer(String key, int min, int max) {
        JsonNode value = value(key, true);
        return integer(field(key), value, min, max);
    }

    /** The raw value of a key, or null when absent and optional. */
    public JsonNode value(String key, boolean required) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            if (required) {
                throw error(key, "missing");
            }
            return null;
        }
        return value;
    }

    /** A required nested object. */
    public JsonFields object(String key) {
        JsonNode value = value(key, true);
        if (!value.isObject()) {
            throw error(key, "must be an object {...}, got " + value);
        }
        return new JsonFields(file, field(key), value);
    }

    /** A required array of objects, at least {@code min} long. */
    public List<JsonFields> objects(String key, int min) {
        JsonNode value = array(key, min);
        List<JsonFields> objects = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            String element = field(key) + "[" + i + "]";
            if (!value.get(i).isObject()) {
                throw new SpecException(file, element, "must be an object {...}, got " + value.get(i));
            }
            objects.add(new JsonFields(file, element, value.get(i)));
        }
        return objects;
    }

    /** A required array of strings. */
    public List<String> strings(String key) {
        JsonNode value = array(key, 0);
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isTextual()) {
                throw new SpecException(file, field(key) + "[" + i + "]", "must be a string, got " + value.get(i));
            }
            strings.add(value.get(i).textValue());
        }
        return strings;
    }

    /** A required array of integers in {@code [min, max]}, of a length in {@code [minLength, maxLength]}. */
    public long[] longs(String key, int minLength, int maxLength, long min, long max) {
        JsonNode value = array(key, minLength);
        if (value.size() > maxLength) {
            throw error(key, "must have at most " + maxLength + " elements, got " + value.size());
        }
        long[] result = new long[value.size()];
        for (int i = 0; i < result.length; i++) {
            JsonNode element = value.get(i);
            String name = field(key) + "[" + i + "]";
            if (!element.isIntegralNumber() || !element.canConvertToLong() || element.longValue() < min
                    || element.longValue() > max) {
                throw new SpecException(file, name, "must be an integer from " + min + " to " + max + ", got " + element);
            }
            result[i] = element.longValue();
        }
        return result;
    }

    /** A required array of exactly {@code length} numbers, each accepted by {@code check} (null) or refused with its reason. */
    public float[] floats(String key, int length, Function<Double, String> check) {
        JsonNode value = array(key, 0);
        if (value.size() != length) {
            throw error(key, "must have " + length + " elements, got " + value.size());
        }
        float[] result = new float[length];
        for (int i = 0; i < length; i++) {
            JsonNode element = value.get(i);
            String name = field(key) + "[" + i + "]";
            if (!element.isNumber()) {
                throw new SpecException(file, name, "must be a number, got " + element);
            }
            String problem = check.apply(element.doubleValue());
            if (problem != null) {
                throw new SpecException(file, name, problem + ", got " + element);
            }
            result[i] = element.floatValue();
        }
        return result;
    }

    private JsonNode array(String key, int min) {
        JsonNode value = value(key, true);
        if (!value.isArray()) {
            throw error(key, "must be an array [...], got " + value);
        }
        if (value.size() < min) {
            throw error(key, "must have at least " + min + " element" + (min == 1 ? "" : "s") + ", got " + value.size());
        }
        return value;
    }

    private int integer(String name, JsonNode value, int min, int max) {
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
            throw new SpecException(file, name, "must be an integer from " + min + " to " + max + ", got " + value);
        }
        return value.intValue();
    }

    /**
     * Refuses keys other than those listed; call it first, so that a misspelt key is reported as
     * unknown rather than the key it was meant to be as missing.
     *
     * @return this
     * @throws SpecException naming the first unknown key and listing the known ones
     */
    public JsonFields keys(String... allowed) {
        List<String> known = List.of(allowed);
        for (var names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new SpecException(file, field(name), "unknown key; known keys here: " + String.join(", ", known));
            }
        }
        return this;
    }
}
