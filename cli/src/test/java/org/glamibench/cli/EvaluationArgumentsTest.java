package org.glamibench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.glamibench.cli.EvalCli.evalOk;
import static org.glamibench.cli.EvalCli.runJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.glamibench.eval.TestDataset;
import org.glamibench.progress.ProgressOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link GlamiBench#evaluation}: the typed evaluation behind {@code eval}'s arguments. */
class EvaluationArgumentsTest {
    @TempDir
    Path temp;

    @Test
    void theTypedEvaluationOfEvalsArgumentsWritesWhatEvalWrites() throws Exception {
        Path data = TestDataset.write(temp.resolve("data"), TestDataset.items(24));
        Path viaCommand = temp.resolve("command");
        Path viaApi = temp.resolve("api");
        evalOk(data, viaCommand, "--adapter", "random", "--seed", "7", "--subset", "12", "--run-id", "r", "--batch", "5");

        GlamiBench.evaluation(List.of("--data", data.toString(), "--adapter", "random", "--seed", "7", "--subset", "12",
                        "--threads", "2", "--batch", "5"))
                .out(viaApi).runId("r").cache(viaApi.resolve("cache")).build()
                .run(new ProgressOutput(new PrintWriter(new StringWriter()), false));

        assertThat(Files.readString(viaApi.resolve("r/predictions.csv")))
                .isEqualTo(Files.readString(viaCommand.resolve("r/predictions.csv")));
        assertThat(withoutTimes(runJson(viaApi.resolve("r")))).isEqualTo(withoutTimes(runJson(viaCommand.resolve("r"))));
        assertThat(Files.readString(viaApi.resolve("r/request.json")))
                .isEqualTo(Files.readString(viaCommand.resolve("r/request.json")));
    }

    @Test
    void argumentsThatEvalRefusesAreRefusedWithItsMessage() {
        assertThatThrownBy(() -> GlamiBench.evaluation(List.of("--data", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Missing required option: '--adapter=NAME'");
        assertThatThrownBy(() -> GlamiBench.evaluation(List.of("--adapter", "prior", "--split", "validation")))
                .hasMessage("--split must be test or train, got 'validation'");
        assertThatThrownBy(() -> GlamiBench.evaluation(List.of("--adapter", "prior", "--in-process", "--sandbox")))
                .hasMessage("--in-process and --sandbox exclude each other");
    }

    private static JsonNode withoutTimes(JsonNode runJson) {
        ObjectNode copy = runJson.deepCopy();
        copy.remove(List.of("created", "timing", "provenance"));
        return copy;
    }
}
