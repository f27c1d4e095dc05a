package org.glamibench.torch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.glamibench.torch.TorchTestFiles.assertTensor;
import static org.glamibench.torch.TorchTestFiles.map;
import static org.glamibench.torch.TorchTestFiles.plain;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** checkpoint.pt of make_torch_files.py: a training checkpoint shaped like the published GLAMI-1M one. */
class TorchFileCheckpointTest {
    private static final JsonNode EXPECTED = TorchTestFiles.json("checkpoint.json");

    @Test
    void everyEntryOfTheCheckpointReadsAsTorchWroteIt() {
        try (TorchFile file = TorchFile.open(TorchTestFiles.file("checkpoint.pt"))) {
            Map<Object, Object> root = map(file.root());
            assertThat(root.keySet()).containsExactly("epoch", "model_state_dict", "optimizer_state_dict", "loss",
                    "label_binarizer", "source_binarizer");
            assertThat(root.get("epoch")).isEqualTo(2L);
            NumpyScalar loss = (NumpyScalar) root.get("loss");
            assertThat(loss.dtype()).isEqualTo("<f4");
            assertThat(Float.floatToRawIntBits((float) loss.doubleValue()))
                    .isEqualTo(EXPECTED.get("loss_bits").asInt());
            assertThat(plain(root.get("label_binarizer"))).isEqualTo(plain(EXPECTED.get("label_binarizer")));
            assertThat(map(root.get("label_binarizer")).keySet()).containsExactly(12L, 45L, 78L, 1001L);
            assertThat(plain(root.get("source_binarizer"))).isEqualTo(plain(EXPECTED.get("source_binarizer")));

            StateDict model = StateDict.of(file, root.get("model_state_dict"), "model_state_dict");
            EXPECTED.get("model_state_dict").properties().forEach(entry ->
                    assertTensor(entry.getKey(), model.take(entry.getKey()), entry.getValue()));
            model.requireAllTaken();

            Map<Object, Object> optimizer = map(root.get("optimizer_state_dict"));
            assertThat(plain(optimizer.get("param_groups"))).isEqualTo(plain(EXPECTED.get("param_groups")));
            Map<Object, Object> state = map(optimizer.get("state"));
            assertThat(state).hasSize(EXPECTED.get("optimizer_state").size());
            EXPECTED.get("optimizer_state").properties().forEach(parameter -> {
                Map<Object, Object> moments = map(state.get(Long.parseLong(parameter.getKey())));
                parameter.getValue().properties().forEach(entry -> assertTensor(parameter.getKey() + "."
                        + entry.getKey(), (TorchTensor) moments.get(entry.getKey()), entry.getValue()));
            });
        }
    }

    @Test
    void theOptimizerStateParsesWithoutItsStoragesBeingRead() {
        try (TorchFile file = TorchFile.open(TorchTestFiles.file("checkpoint.pt"))) {
            Map<Object, Object> root = map(file.root());
            Map<Object, Object> state = map(map(root.get("optimizer_state_dict")).get("state"));
            assertThat(state.keySet()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
            TorchTensor firstMoment = (TorchTensor) map(state.get(0L)).get("exp_avg");
            assertThat(firstMoment.describe()).isEqualTo("float32[5, 6]");
            assertThat(file.storageBytesRead()).isZero();

            StateDict model = StateDict.of(file, root.get("model_state_dict"), "model_state_dict");
            long modelBytes = 0;
            for (String key : model.keys()) {
                TorchTensor tensor = model.take(key);
                modelBytes += tensor.numel() * tensor.dtype().byteSize();
                tensor.toFloats();
            }
            assertThat(file.storageBytesRead()).isEqualTo(modelBytes);
        }
    }
}
