package org.glamibench.leakage;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.glamibench.files.JsonFiles;

/**
 * A {@code leakage.json} as read back: the test split it was computed on and its leaked items
 * (those with a photo or text twin in train), to score runs on the clean subset.
 *
 * @param file           where it was read from
 * @param manifestSha256 the manifest hash of its test split
 * @param maxDistance    the D it was computed with
 * @param leaked         ids of the test items that are not clean
 */
public record LeakageFile(Path file, String manifestSha256, int maxDistance, Set<Long> leaked) {
    /** The file's name in its folder. */
    public static final String NAME = "leakage.json";
    /** Hex digits of the manifest hash that name the default folder. */
    public static final int PREFIX = 12;

    /** {@code results/leakage/<first 12 hex digits of the manifest>}, the default folder of a test split's files. */
    public static Path defaultFolder(Path results, String manifestSha256) {
        return results.resolve("leakage").resolve(manifestSha256.substring(0, Math.min(PREFIX, manifestSha256.length())));
    }

    /**
     * The file for a run's manifest: {@code explicit} when given (it must match the manifest),
     * else the default folder's file when it exists and matches, else null.
     *
     * @throws IllegalArgumentException when {@code explicit} is unreadable, malformed, or of another test split
     */
    public static LeakageFile find(Path explicit, Path results, String manifestSha256) throws IOException {
        if (explicit != null) {
            LeakageFile file = read(explicit);
            if (!file.manifestSha256.equals(manifestSha256)) {
                throw new IllegalArgumentException(explicit + ": computed on the test split with manifest "
                        + file.manifestSha256 + ", not the run's " + manifestSha256);
            }
            return file;
        }
        Path candidate = defaultFolder(results, manifestSha256).resolve(NAME);
        if (!Files.isRegularFile(candidate)) {
            return null;
        }
        LeakageFile file = read(candidate);
        return file.manifestSha256.equals(manifestSha256) ? file : null;
    }

    /**
     * Reads a leakage.json.
     *
     * @throws IllegalArgumentException when it is not JSON, lacks {@code manifest_sha256},
     *                                  {@code max_distance} or {@code items}, or an item lacks an
     *                                  integer {@code item_id} or a boolean {@code clean} (naming it)
     */
    public static LeakageFile read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JsonFiles.MAPPER.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not JSON (" + e.getOriginalMessage() + ")", e);
        }
        for (String key : new String[] {"manifest_sha256", "max_distance", "items"}) {
            if (root == null || !root.has(key)) {
                throw new IllegalArgumentException(file + ": " + key + " is missing");
            }
        }
        Set<Long> leaked = new HashSet<>();
        int n = 0;
        for (JsonNode item : root.get("items")) {
            if (!item.path("item_id").canConvertToLong() || !item.path("item_id").isIntegralNumber()) {
                throw new IllegalArgumentException(file + ": items[" + n + "]: item_id is missing or not an integer");
            }
            if (!item.path("clean").isBoolean()) {
                throw new IllegalArgumentException(file + ": items[" + n + "] (item " + item.get("item_id").asLong()
                        + "): clean is missing or not true/false");
            }
            if (!item.get("clean").booleanValue()) {
                leaked.add(item.get("item_id").longValue());
            }
            n++;
        }
        return new LeakageFile(file, root.get("manifest_sha256").asText(), root.get("max_distance").asInt(), Set.copyOf(leaked));
    }
}
