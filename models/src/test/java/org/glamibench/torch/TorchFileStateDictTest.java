package org.glamibench.torch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.glamibench.torch.TorchTestFiles.map;

import org.junit.jupiter.api.Test;

/** StateDict over pytorch_model.bin and tensors.pt of make_torch_files.py: what it hands out and its messages. */
class TorchFileStateDictTest {
    @Test
    void takeChecksTheShapeAndNamesFileWhatAndKey() {
        try (TorchFile file = TorchFile.open(TorchTestFiles.file("pytorch_model.bin"))) {
            StateDict state = StateDict.of(file, file.root(), "model_state_dict");
            assertThat(state.has("0.weight")).isTrue();
            assertThat(state.has("0.bias")).isFalse();
            assertThat(state.take("0.weight", 4, 3, 3, 3).describe()).isEqualTo("float32[4, 3, 3, 3]");
            assertThatThrownBy(() -> state.take("0.weight", 4, 3, 7, 7)).isInstanceOf(TorchFileException.class)
                    .hasMessage(file.file() + ": model_state_dict: 0.weight is float32[4, 3, 3, 3],"
                            + " expected [4, 3, 7, 7]");
            assertThatThrownBy(() -> state.take("0.bias")).isInstanceOf(TorchFileException.class)
                    .hasMessage(file.file() + ": model_state_dict: missing key 0.bias");
        }
    }

    @Test
    void requireAllTakenListsEveryKeyNeitherTakenNorIgnored() {
        try (TorchFile file = TorchFile.open(TorchTestFiles.file("pytorch_model.bin"))) {
            StateDict state = StateDict.of(file, file.root(), "model_state_dict");
            state.take("0.weight");
            state.ignore("1.running_");
            assertThatThrownBy(state::requireAllTaken).isInstanceOf(TorchFileException.class)
                    .hasMessage(file.file() + ": model_state_dict: unexpected keys: 1.weight, 1.bias,"
                            + " 1.num_batches_tracked, 4.weight, 4.bias");
            state.ignore("1.");
            state.take("4.weight", 3, 16);
            state.take("4.bias", 3);
            state.requireAllTaken();
        }
    }

    @Test
    void aNodeThatIsNotADictOfTensorsIsRefusedNamingTheKey() {
        try (TorchFile file = TorchFile.open(TorchTestFiles.file("tensors.pt"))) {
            Object root = file.root();
            assertThatThrownBy(() -> StateDict.of(file, root, "checkpoint")).isInstanceOf(TorchFileException.class)
                    .hasMessage(file.file() + ": checkpoint[state_dict] is dict, not a tensor");
            Object ints = map(map(root).get("nested")).get("ints");
            assertThatThrownBy(() -> StateDict.of(file, ints, "ints")).isInstanceOf(TorchFileException.class)
                    .hasMessage(file.file() + ": ints is list, not a dict of str -> tensor");
            Object intKeys = map(map(root).get("nested")).get("int_keys");
            assertThatThrownBy(() -> StateDict.of(file, intKeys, "int_keys")).isInstanceOf(TorchFileException.class)
                    .hasMessage(file.file() + ": int_keys has key 1 of type int, not str");
        }
    }
}
