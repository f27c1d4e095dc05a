package org.glamibench.models.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The expected ids come from {@code models/src/test/python/text_hasher_oracle.py}, an independent
 * implementation of the definition in TextHasher's javadoc.
 */
class TextHasherTest {
    private final TextHasher hasher = TextHasher.defaults();

    @Test
    void latinWithDiacriticsMatchesThePythonOracle() {
        assertThat(hasher.ids("Kilpi Ženske športne jakne črna Rosa-W", "")).containsExactly(34342, 38078, 1205, 35139,
                38541, 42921, 27272, 16184, 36116, 64252, 18946, 47694, 28170, 50943, 48005, 36615, 23680, 13735, 30133,
                34565, 28237, 58519, 58768, 38271, 34068, 51838, 58913, 60820, 11955, 10481, 36838, 59167, 36723, 43997,
                54928, 23502, 58821, 5509, 30113, 46751, 42592, 33340, 28039, 15641, 9766, 19982, 49125, 21048, 10155,
                46553, 62346, 26434, 60246, 58821, 20593, 11906, 11073, 4543, 49792, 28065, 53053, 51137, 15887, 30595,
                63851, 25364, 40324, 41969, 25767, 19726, 46978, 55417, 50100, 59394, 47506, 61665, 52838, 48426, 27156,
                53183, 44881, 64591, 63969);
    }

    @Test
    void nameAndDescriptionMatchThePythonOracle() {
        assertThat(hasher.ids("Női blúz ONLY", "Új termék címkével.")).containsExactly(63618, 33316, 33764, 62002, 29969,
                60642, 9642, 61769, 2054, 18470, 20191, 46979, 49365, 22412, 17348, 39495, 44774, 24027, 64183, 57940,
                59551, 53428, 50691, 51984, 15921, 40303, 51165, 2454, 22839, 32423, 52352, 24986, 19958, 37795, 21306,
                10730, 55135, 30306, 47916, 25075, 40507, 37695, 38775, 5747, 34107, 6033, 40285, 29696, 44555, 6975,
                4757, 47192, 22410, 42020, 17595, 3925, 16752, 6663, 24492, 61639, 52325, 16327, 3084, 44707, 22794,
                19943, 42180, 6626, 51232);
    }

    @Test
    void greekUpperCaseAndDigitsMatchThePythonOracle() {
        assertThat(hasher.ids("Κίλπι ΜΠΛΟΥΖΑ", "Ωραίο, 100% βαμβάκι")).containsExactly(28567, 20461, 56448, 36031, 50701,
                65105, 33117, 65018, 11460, 65312, 7993, 26925, 30572, 60205, 40764, 5917, 48235, 19176, 26099, 7383,
                59766, 18595, 9760, 19429, 12414, 12600, 31321, 3682, 7830, 22603, 25023, 1381, 22882, 27960, 41341,
                58515, 62188, 2932, 53799, 51167, 9957, 49876, 37662, 62005, 10760, 28132, 32044, 5275, 42270, 64499,
                17798, 23553, 13785, 20962, 13639, 25104, 22100, 48022, 13453, 4295, 9401, 46868, 56627, 18027, 64973,
                53569, 48550, 47378, 8542, 51169, 9315);
    }

    @Test
    void theCapKeepsTheFirstIdsAndSmallTablesStayInRange() {
        assertThat(new TextHasher(1 << 16, 3, 5, 7).ids("Női blúz ONLY", "Új termék címkével."))
                .containsExactly(63618, 33316, 33764, 62002, 29969, 60642, 9642);
        assertThat(new TextHasher(16, 1, 2, 512).ids("ab", "")).containsExactly(6, 12, 0, 4, 4, 8, 8, 6);
    }

    @Test
    void caseAndPunctuationDoNotMatterAndATextWithoutWordsHasNoIds() {
        assertThat(hasher.ids("BLÚZ,", "")).isEqualTo(hasher.ids("blúz", ""));
        assertThat(hasher.ids("", "")).isEmpty();
        assertThat(hasher.ids(" - ", "!?")).isEmpty();
    }

    @Test
    void normalisedIdsHashAsGivenWhatIdsHashesAfterLowerCasing() {
        assertThat(hasher.normalisedIds("női blúz only új termék címkével.")).isEqualTo(hasher.ids("Női blúz ONLY",
                "Új termék címkével."));
        assertThat(hasher.normalisedIds("BLÚZ")).isNotEqualTo(hasher.ids("BLÚZ", ""));
    }
}
