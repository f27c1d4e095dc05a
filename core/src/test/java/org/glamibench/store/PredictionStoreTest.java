package org.glamibench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.glamibench.dataset.ClassIndex;
import org.glamibench.npy.Npy;
import org.glamibench.dataset.Geo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionStoreTest {
    static final ClassIndex SEVEN = TestRuns.classes(7);

    @TempDir
    Path dir;

    @Test
    void roundTripsRowsAndScoresIncludingErrorMessagesThatNeedQuoting() throws IOException {
        Path run = dir.resolve("run");
        List<TestRuns.Item> items = SampleRun.items();
        SampleRun.write(run);

        StoredPredictions stored = StoredPredictions.read(run);

        assertThat(stored.finished()).isTrue();
        assertThat(stored.hasScores()).isTrue();
        assertThat(stored.classIndex()).isEqualTo(SampleRun.classes());
        assertThat(stored.rows()).containsExactlyElementsOf(items.stream().map(TestRuns.Item::row).toList());
        for (int i = 0; i < items.size(); i++) {
            float[] expected = items.get(i).probabilities();
            if (expected == null) {
                assertThat(stored.scores(i)).containsOnly(Float.NaN);
            } else {
                assertThat(stored.scores(i)).containsExactly(expected);
            }
        }
        assertThat(stored.rows().get(5).error()).isEqualTo("first line\nsecond line");
        assertThat(stored.rowOf(1009868)).isEqualTo(1);
        assertThat(stored.rowOf(7)).isEqualTo(-1);
        assertThat(stored.score(1, 4)).isEqualTo(0.99999994f);
        assertThat(fileNames(run)).containsExactlyInAnyOrder("classes.json", "predictions.csv", "scores.npy");
    }

    @Test
    void writesTheDocumentedCsvText() throws IOException {
        Path run = dir.resolve("run");
        try (PredictionStore store = PredictionStore.open(run, SEVEN, false)) {
            store.append(PredictionRow.ok(5, Geo.CZ, 107, new int[] {107, 100, 142, 121, 128},
                    new float[] {0.5f, 0.25f, 0.1f, 0.1f, 1e-10f}), null);
            store.append(PredictionRow.failed(6, Geo.SK, 100, ItemStatus.INPUT_ERROR, "bad \"jpeg\", line\n2"), null);
            store.append(PredictionRow.failed(7, Geo.HU, 100, ItemStatus.ADAPTER_ERROR, "plain"), null);
            store.finish();
        }

        assertThat(Files.readString(run.resolve("predictions.csv"), StandardCharsets.UTF_8)).isEqualTo("""
                item_id,geo,category,pred_1,pred_2,pred_3,pred_4,pred_5,score_1,score_2,score_3,score_4,score_5,status,error
                5,cz,107,107,100,142,121,128,0.5,0.25,0.1,0.1,1.0E-10,ok,
                6,sk,100,,,,,,,,,,,input_error,"bad ""jpeg"", line
                2"
                7,hu,100,,,,,,,,,,,adapter_error,plain
                """);
        assertThat(run.resolve("scores.npy")).doesNotExist();
        StoredPredictions stored = StoredPredictions.read(run);
        assertThat(stored.hasScores()).isFalse();
        assertThatThrownBy(() -> stored.scores(0)).isInstanceOf(IllegalStateException.class)
                .hasMessage("this run saved no scores");
    }

    @Test
    void leavesPredictionCellsEmptyBeyondTheNumberOfClasses() throws IOException {
        ClassIndex three = TestRuns.classes(3);
        Path run = dir.resolve("run");
        try (PredictionStore store = PredictionStore.open(run, three, true)) {
            store.append(TestRuns.scored(1, Geo.EE, 114, new float[] {0.2f, 0.5f, 0.3f}, three).row(),
                    new float[] {0.2f, 0.5f, 0.3f});
            assertThatThrownBy(() -> store.append(PredictionRow.ok(2, Geo.EE, 100, new int[] {100, 107},
                    new float[] {0.6f, 0.4f}), new float[] {0.6f, 0.4f, 0f}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("item 2: an ok row has 3 predictions with 3 classes, got 2");
            store.finish();
        }

        assertThat(Files.readAllLines(run.resolve("predictions.csv")).get(1))
                .isEqualTo("1,ee,114,107,114,100,,,0.5,0.3,0.2,,,ok,");
        assertThat(StoredPredictions.read(run).rows().get(0).topCategories()).containsExactly(107, 114, 100);
    }

    @Test
    void refusesBadRowsAndWritesNothingForThem() {
        Path run = dir.resolve("run");
        TestRuns.Item good = TestRuns.item(1, SEVEN);
        float[] p = good.probabilities();
        int[] top = good.row().topCategories();
        float[] topScores = good.row().topScores();
        try (PredictionStore store = PredictionStore.open(run, SEVEN, true)) {
            good.appendTo(store);

            assertThatThrownBy(() -> good.appendTo(store)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("item 1 is already stored");
            assertThatThrownBy(() -> store.append(PredictionRow.ok(2, Geo.CZ, 99, top, topScores), p))
                    .hasMessage("item 2: category 99 is not in the class index");
            assertThatThrownBy(() -> store.append(PredictionRow.ok(2, Geo.CZ, 100,
                    new int[] {top[0], top[1], top[2], top[3], 101}, topScores), p))
                    .hasMessage("item 2: predicted category 101 is not in the class index");
            assertThatThrownBy(() -> store.append(PredictionRow.ok(2, Geo.CZ, 100, top, topScores), null))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage("probabilities (this store saves scores)");
            assertThatThrownBy(() -> store.append(PredictionRow.ok(2, Geo.CZ, 100, top, topScores), new float[6]))
                    .hasMessage("item 2: 6 probabilities for 7 classes");
            float[] other = p.clone();
            other[SEVEN.indexOf(top[1])] += 1e-7f;
            assertThatThrownBy(() -> store.append(PredictionRow.ok(2, Geo.CZ, 100, top, topScores), other))
                    .hasMessageStartingWith("item 2: score_2 is " + topScores[1] + " but the score of category "
                            + top[1]);
            float[] infinite = p.clone();
            infinite[0] = Float.POSITIVE_INFINITY;
            assertThatThrownBy(() -> store.append(PredictionRow.ok(2, Geo.CZ, 100, top, topScores), infinite))
                    .hasMessage("item 2: an ok row's scores are finite, but class 0 has Infinity");
            assertThatThrownBy(() -> store.append(PredictionRow.failed(2, Geo.CZ, 100, ItemStatus.INPUT_ERROR, "x"), p))
                    .hasMessage("item 2: an input_error row has no probabilities; pass null");
            store.finish();
        }

        assertThat(StoredPredictions.read(run).rows()).containsExactly(good.row());
    }

    @Test
    void rowsCheckTheirOwnShape() {
        assertThatThrownBy(() -> PredictionRow.ok(1, Geo.CZ, 100, new int[] {100, 107}, new float[] {0.2f, 0.3f}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("item 1: scores are not best first: score_2 0.3 > score_1 0.2");
        assertThatThrownBy(() -> PredictionRow.ok(1, Geo.CZ, 100, new int[] {100, 100}, new float[] {0.3f, 0.3f}))
                .hasMessage("item 1: category 100 is predicted twice");
        assertThatThrownBy(() -> PredictionRow.ok(1, Geo.CZ, 100, new int[] {100}, new float[] {Float.NaN}))
                .hasMessage("item 1: score_1 is NaN");
        assertThatThrownBy(() -> PredictionRow.ok(1, Geo.CZ, 100, new int[0], new float[0]))
                .hasMessage("item 1: an ok row has 1 to 5 predictions, got 0");
        assertThatThrownBy(() -> PredictionRow.failed(1, Geo.CZ, 100, ItemStatus.ADAPTER_ERROR, " "))
                .hasMessage("item 1: an adapter_error row needs an error message");
        assertThatThrownBy(() -> PredictionRow.failed(1, Geo.CZ, 100, ItemStatus.OK, "x"))
                .hasMessage("item 1: a failed row cannot have status ok");
    }

    @Test
    void checkpointsEveryNRowsAndOnExplicitCalls() {
        Path run = dir.resolve("run");
        try (PredictionStore store = PredictionStore.open(run, SEVEN, true,
                new PredictionStore.CheckpointPolicy(3, Duration.ofHours(1)))) {
            for (long id = 1; id <= 3; id++) {
                TestRuns.item(id, SEVEN).appendTo(store);
            }
            assertThat(StoredPredictions.read(run).size()).isEqualTo(3);

            TestRuns.item(4, SEVEN).appendTo(store);
            assertThat(StoredPredictions.read(run).size()).isEqualTo(3);

            store.checkpoint();
            StoredPredictions stored = StoredPredictions.read(run);
            assertThat(stored.size()).isEqualTo(4);
            assertThat(stored.finished()).isFalse();
        }
    }

    @Test
    void aZeroIntervalCheckpointsEveryRow() {
        Path run = dir.resolve("run");
        try (PredictionStore store = PredictionStore.open(run, SEVEN, true,
                new PredictionStore.CheckpointPolicy(1000, Duration.ZERO))) {
            TestRuns.item(1, SEVEN).appendTo(store);
            assertThat(StoredPredictions.read(run).size()).isEqualTo(1);
        }
        assertThatThrownBy(() -> new PredictionStore.CheckpointPolicy(0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resumesAClosedRunAndEndsWithOneRowPerItemInOrder() throws IOException {
        Path run = dir.resolve("run");
        try (PredictionStore store = PredictionStore.open(run, SEVEN, true)) {
            assertThat(store.completedItemIds()).isEmpty();
            LongStream.rangeClosed(1, 3).forEach(id -> TestRuns.item(id, SEVEN).appendTo(store));
        }
        assertThat(run.resolve("predictions.csv.part")).exists();
        assertThat(run.resolve("scores.npy.part")).exists();

        try (PredictionStore store = PredictionStore.open(run, SEVEN, true)) {
            assertThat(store.completedItemIds()).containsExactlyInAnyOrder(1L, 2L, 3L);
            assertThat(store.size()).isEqualTo(3);
            LongStream.rangeClosed(4, 200).forEach(id -> TestRuns.item(id, SEVEN).appendTo(store));
            store.finish();
        }

        Path reference = writeInOneGo(dir.resolve("reference"), 200);
        assertSameFiles(run, reference);
    }

    @Test
    void reopensAFinishedRunAndFinishesItAgainUnchanged() throws IOException {
        Path run = writeInOneGo(dir.resolve("run"), 100);
        byte[] csv = Files.readAllBytes(run.resolve("predictions.csv"));
        byte[] npy = Files.readAllBytes(run.resolve("scores.npy"));

        try (PredictionStore store = PredictionStore.open(run, SEVEN, true)) {
            assertThat(store.completedItemIds()).hasSize(100);
            assertThat(StoredPredictions.read(run).finished()).isFalse();
            store.finish();
        }

        assertThat(Files.readAllBytes(run.resolve("predictions.csv"))).isEqualTo(csv);
        assertThat(Files.readAllBytes(run.resolve("scores.npy"))).isEqualTo(npy);
    }

    @Test
    void refusesAnotherClassIndexOrScoreSetting() {
        Path run = dir.resolve("run");
        PredictionStore.open(run, SEVEN, true).close();

        assertThatThrownBy(() -> PredictionStore.open(run, TestRuns.classes(8), true))
                .isInstanceOf(PredictionStoreException.class)
                .hasMessage(run.resolve("classes.json") + ": this run's class index is " + SEVEN + ", not "
                        + TestRuns.classes(8) + "; use another run folder");
        assertThatThrownBy(() -> PredictionStore.open(run, SEVEN, false))
                .isInstanceOf(PredictionStoreException.class)
                .hasMessage(run + ": this run was started with saved scores; open it with them or use another run folder");
    }

    @Test
    void allowsOneWriterAtATime() {
        Path run = dir.resolve("run");
        try (PredictionStore store = PredictionStore.open(run, SEVEN, true)) {
            assertThatThrownBy(() -> PredictionStore.open(run, SEVEN, true))
                    .isInstanceOf(PredictionStoreException.class)
                    .hasMessage(run + ": another writer has this run open");
            store.finish();
            assertThatThrownBy(() -> TestRuns.item(1, SEVEN).appendTo(store)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("the prediction store of " + run + " is finished");
        }
        PredictionStore.open(run, SEVEN, true).close();
    }

    @Test
    void aFolderWithoutPredictionsIsNotARun() {
        assertThatThrownBy(() -> StoredPredictions.read(dir)).isInstanceOf(PredictionStoreException.class)
                .hasMessage(dir + ": no predictions.csv or predictions.csv.part here");
    }

    @Test
    void namesTheFileAndLineOfABadRow() throws IOException {
        Path run = writeInOneGo(dir.resolve("run"), 5);
        Path csv = run.resolve("predictions.csv");
        String text = Files.readString(csv);

        Files.writeString(csv, text.replace("\n3,gr,", "\n3,xx,"));
        assertThatThrownBy(() -> StoredPredictions.read(run)).isInstanceOf(PredictionStoreException.class)
                .hasMessage(csv + ":4: field 'geo': unknown geo 'xx'");

        Files.writeString(csv, text.replace("\n3,gr,", "\n1,gr,"));
        assertThatThrownBy(() -> StoredPredictions.read(run))
                .hasMessage(csv + ":4: item_id 1 is already on line 2");

        Files.writeString(csv, text.replace(",ok,\n", ",ok,extra\n"));
        assertThatThrownBy(() -> StoredPredictions.read(run))
                .hasMessage(csv + ":2: item 1: an ok row has no error message, got 'extra'");

        Files.writeString(csv, text.replaceFirst(",ok,\n", ",ok\n"));
        assertThatThrownBy(() -> StoredPredictions.read(run)).hasMessage(csv + ":2: 14 fields, expected 15");

        Files.writeString(csv, text.replaceFirst("item_id", "id"));
        assertThatThrownBy(() -> StoredPredictions.read(run)).hasMessageStartingWith(csv + ":1: header is not item_id,geo");

        Files.writeString(csv, text.substring(0, text.length() - 1));
        assertThatThrownBy(() -> StoredPredictions.read(run))
                .hasMessage(csv + ": the last record has no line end, but the run is finished");
    }

    @Test
    void catchesScoresOutOfStepWithTheRows() throws IOException {
        Path run = writeInOneGo(dir.resolve("run"), 5);
        Path npy = run.resolve("scores.npy");
        byte[] bytes = Files.readAllBytes(npy);
        int rowBytes = 4 * 7;

        byte[] swapped = bytes.clone();
        System.arraycopy(bytes, 128, swapped, 128 + rowBytes, rowBytes);
        System.arraycopy(bytes, 128 + rowBytes, swapped, 128, rowBytes);
        Files.write(npy, swapped);
        assertThatThrownBy(() -> StoredPredictions.read(run)).isInstanceOf(PredictionStoreException.class)
                .hasMessageStartingWith(run.resolve("predictions.csv") + ":2: score_1 is ")
                .hasMessageEndingWith(" in scores.npy row 0; the two files are out of step");

        Files.write(npy, Arrays.copyOf(bytes, bytes.length - rowBytes));
        assertThatThrownBy(() -> StoredPredictions.read(run))
                .hasMessage(npy + ": 5 score rows in the header and 4 in the file, but predictions.csv has 5 rows");

        byte[] wider = Arrays.copyOf(bytes, 128 + 5 * 8 * 4);
        System.arraycopy(Npy.header(5, 8).array(), 0, wider, 0, 128);
        Files.write(npy, wider);
        assertThatThrownBy(() -> StoredPredictions.read(run))
                .hasMessage(npy + ": 8 score columns, but classes.json lists 7 classes");
    }

    @Test
    void checksThatClassesJsonIsTheIndexItNames() throws IOException {
        Path run = writeInOneGo(dir.resolve("run"), 2);
        Path json = run.resolve("classes.json");
        String text = Files.readString(json);
        assertThat(text).contains("\"sha256\" : \"" + SEVEN.sha256() + "\"", "\"source_split\" : \"train\"",
                "\"index\" : 6,\n    \"category\" : 142,\n    \"name\" : \"class-142\"");

        Files.writeString(json, text.replace("class-142", "class-143"));
        assertThatThrownBy(() -> StoredPredictions.read(run)).isInstanceOf(PredictionStoreException.class)
                .hasMessageStartingWith(json + ": sha256 " + SEVEN.sha256() + " is not that of the classes listed (");
    }

    static Path writeInOneGo(Path run, int items) {
        try (PredictionStore store = PredictionStore.open(run, SEVEN, true)) {
            LongStream.rangeClosed(1, items).forEach(id -> TestRuns.item(id, SEVEN).appendTo(store));
            store.finish();
        }
        return run;
    }

    static void assertSameFiles(Path run, Path reference) throws IOException {
        for (String name : List.of("classes.json", "predictions.csv", "scores.npy")) {
            assertThat(Files.readAllBytes(run.resolve(name))).as(name)
                    .isEqualTo(Files.readAllBytes(reference.resolve(name)));
        }
        assertThat(fileNames(run)).containsExactlyInAnyOrder("classes.json", "predictions.csv", "scores.npy");
    }

    static List<String> fileNames(Path run) throws IOException {
        try (Stream<Path> files = Files.list(run)) {
            return files.map(path -> path.getFileName().toString()).toList();
        }
    }
}
