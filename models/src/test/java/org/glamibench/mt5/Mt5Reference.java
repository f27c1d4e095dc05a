package org.glamibench.mt5;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.glamibench.python.PythonScripts;

/** The fixtures of make_mt5_reference.py (see its docstring) and comparisons against them. */
final class Mt5Reference {
    /** Largest absolute difference allowed between Java and the torch reference. */
    static final double TOLERANCE = 1e-4;

    private Mt5Reference() {
    }

    /** Runs the generator into {@code dir}. */
    static void generate(Path dir) {
        PythonScripts.run("make_mt5_reference.py", dir.toString());
    }

    /** Parses a JSON file the generator wrote. */
    static JsonNode json(Path file) {
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON matrix of integers. */
    static long[][] longs(JsonNode matrix) {
        long[][] rows = new long[matrix.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new long[matrix.get(i).size()];
            for (int j = 0; j < rows[i].length; j++) {
                rows[i][j] = matrix.get(i).get(j).asLong();
            }
        }
        return rows;
    }

    /** Asserts {@code actual} has the length of {@code expected} and is within {@link #TOLERANCE} of it. */
    static void assertClose(float[] actual, JsonNode expected, String what) {
        assertThat(actual).as(what + " length").hasSize(expected.size());
        double worst = 0;
        int worstAt = -1;
        for (int i = 0; i < actual.length; i++) {
            double difference = Math.abs(actual[i] - expected.get(i).asDouble());
            if (!(difference <= worst)) {
                worst = difference;
                worstAt = i;
            }
        }
        assertThat(worst).as("%s: largest difference at %d (Java %s, torch %s)", what, worstAt,
                worstAt < 0 ? "-" : actual[worstAt], worstAt < 0 ? "-" : expected.get(worstAt))
                .isLessThanOrEqualTo(TOLERANCE);
    }
}
