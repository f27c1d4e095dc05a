package org.glamibench.download;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.glamibench.files.Sha256;

/** Small zips in the GLAMI-1M layout, built in memory. */
public final class TestZips {

    public static final String TEST_CSV = "item_id,image_id,geo,name,description,category,category_name,label_source\n"
            + "1009868,876723,si,\"Kilpi Ženske športne jakne črna Rosa-W\",,86531,womens-sport-jackets,custom-tag\n";
    public static final String TRAIN_CSV = "item_id,image_id,geo,name,description,category,category_name,label_source\n"
            + "586781,544307,hu,Női blúz ONLY,Új termék címkével.,6,womens-blouses-and-shirts,\n";

    private TestZips() {
    }

    /**
     * The files of a tiny dataset, paths relative to the dataset folder: the two CSVs and three
     * 100 KB "images" of random bytes (so the zip is a few hundred KB and can be cut mid-stream).
     */
    public static Map<String, byte[]> datasetFiles() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("GLAMI-1M-test.csv", TEST_CSV.getBytes(StandardCharsets.UTF_8));
        files.put("GLAMI-1M-train.csv", TRAIN_CSV.getBytes(StandardCharsets.UTF_8));
        Random random = new Random(42);
        for (int id = 1; id <= 3; id++) {
            byte[] image = new byte[100_000];
            random.nextBytes(image);
            files.put("images/" + id + ".jpg", image);
        }
        return files;
    }

    /** The dataset files inside a {@code GLAMI-1M-dataset/} top folder, as published. */
    public static byte[] glamiZip() {
        return zip(withPrefix("GLAMI-1M-dataset/", datasetFiles()));
    }

    /** {@code files} with {@code prefix} before each path. */
    public static Map<String, byte[]> withPrefix(String prefix, Map<String, byte[]> files) {
        Map<String, byte[]> prefixed = new LinkedHashMap<>();
        files.forEach((path, content) -> prefixed.put(prefix + path, content));
        return prefixed;
    }

    /** A zip with these entries, in this order; names are written as given, however unsafe. */
    public static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static String sha256(byte[] data) {
        return Sha256.hexOf(data);
    }

    public static String md5(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
