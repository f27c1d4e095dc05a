package org.glamibench.leaderboard.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.glamibench.leaderboard.RunVerifier;
import org.glamibench.leaderboard.SuiteWork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spec file of a baseline suite. */
class BaselineSuiteTest {

    @Test
    void theCommittedSuiteListsTheBuiltInReferenceModels() throws Exception {
        BaselineSuite suite = BaselineSuite.read(SuiteWork.suiteFolder());

        assertThat(suite.models()).extracting(BaselineSuite.Model::id).startsWith("prior", "random", "image", "text",
                "embracenet");
        assertThat(suite.trainings()).extracting(BaselineSuite.Training::name).containsExactly("image", "text", "embracenet");
        for (BaselineSuite.Model model : suite.models()) {
            assertThat(suite.baseline(model).resolve("predictions.csv")).isRegularFile();
            assertThat(suite.baseline(model).resolve("scores.npy")).doesNotExist();
            // A committed run passes the leaderboard's verification like any other.
            assertThat(new RunVerifier(null).verify(suite.baseline(model)).runId()).isEqualTo(model.id());
        }
    }

    @Test
    void aModelIsOneLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(BaselineSuite.SPEC_FILE), "# comment\nsample --test 50 --no-images\n\n"
                + "model prior --adapter prior --seed 7   # the majority class\nmodel other --adapter random\n");

        BaselineSuite suite = BaselineSuite.read(dir);

        assertThat(suite.models()).containsExactly(new BaselineSuite.Model("prior", List.of("--adapter", "prior", "--seed", "7")),
                new BaselineSuite.Model("other", List.of("--adapter", "random")));
        assertThat(suite.baseline(suite.models().get(1))).isEqualTo(dir.resolve("other"));
    }

    @Test
    void aTrainedModelIsATrainLineAndAModelLineReferringToIt(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(BaselineSuite.SPEC_FILE), "sample --test 50\ntrain img --model image --seed 7\n"
                + "train fusion --model embracenet --image-model @img --text-model @img\n"
                + "model fusion --adapter embracenet --adapter-option model=@fusion\n");

        BaselineSuite suite = BaselineSuite.read(dir);

        assertThat(suite.trainings()).containsExactly(new BaselineSuite.Training("img", List.of("--model", "image", "--seed", "7")),
                new BaselineSuite.Training("fusion", List.of("--model", "embracenet", "--image-model", "@img",
                        "--text-model", "@img")));
        assertThat(suite.models()).containsExactly(new BaselineSuite.Model("fusion", List.of("--adapter", "embracenet",
                "--adapter-option", "model=@fusion")));
    }

    @Test
    void refusesAReferenceToNoTrainingAboveAndWhatTheSuiteSetsInATraining(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(BaselineSuite.SPEC_FILE), "sample --test 50\n"
                + "model image --adapter image --adapter-option model=@image\ntrain image --model image\n");
        assertThatThrownBy(() -> BaselineSuite.read(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("baselines.txt:2: model=@image: no 'train image' line above");

        Files.writeString(dir.resolve(BaselineSuite.SPEC_FILE), "sample --test 50\ntrain image --model image --out x\n");
        assertThatThrownBy(() -> BaselineSuite.read(dir)).hasMessage("baselines.txt:2: --out is set by the suite (it sets "
                + "--data, --force, --out)");

        Files.writeString(dir.resolve(BaselineSuite.SPEC_FILE), "sample --test 50\ntrain image --model image\n"
                + "train image --model image\n");
        assertThatThrownBy(() -> BaselineSuite.read(dir)).hasMessage("baselines.txt:3: train image is listed twice");
    }

    @Test
    void refusesWhatTheSuiteSetsItselfNamingTheLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(BaselineSuite.SPEC_FILE), "sample --test 50\nmodel prior --adapter prior --batch 8\n");
        assertThatThrownBy(() -> BaselineSuite.read(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("baselines.txt:2: --batch is set by the suite");

        Files.writeString(dir.resolve(BaselineSuite.SPEC_FILE), "sample --test 50\nmodel prior --adapter prior --save-scores\n");
        assertThatThrownBy(() -> BaselineSuite.read(dir)).hasMessageStartingWith("baselines.txt:2: --save-scores is set");

        Files.writeString(dir.resolve(BaselineSuite.SPEC_FILE), "sample --test 50\nmodle prior --adapter prior\n");
        assertThatThrownBy(() -> BaselineSuite.read(dir))
                .hasMessageContaining("baselines.txt:2: expected 'sample ...', 'train ...' or 'model ...'");

        Files.writeString(dir.resolve(BaselineSuite.SPEC_FILE), "model prior --adapter prior\n");
        assertThatThrownBy(() -> BaselineSuite.read(dir)).hasMessageContaining("needs one 'sample' line");
    }
}
