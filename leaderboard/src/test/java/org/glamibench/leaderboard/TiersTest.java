package org.glamibench.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.Arrays;
import java.util.List;
import org.glamibench.dataset.Geo;
import org.glamibench.stats.McNemarTest;
import org.junit.jupiter.api.Test;

/** The tier rule on hand-made models whose discordant counts are known. */
class TiersTest {

    @Test
    void startsATierWhereAModelDiffersSignificantlyFromTheLeader() {
        // 100 items. A right on [0, 80); B on [5, 83): A only 5, B only 3. C on [30, 80): A only 30.
        // D on [30, 78) and 90: C only 2, D only 1.
        List<TopOneOutcomes> models = List.of(right(100, 0, 80), right(100, 5, 83), right(100, 30, 80),
                union(right(100, 30, 78), right(100, 90, 91)));

        List<Tiers.Placement> tiers = Tiers.assign(models, 0.05);

        assertThat(tiers).extracting(Tiers.Placement::tier).containsExactly(1, 1, 2, 2);
        assertThat(tiers).extracting(Tiers.Placement::comparedTo).containsExactly(-1, 0, 0, 2);
        assertThat(tiers).extracting(Tiers.Placement::opensTier).containsExactly(false, false, true, false);
        Tiers.Placement b = tiers.get(1);
        assertThat(b.leaderOnly()).isEqualTo(5);
        assertThat(b.modelOnly()).isEqualTo(3);
        assertThat(b.pValue()).isEqualTo(McNemarTest.twoSided(5, 3)).isCloseTo(2 * (1 + 8 + 28 + 56) / 256.0, withinPercentage(1e-9));
        // m = 3 comparisons, none significant before: multiplied by 3 (capped at 1).
        assertThat(b.corrected()).isEqualTo(1.0);
        Tiers.Placement c = tiers.get(2);
        assertThat(c.pValue()).isEqualTo(McNemarTest.twoSided(30, 0)).isCloseTo(2 * Math.pow(0.5, 30), withinPercentage(1e-9));
        assertThat(c.corrected()).isEqualTo(3 * c.pValue());
        // After one significant comparison the multiplier is m - 1 = 2.
        Tiers.Placement d = tiers.get(3);
        assertThat(d.leaderOnly()).isEqualTo(2);
        assertThat(d.modelOnly()).isEqualTo(1);
        assertThat(d.pValue()).isEqualTo(1.0);
        assertThat(d.corrected()).isEqualTo(1.0);
    }

    @Test
    void comparesWithTheTierLeaderSoThatSmallStepsDoNotDrift() {
        // Each model loses 6 items to the one above it (p = 2/64 = 0.03125, corrected x2: not
        // significant), but C loses 12 to the leader A (p = 2/4096, significant).
        List<TopOneOutcomes> models = List.of(right(200, 0, 120), right(200, 6, 120), right(200, 12, 120));

        List<Tiers.Placement> tiers = Tiers.assign(models, 0.05);

        assertThat(tiers.get(1).corrected()).isEqualTo(2 * McNemarTest.twoSided(6, 0)).isCloseTo(2 * 0.03125, withinPercentage(1e-9));
        assertThat(tiers).extracting(Tiers.Placement::tier).containsExactly(1, 1, 2);
        assertThat(tiers.get(2).comparedTo()).isZero();
        assertThat(tiers.get(2).leaderOnly()).isEqualTo(12);
        assertThat(tiers.get(2).corrected()).isEqualTo(2 * McNemarTest.twoSided(12, 0)).isCloseTo(2 * 2 / 4096.0, withinPercentage(1e-9));
    }

    @Test
    void oneModelIsTierOneAndUnsortedModelsAreRefused() {
        assertThat(Tiers.assign(List.of(right(10, 0, 5)), 0.05)).singleElement()
                .satisfies(p -> assertThat(p.tier()).isEqualTo(1));
        assertThat(Tiers.assign(List.of(), 0.05)).isEmpty();
        assertThatThrownBy(() -> Tiers.assign(List.of(right(10, 0, 5), right(10, 0, 6)), 0.05))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sorted by top-1");
    }

    /** n items (ids 1..n, all cz), right exactly at positions [from, to). */
    static TopOneOutcomes right(int n, int from, int to) {
        boolean[] correct = new boolean[n];
        Arrays.fill(correct, from, to, true);
        return outcomes(correct);
    }

    static TopOneOutcomes union(TopOneOutcomes a, TopOneOutcomes b) {
        boolean[] correct = new boolean[a.size()];
        for (int i = 0; i < correct.length; i++) {
            correct[i] = a.correct(i) || b.correct(i);
        }
        return outcomes(correct);
    }

    private static TopOneOutcomes outcomes(boolean[] correct) {
        int n = correct.length;
        long[] ids = new long[n];
        Geo[] geos = new Geo[n];
        int[] top1 = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i + 1L;
            geos[i] = Geo.CZ;
            top1[i] = correct[i] ? 1 : 2;
        }
        return new TopOneOutcomes(ids, geos, top1, correct);
    }
}
