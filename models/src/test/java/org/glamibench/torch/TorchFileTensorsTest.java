package org.glamibench.torch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.glamibench.torch.TorchTestFiles.assertTensor;
import static org.glamibench.torch.TorchTestFiles.list;
import static org.glamibench.torch.TorchTestFiles.map;
import static org.glamibench.torch.TorchTestFiles.plain;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** tensors.pt and pytorch_model.bin of make_torch_files.py, read value by value against what torch read. */
class TorchFileTensorsTest {
    private static final JsonNode EXPECTED = TorchTestFiles.json("tensors.json");

    @Test
    void theStateDictOfAModuleKeepsItsItemsOrderAndValues() {
        try (TorchFile file = TorchFile.open(TorchTestFiles.file("tensors.pt"))) {
            Map<Object, Object> root = map(file.root());
            Map<Object, Object> stateDict = map(root.get("state_dict"));
            assertThat(stateDict.keySet()).containsExactly("0.weight", "1.weight", "1.bias", "1.running_mean",
                    "1.running_var", "1.num_batches_tracked", "4.weight", "4.bias");
            stateDict.forEach((key, tensor) -> assertTensor((String) key, (TorchTensor) tensor,
                    EXPECTED.get("tensors").get("state_dict/" + key)));
            TorchTensor batches = (TorchTensor) stateDict.get("1.num_batches_tracked");
            assertThat(batches.describe()).isEqualTo("int64[]");
            assertThat(batches.toLongs()).containsExactly(1L);
        }
    }

    @Test
    void everyDtypeAndKindOfViewReadsAsTorchReadsIt() {
        try (TorchFile file = TorchFile.open(TorchTestFiles.file("tensors.pt"))) {
            Map<Object, Object> tensors = map(map(file.root()).get("tensors"));
            EXPECTED.get("tensors").properties().forEach(entry -> {
                if (entry.getKey().startsWith("tensors/")) {
                    String name = entry.getKey().substring("tensors/".length());
                    assertTensor(name, (TorchTensor) tensors.get(name), entry.getValue());
                }
            });
            assertThat(((TorchTensor) tensors.get("transposed")).describe()).isEqualTo("float32[6, 4]");
            assertThat(((TorchTensor) tensors.get("narrowed")).storageOffset()).isEqualTo(8);
            assertThat(((TorchTensor) tensors.get("scalar")).describe()).isEqualTo("float32[]");
            assertThat(((TorchTensor) tensors.get("empty")).toFloats()).isEmpty();
        }
    }

    @Test
    void tensorsSharingAStorageSeeTheSameElements() {
        try (TorchFile file = TorchFile.open(TorchTestFiles.file("tensors.pt"))) {
            Map<Object, Object> tensors = map(map(file.root()).get("tensors"));
            long[] a = ((TorchTensor) tensors.get("shared_a")).toLongs();
            long[] b = ((TorchTensor) tensors.get("shared_b")).toLongs();
            assertThat(a).containsExactly(-20, -13, -6, 1, 8, 15);
            assertThat(b).containsExactly(8, 15, 22, 29, 36, 43);
        }
    }

    @Test
    void aTensorLargerThanOneReadChunkStreamsWholeAndFromAnOffset() {
        try (TorchFile file = TorchFile.open(TorchTestFiles.file("tensors.pt"))) {
            Map<Object, Object> tensors = map(map(file.root()).get("tensors"));
            float[] large = ((TorchTensor) tensors.get("large")).toFloats();
            assertThat(large).hasSize(3_000_017);
            for (int i = 0; i < large.length; i++) {
                if (large[i] != (float) i / 7f) {
                    throw new AssertionError("large[" + i + "] = " + large[i]);
                }
            }
            assertThat(file.storageBytesRead()).isEqualTo(4L * 3_000_017);
            TorchTensor tail = (TorchTensor) tensors.get("large_tail");
            assertThat(tail.storageOffset()).isEqualTo(1_000_003);
            float[] values = tail.toFloats();
            assertThat(values).hasSize(2_000_014);
            for (int i = 0; i < values.length; i++) {
                if (values[i] != (float) (i + 1_000_003) / 7f) {
                    throw new AssertionError("large_tail[" + i + "] = " + values[i]);
                }
            }
        }
    }

    @Test
    void plainPythonValuesMapToTheirJavaTypes() {
        try (TorchFile file = TorchFile.open(TorchTestFiles.file("tensors.pt"))) {
            Map<Object, Object> nested = map(map(file.root()).get("nested"));
            assertThat(plain(nested)).isEqualTo(plain(EXPECTED.get("nested")));
            List<Object> ints = list(nested.get("ints"));
            assertThat(ints.get(10)).isEqualTo(Long.MAX_VALUE);
            assertThat(ints.get(11)).isEqualTo(Long.MIN_VALUE);
            assertThat(ints.get(12)).isEqualTo(BigInteger.TWO.pow(64));
            assertThat(ints.get(13)).isEqualTo(BigInteger.TWO.pow(70).negate());
            assertThat(list(nested.get("floats"))).containsExactly(0.0, -0.0, 1.5, 1e300, Double.MIN_VALUE,
                    Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
            assertThat(nested.get("strs")).isEqualTo(List.of("", "ascii", "Žluťoučký kůň 🐎", "tab\tnewline\n"));
            assertThat(nested.get("none")).isNull();
            assertThat(nested.get("bools")).isEqualTo(List.of(true, false));
            assertThat(map(nested.get("int_keys")).keySet()).containsExactly(1L, 2L);
            assertThat((byte[]) nested.get("bytes")).containsExactly(0, 0xff, 'a', 'b');
            assertThat((byte[]) nested.get("empty_bytes")).isEmpty();
            List<Object> tuple = list(nested.get("tuple"));
            assertThatThrownBy(() -> tuple.set(0, 2L)).isInstanceOf(UnsupportedOperationException.class);
            assertThat(nested.get("empty_list")).isInstanceOf(java.util.ArrayList.class);
        }
    }

    @Test
    void aNumpyFloat32ScalarKeepsItsBytes() {
        try (TorchFile file = TorchFile.open(TorchTestFiles.file("tensors.pt"))) {
            NumpyScalar loss = (NumpyScalar) map(file.root()).get("loss");
            assertThat(loss.dtype()).isEqualTo("<f4");
            assertThat(Float.floatToRawIntBits((float) loss.doubleValue()))
                    .isEqualTo(EXPECTED.get("loss_bits").asInt());
            assertThat(loss.doubleValue()).isEqualTo(0.3125);
        }
    }

    @Test
    void aHuggingFaceStyleBareStateDictIsTheRoot() {
        try (TorchFile file = TorchFile.open(TorchTestFiles.file("pytorch_model.bin"))) {
            StateDict state = StateDict.of(file, file.root(), "state dict");
            assertThat(state.keys()).hasSize(8);
            for (String key : state.keys()) {
                assertTensor(key, state.take(key), EXPECTED.get("tensors").get("state_dict/" + key));
            }
            state.requireAllTaken();
        }
    }

    @Test
    void aLittleEndianByteorderEntryIsAccepted() {
        try (TorchFile file = TorchFile.open(TorchTestFiles.file("little-endian.pt"))) {
            Map<Object, Object> root = map(file.root());
            assertThat(((TorchTensor) root.get("w")).toFloats()).containsExactly(0, 1, 2, 3, 4, 5);
            assertThat(((TorchTensor) root.get("v")).toLongs()).containsExactly(1, 1, 1);
        }
    }

    @Test
    void integersOfAFloatTensorAndReadsAfterCloseAreRefused() {
        TorchFile file = TorchFile.open(TorchTestFiles.file("pytorch_model.bin"));
        TorchTensor weight = StateDict.of(file, file.root(), "state dict").take("4.weight", 3, 16);
        assertThatThrownBy(weight::toLongs).isInstanceOf(TorchFileException.class)
                .hasMessageStartingWith(file.file().toString())
                .hasMessageContaining("float32[3, 16]").hasMessageContaining("not integers");
        file.close();
        assertThatThrownBy(weight::toFloats).isInstanceOf(TorchFileException.class)
                .hasMessageStartingWith(file.file().toString()).hasMessageContaining("closed");
    }
}
