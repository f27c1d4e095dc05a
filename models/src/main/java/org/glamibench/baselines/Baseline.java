package org.glamibench.baselines;

import java.net.URI;
import java.util.List;
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
 * @param sha256      its SHA-256, lower-case hex; null when not published (a registry's file is then
 *                    trusted on first use)
 * @param license     the licence of the weights; null when not stated
 * @param description one line about the model; null when not given
 * @param aliases     other names the registry knows it by (never in run names)
 * @param textModel   the text encoder a {@link Kind#GLAMI_EMBRACENET} computes its text features with;
 *                    null for other kinds
 */
public record Baseline(String name, Kind kind, Modality modality, URI url, String fileName, long size, String sha256,
                       String license, String description, List<String> aliases, TextModel textModel) {

    /** Size of a file whose size is not known. */
    public static final long UNKNOWN_SIZE = -1;

    public Baseline {
        aliases = List.copyOf(aliases);
    }

    /** A baseline with no alias and no text model. */
    public Baseline(String name, Kind kind, Modality modality, URI url, String fileName, long size, String sha256,
                    String license, String description) {
        this(name, kind, modality, url, fileName, size, sha256, license, description, List.of(), null);
    }

    /**
     * A downloadable file of a baseline.
     *
     * @param fileName its name in the cache and in its folder
     * @param url      where to download it
     * @param size     its size in bytes; {@link #UNKNOWN_SIZE} when unknown
     * @param sha256   its SHA-256; null when not published (trusted on first use)
     */
    public record File(String fileName, URI url, long size, String sha256) {
    }

    /**
     * A text encoder in Hugging Face's layout (config.json, pytorch_model.bin, spiece.model), at a
     * pinned revision.
     *
     * @param name     its Hugging Face name, e.g. {@code google/mt5-small}
     * @param revision the pinned commit
     * @param files    its files
     */
    public record TextModel(String name, String revision, List<File> files) {
        public TextModel {
            files = List.copyOf(files);
        }
    }

    /** What a baseline's file is. */
    public enum Kind {
        /**
         * A zip holding {@code spec.json} (a model spec, see {@code exported}) and the files it
         * names, at its top or in a single top folder: run by the {@code exported} adapter.
         */
        MODEL_ZIP("model-zip"),
        /**
         * A {@code torch.save} checkpoint of the published GLAMI-1M EmbraceNet's structure (ResNeXt-50
         * image branch, text features of an mT5 encoder, label_source): run natively by
         * {@link org.glamibench.published.GlamiEmbraceNetAdapter}.
         */
        GLAMI_EMBRACENET("glami-embracenet"),
        /**
         * Any other {@code torch.save} pickle (a state dict and Python objects): its network is defined
         * by Python code only, so it cannot be run.
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
