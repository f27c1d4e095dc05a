package org.glamibench.cli;

import java.nio.file.Path;
import org.glamibench.eval.TestDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of command tests over one {@link TestDataset} of 20 test items, written once per test class
 * ({@link #data}); each test gets its own empty {@link #out} folder.
 */
abstract class TwentyItemDataset {
    @TempDir
    static Path shared;
    static Path data;

    @TempDir
    Path out;

    @BeforeAll
    static void writeData() {
        data = TestDataset.write(shared, TestDataset.items(20));
    }
}
