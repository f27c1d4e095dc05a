package org.glamibench.models.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.glamibench.dataset.DatasetLayout;
import org.glamibench.models.folder.ModelKind;
import org.glamibench.models.folder.ModelFolder;
import org.glamibench.progress.ProgressOutput;
import org.glamibench.sample.SampleGenerator;
import org.glamibench.sample.SampleOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training is deterministic on the CPU, and a training interrupted after a checkpoint resumes to
 * exactly the parameters of an uninterrupted one.
 */
class TrainingResumeTest {
    private static final int EPOCHS = 3;

    @TempDir
    Path root;

    private final ModelTrainer trainer = new ModelTrainer(new ProgressOutput(new PrintWriter(new StringWriter()), false));

    @Test
    void anInterruptedTrainingResumesToExactlyTheUninterruptedResult() throws Exception {
        DatasetLayout layout = sample();
        TrainingSettings settings = settings(11);
        Path whole = root.resolve("whole");
        trainer.train(layout, whole, settings, false);
        String expected = ModelFolder.sha256(whole.resolve(ModelFolder.PARAMETERS));

        Path interrupted = root.resolve("interrupted");
        int done = interruptAfterACheckpoint(layout, interrupted, settings);
        ModelTrainer.Outcome resumed = trainer.train(layout, interrupted, settings, false);
        assertThat(resumed.resumed()).isEqualTo(done);
        assertThat(ModelFolder.sha256(interrupted.resolve(ModelFolder.PARAMETERS))).isEqualTo(expected);
        assertThat(resumed.manifest().epochs()).hasSize(EPOCHS);
        assertThat(Files.exists(interrupted.resolve("checkpoint"))).isFalse();
    }

    @Test
    void aCheckpointOfAnotherRequestIsNotResumed() throws Exception {
        DatasetLayout layout = sample();
        Path dir = root.resolve("model");
        interruptAfterACheckpoint(layout, dir, settings(11));
        assertThatThrownBy(() -> trainer.train(layout, dir, settings(12), false))
                .isInstanceOf(TrainingException.class)
                .hasMessageContaining("holds an interrupted training of another request");
        assertThat(trainer.train(layout, dir, settings(12), true).resumed()).isZero();
    }

    private DatasetLayout sample() throws java.io.IOException {
        SampleGenerator.generate(root, new SampleOptions(200, 10, 3, false, 1, false));
        return DatasetLayout.locate(root, Map.of());
    }

    private static TrainingSettings settings(long seed) {
        return TrainingSettings.builder(ModelKind.TEXT).optEpochs(EPOCHS).optBatch(32).optThreads(1).optSeed(seed)
                .build();
    }

    /** Starts a training and interrupts it once it wrote a checkpoint; returns the epochs it finished. */
    private int interruptAfterACheckpoint(DatasetLayout layout, Path dir, TrainingSettings settings) throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread training = new Thread(() -> {
            try {
                trainer.train(layout, dir, settings, false);
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        training.start();
        while (!Checkpoint.exists(dir) && training.isAlive()) {
            Thread.sleep(1);
        }
        training.interrupt();
        training.join();
        assertThat(failure.get()).as("the training should have been interrupted before its end")
                .isInstanceOf(InterruptedException.class);
        assertThat(ModelFolder.exists(dir)).isFalse();
        int done = Checkpoint.read(dir).epochsDone();
        assertThat(done).isBetween(1, EPOCHS - 1);
        return done;
    }
}
