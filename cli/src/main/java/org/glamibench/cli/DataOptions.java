package org.glamibench.cli;

import java.nio.file.Path;
import org.glamibench.dataset.DatasetLayout;
import org.glamibench.dataset.GlamiCsvReader;
import picocli.CommandLine.Option;

/** The options that say where the dataset is and how bad rows are handled (a picocli mixin). */
final class DataOptions {
    @Option(names = "--data", paramLabel = "DIR",
            description = "The GLAMI-1M-dataset folder or a folder containing it (default: $EXTRACT_DIR/GLAMI-1M-dataset, EXTRACT_DIR defaulting to /tmp/GLAMI-1M).")
    private Path data;

    @Option(names = "--lenient", description = "Skip bad CSV rows and report each one, instead of stopping at the first.")
    private boolean lenient;

    /** The folder given with {@code --data}; null for the default one. */
    Path folder() {
        return data;
    }

    /**
     * The dataset's layout.
     *
     * @throws org.glamibench.dataset.DatasetException when there is no dataset there
     */
    DatasetLayout layout() {
        return DatasetLayout.locate(data, System.getenv());
    }

    /** Strict, or lenient with {@code --lenient}. */
    GlamiCsvReader.Mode mode() {
        return lenient ? GlamiCsvReader.Mode.LENIENT : GlamiCsvReader.Mode.STRICT;
    }
}
