package org.glamibench.sample;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * What {@link SampleGenerator} wrote.
 *
 * @param folder    the {@code GLAMI-1M-dataset} folder
 * @param trainRows rows in the train CSV
 * @param testRows  rows in the test CSV
 * @param images    image files written (0 without images)
 * @param elapsed   wall time taken
 */
public record SampleSummary(Path folder, int trainRows, int testRows, int images, Duration elapsed) {

    /** One line for people, e.g. {@code sample: 20000 train + 5000 test rows, 23412 images in out/GLAMI-1M-dataset (31.2 s)}. */
    public String describe() {
        return String.format(Locale.ROOT, "sample: %d train + %d test rows, %d images in %s (%.1f s)",
                trainRows, testRows, images, folder, elapsed.toMillis() / 1000.0);
    }
}
