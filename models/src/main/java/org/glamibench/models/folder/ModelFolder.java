package org.glamibench.models.folder;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.glamibench.dataset.ClassIndex;
import org.glamibench.files.AtomicFiles;
import org.glamibench.files.JsonFiles;
import org.glamibench.files.Sha256;

/** Reads, checks and writes model folders (see the package documentation). */
public final class ModelFolder {
    /** The manifest's file name. */
    public static final String MANIFEST = "model.json";
    /** The parameters' file name. */
    public static final String PARAMETERS = "model.params";

    private ModelFolder() {
    }

    /** Whether the folder holds a finished model (its manifest). */
    public static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve(MANIFEST));
    }

    /**
     * Reads a folder's manifest and checks it: format, kind, and the SHA-256 of every file it
     * lists.
     *
     * @throws ModelFolderException when there is no manifest, it is malformed or of another
     *                              format or kind, or a file is missing or differs
     */
    public static ModelManifest read(Path dir, ModelKind kind) {
        Path file = dir.resolve(MANIFEST);
        ModelManifest manifest;
        try {
            manifest = JsonFiles.MAPPER.readValue(file.toFile(), ModelManifest.class);
        } catch (JsonProcessingException e) {
            throw new ModelFolderException(file + ": not a model manifest: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ModelFolderException(dir + ": no trained " + kind.label() + " model here (" + MANIFEST + " missing); "
                    + "train one with 'glami-bench train --model " + kind.label() + " --out " + dir + "'", e);
        }
        if (!ModelManifest.FORMAT.equals(manifest.format())) {
            throw new ModelFolderException(file + ": format '" + manifest.format() + "', expected '" + ModelManifest.FORMAT
                    + "'");
        }
        if (!kind.label().equals(manifest.model())) {
            throw new ModelFolderException(file + ": holds a '" + manifest.model() + "' model, not '" + kind.label() + "'");
        }
        if (manifest.files() == null || !manifest.files().containsKey(PARAMETERS)) {
            throw new ModelFolderException(file + ": lists no " + PARAMETERS);
        }
        for (Map.Entry<String, String> entry : manifest.files().entrySet()) {
            String actual = sha256(dir.resolve(entry.getKey()));
            if (!actual.equals(entry.getValue())) {
                throw new ModelFolderException(dir.resolve(entry.getKey()) + ": SHA-256 " + actual + " differs from "
                        + entry.getValue() + " in " + MANIFEST + " (the file changed since training)");
            }
        }
        return manifest;
    }

    /**
     * Checks that a model scores exactly the run's classes, in the same order.
     *
     * @throws ModelFolderException naming both class index hashes when they differ
     */
    public static void checkClasses(Path dir, ModelManifest manifest, ClassIndex classIndex) {
        if (!classIndex.sha256().equals(manifest.classes().sha256())) {
            throw new ModelFolderException(dir + ": the model was trained on class index " + manifest.classes().sha256()
                    + " (" + manifest.classes().count() + " classes) but this run's class index is " + classIndex.sha256()
                    + " (" + classIndex.size() + " classes): its scores would go to the wrong classes; train it on "
                    + "this dataset's train split");
        }
    }

    /** Writes the manifest, atomically. */
    public static void write(Path dir, ModelManifest manifest) throws IOException {
        JsonFiles.write(dir.resolve(MANIFEST), manifest);
    }

    /**
     * Writes a block's parameters (DJL's format, BatchNorm statistics included) to a file,
     * atomically and durably, and returns the file's SHA-256.
     */
    public static String saveParameters(Block block, Path file) throws IOException {
        AtomicFiles.write(file, out -> block.saveParameters(new DataOutputStream(out)));
        return sha256(file);
    }

    /**
     * Loads parameters written by {@link #saveParameters} into a block of the same structure
     * that has not been initialised; the arrays belong to {@code manager} (and its device).
     *
     * @throws ModelFolderException when the file is missing or does not fit the block
     */
    public static void loadParameters(Block block, NDManager manager, Path file) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            block.loadParameters(manager, in);
            if (in.read() != -1) {
                throw new ModelFolderException(file + ": longer than the parameters of the network it should hold");
            }
        } catch (NoSuchFileException e) {
            throw new ModelFolderException(file + ": missing");
        } catch (IOException | MalformedModelException | RuntimeException e) {
            if (e instanceof ModelFolderException folder) {
                throw folder;
            }
            throw new ModelFolderException(file + ": does not fit the network of " + MANIFEST + ": " + e.getMessage(), e);
        }
    }

    /**
     * The SHA-256 of a file, streamed.
     *
     * @throws ModelFolderException when the file is missing or unreadable
     */
    public static String sha256(Path file) {
        try {
            return Sha256.hexOfFile(file);
        } catch (NoSuchFileException e) {
            throw new ModelFolderException(file + ": missing");
        } catch (IOException e) {
            throw new ModelFolderException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
