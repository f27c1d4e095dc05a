package org.glamibench.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.glamibench.dataset.Geo;
import org.glamibench.dataset.GlamiRow;
import org.junit.jupiter.api.Test;

class ItemSelectionTest {

    /** Rows with ids from 1 in the given geos, {@code counts[i]} rows of {@code geos[i]}, geos interleaved. */
    private static List<GlamiRow> rows(Geo[] geos, int[] counts) {
        List<GlamiRow> rows = new ArrayList<>();
        int[] left = counts.clone();
        long id = 1;
        for (boolean any = true; any; ) {
            any = false;
            for (int g = 0; g < geos.length; g++) {
                if (left[g]-- > 0) {
                    rows.add(TestDataset.item(id++, geos[g], 11, 11, ""));
                    any = true;
                }
            }
        }
        return rows;
    }

    private static Map<Geo, Integer> perGeo(List<GlamiRow> rows) {
        Map<Geo, Integer> counts = new EnumMap<>(Geo.class);
        rows.forEach(row -> counts.merge(row.geo(), 1, Integer::sum));
        return counts;
    }

    private static List<Long> ids(List<GlamiRow> rows) {
        return rows.stream().map(GlamiRow::itemId).toList();
    }

    @Test
    void firstTakesTheFirstRowsInFileOrder() {
        List<GlamiRow> rows = rows(new Geo[] {Geo.SK, Geo.CZ}, new int[] {5, 5});

        assertThat(ids(ItemSelection.first(rows, 4))).containsExactly(1L, 2L, 3L, 4L);
        assertThat(ItemSelection.first(rows, 10)).isEqualTo(rows);
        assertThat(ItemSelection.first(rows, 50)).isEqualTo(rows);
    }

    @Test
    void aSubsetGivesEachGeoItsShareByLargestRemainders() {
        List<GlamiRow> rows = rows(new Geo[] {Geo.CZ, Geo.SK, Geo.RO, Geo.GR}, new int[] {50, 30, 15, 5});

        assertThat(perGeo(ItemSelection.stratified(rows, 20, 1)))
                .isEqualTo(Map.of(Geo.CZ, 10, Geo.SK, 6, Geo.RO, 3, Geo.GR, 1));
        // Shares 3.5, 2.1, 1.05, 0.35: the seventh item goes to cz (remainder .5).
        assertThat(perGeo(ItemSelection.stratified(rows, 7, 1)))
                .isEqualTo(Map.of(Geo.CZ, 4, Geo.SK, 2, Geo.RO, 1));
        // Shares 5.5, 3.3, 1.65, 0.55: the two left over go to ro (.65) and gr (.55).
        assertThat(perGeo(ItemSelection.stratified(rows, 11, 1)))
                .isEqualTo(Map.of(Geo.CZ, 5, Geo.SK, 3, Geo.RO, 2, Geo.GR, 1));
        for (int size = 1; size < 100; size++) {
            assertThat(ItemSelection.stratified(rows, size, 7)).hasSize(size);
        }
    }

    @Test
    void equalRemaindersGoToTheGeoListedFirst() {
        // Listed ro, sk, cz in the file: shares 10/3 each, the tenth item goes to cz.
        List<GlamiRow> even = rows(new Geo[] {Geo.RO, Geo.SK, Geo.CZ}, new int[] {10, 10, 10});
        assertThat(perGeo(ItemSelection.stratified(even, 10, 1)))
                .isEqualTo(Map.of(Geo.CZ, 4, Geo.SK, 3, Geo.RO, 3));

        // Shares 8/6, 2/6 and 2/6: all remainders are 1/3, so cz gets the second item. In floating
        // point 8/6 - 1 comes out below 2/6, which gave the item to sk.
        List<GlamiRow> uneven = rows(new Geo[] {Geo.CZ, Geo.SK, Geo.RO}, new int[] {4, 1, 1});
        assertThat(perGeo(ItemSelection.stratified(uneven, 2, 1))).isEqualTo(Map.of(Geo.CZ, 2));
    }

    @Test
    void aSubsetIsTheSameEveryTimeWhateverTheFileOrderAndChangesWithTheSeed() {
        List<GlamiRow> rows = rows(new Geo[] {Geo.CZ, Geo.SK, Geo.RO, Geo.GR}, new int[] {50, 30, 15, 5});
        List<GlamiRow> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, new Random(42));

        List<GlamiRow> subset = ItemSelection.stratified(rows, 20, 1);

        assertThat(ItemSelection.stratified(rows, 20, 1)).isEqualTo(subset);
        assertThat(ItemSelection.stratified(shuffled, 20, 1)).containsExactlyInAnyOrderElementsOf(subset);
        assertThat(ids(subset)).isSorted();
        List<GlamiRow> otherSeed = ItemSelection.stratified(rows, 20, 2);
        assertThat(otherSeed).isNotEqualTo(subset);
        assertThat(perGeo(otherSeed)).isEqualTo(perGeo(subset));
    }

    @Test
    void aSubsetAsLargeAsTheSplitIsTheSplit() {
        List<GlamiRow> rows = rows(new Geo[] {Geo.CZ, Geo.SK}, new int[] {3, 2});

        assertThat(ItemSelection.stratified(rows, 5, 1)).isEqualTo(rows);
        assertThat(ItemSelection.stratified(rows, 9, 1)).isEqualTo(rows);
        assertThatThrownBy(() -> ItemSelection.stratified(rows, 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--subset must be at least 1, got 0");
    }
}
