package org.glamibench.adapter.baseline;

import java.net.URI;
import java.util.Locale;
import org.glamibench.adapter.Modality;

/**
 * A named set of downloadable weights.
 *
 * @param name        the name, as in {@code --adapter baseline:NAME}
 * @param kind        what the file is, and so whether it can be run
 * @param modality    the inputs the model reads; null when not known before the download
 * @param url         where to download it
 * @param fileName    the file's name in the cache
 * @param size        its size in bytes; -1 when unknown
 * @param sha256      its SHA-256, lower-case hex; null when unknown (it can then not be used)
 * @param license     the licence of the weights; null when not stated
 * @param description one line about the model; null when not given
 */
public record Baseline(String name, Kind kind, Modality modality, URI url, String fileName, long size, String sha256,
                       String license, String description) {

    /** Size of a file whose size is not known. */
    public static final long UNKNOWN_SIZE = -1;

    /** What a baseline's file is. */
    public enum Kind {
        /**
         * A zip holding {@code spec.json} (a model spec, see {@code exported}) and the files it
         * names, at its top or in a single top folder: run by the {@code exported} adapter.
         */
        MODEL_ZIP("model-zip"),
        /**
         * A {@code torch.save} pickle (a state dict and Python objects): not a model DJL can load, so
         * it cannot be run.
         */
        PYTORCH_PICKLE("pytorch-pickle");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The name in registries. */
        public String label() {
            return label;
        }

        /** The kind of that label, or null. */
        static Kind ofLabel(String label) {
            for (Kind kind : values()) {
                if (kind.label.equals(label.toLowerCase(Locale.ROOT))) {
                    return kind;
                }
            }
            return null;
        }
    }
}
