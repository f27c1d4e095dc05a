package org.glamibench.torch;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Files that are not torch.save zips of supported objects, from make_torch_files.py: each named in a clear error. */
class TorchFileErrorsTest {
    private static AbstractThrowableAssert<?, ? extends Throwable> assertOpenFails(String name) {
        Path file = TorchTestFiles.file(name);
        return assertThatThrownBy(() -> TorchFile.open(file).close()).isInstanceOf(TorchFileException.class)
                .hasMessageStartingWith(file.toString() + ": ");
    }

    @Test
    void aLegacyTorchSaveFileIsRefusedWithAHint() {
        assertOpenFails("legacy.pt").hasMessageContaining("legacy torch.save format; re-save it with torch >= 1.6");
    }

    @Test
    void aPickleProtocolAbove2IsRefused() {
        assertOpenFails("protocol4.pt").hasMessageContaining("pickle protocol 4 is not supported");
    }

    @Test
    void aTextPickleOpcodeIsRefusedByName() {
        assertOpenFails("protocol0.pt").hasMessageContaining("protocol0/data.pkl at byte 2: opcode 'p': not supported");
    }

    @Test
    void anObjectOfAClassOfTheSavingScriptIsRefusedByName() {
        assertOpenFails("main_class.pt").hasMessageContaining("main_class/data.pkl at byte ")
                .hasMessageContaining("global __main__.Something is not supported");
    }

    @ParameterizedTest
    @ValueSource(strings = {"truncated-header.pt", "truncated-data-pkl.pt", "truncated-storage.pt",
        "truncated-directory.pt"})
    void aTruncatedZipIsRefused(String name) {
        assertOpenFails(name).hasMessageContaining("not a readable zip (truncated or corrupt?)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-zip.pt", "empty.pt"})
    void aFileThatIsNoZipIsRefused(String name) {
        assertOpenFails(name).hasMessageContaining("not a zip file");
    }

    @Test
    void aZipWithoutDataPklIsRefused() {
        assertOpenFails("no-data-pkl.pt").hasMessageContaining("no <archive>/data.pkl entry");
    }

    @Test
    void aPickleCutShortIsRefused() {
        assertOpenFails("cut-pickle.pt").hasMessageContaining("cut-pickle/data.pkl at byte ")
                .hasMessageContaining("ends before its STOP opcode");
    }

    @Test
    void aStorageShorterThanItsElementsIsRefusedByKey() {
        assertOpenFails("short-storage.pt").hasMessageContaining("storage 0: entry short-storage/data/0 holds 20 bytes;"
                + " its 6 torch.FloatStorage elements need 24");
    }

    @Test
    void aViewBeyondItsStorageIsRefusedByKey() {
        assertOpenFails("view-beyond-storage.pt").hasMessageContaining("_rebuild_tensor_v2: storage 0 holds 5 float32"
                + " elements; a tensor of size [6], stride [1] at offset 0 needs 6");
    }

    @Test
    void aMissingStorageIsRefusedByKey() {
        assertOpenFails("missing-storage.pt").hasMessageContaining("storage 1: no entry missing-storage/data/1");
    }

    @Test
    void bigEndianStoragesAreRefused() {
        assertOpenFails("big-endian.pt").hasMessageContaining("big-endian/byteorder says 'big'");
    }
}
