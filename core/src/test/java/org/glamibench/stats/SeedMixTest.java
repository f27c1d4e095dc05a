package org.glamibench.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The derivations give fixed numbers: recorded results (baselines, sample datasets, trained
 * models) depend on them, so these values must never change.
 */
class SeedMixTest {

    @Test
    void splitMix64IsTheReferenceGenerator() {
        assertThat(SeedMix.splitMix64(0)).isEqualTo(0xE220A8397B1DCDAFL);
        assertThat(SeedMix.mix64(1)).isEqualTo(0x5692161D100B05E5L);
    }

    @Test
    void streamSeedsOfTheHarness() {
        assertThat(SeedMix.of(42, 7)).isEqualTo(0xCCBA3714F8D5BBDDL);
        assertThat(SeedMix.of(-1, 0)).isEqualTo(0x4A51B1732232B388L);
    }

    @Test
    void foldedSeedsOfTheSampleGeneratorAndTheTrainer() {
        assertThat(SeedMix.fold(SeedMix.splitMix64(2024), 3, 5)).isEqualTo(0x6C93CEDB27E1C306L);
        assertThat(SeedMix.fold(SeedMix.mix64(11 ^ 0x6A09E667F3BCC909L), 2, 9)).isEqualTo(0xA18C045978479DEFL);
        assertThat(SeedMix.fold(123)).isEqualTo(123);
    }

    @Test
    void goldenScaledSeedsAreNotMixed() {
        assertThat(SeedMix.goldenScaled(7, -3)).isEqualTo(0x538454127B096490L);
        assertThat(SeedMix.goldenScaled(1, 0)).isEqualTo(SeedMix.GOLDEN_GAMMA);
    }
}
