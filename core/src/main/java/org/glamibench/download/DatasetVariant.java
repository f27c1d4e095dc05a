package org.glamibench.download;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The published GLAMI-1M zips, with their sizes and checksums. */
@SuppressWarnings("ImmutableEnumChecker") // DatasetSource is a record of immutable values (its URL list copied)
public enum DatasetVariant {
    /**
     * Train and test splits with all images: {@code GLAMI-1M-dataset.zip}, about 10.5 GiB (its MD5,
     * also published, is 500348bbf54595db81cba353acd50d78).
     */
    FULL("full", new DatasetSource(
            List.of(URI.create("https://zenodo.org/record/7326406/files/GLAMI-1M-dataset.zip?download=1"),
                    URI.create("https://huggingface.co/datasets/glami/glami-1m/resolve/main/GLAMI-1M-dataset.zip")),
            "GLAMI-1M-dataset.zip",
            11_227_139_414L,
            Checksum.sha256("35cb7560d150b2147d9bc7813471036f08ac290fe8e17b16c7b08747de9026f7"))),
    /** The test split and its images only: {@code GLAMI-1M-dataset--test-only.zip}, about 1.3 GiB. */
    TEST_ONLY("test-only", new DatasetSource(
            List.of(URI.create("https://huggingface.co/datasets/glami/glami-1m/resolve/main/GLAMI-1M-dataset--test-only.zip")),
            "GLAMI-1M-dataset--test-only.zip",
            1_393_501_262L,
            Checksum.sha256("814c1fb456b86a1a4f1c44fe3fb15c6bc645480e70ea4bfe06bd6a76e29afe9b")));

    private final String label;
    private final DatasetSource source;

    DatasetVariant(String label, DatasetSource source) {
        this.label = label;
        this.source = source;
    }

    /** The name on the command line: {@code full} or {@code test-only}. */
    public String label() {
        return label;
    }

    /** Where the zip is published (official URL first, then mirrors), its size and its SHA-256. */
    public DatasetSource source() {
        return source;
    }

    /**
     * The variant named {@code label}.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static DatasetVariant ofLabel(String label) {
        for (DatasetVariant variant : values()) {
            if (variant.label.equals(label)) {
                return variant;
            }
        }
        throw new IllegalArgumentException("unknown variant '" + label + "'; expected one of "
                + Arrays.stream(values()).map(DatasetVariant::label).toList());
    }

    /** The variant published at exactly this URL (official or mirror), if any. */
    public static Optional<DatasetVariant> ofUrl(URI url) {
        return Arrays.stream(values()).filter(variant -> variant.source.urls().contains(url)).findFirst();
    }
}
