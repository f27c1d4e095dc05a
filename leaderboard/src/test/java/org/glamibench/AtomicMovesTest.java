package org.glamibench;

import org.glamibench.testing.AtomicMoves;
import org.junit.jupiter.api.Test;

/** No class of any module on this module's class path (api, core, sample, models, cli and the leaderboard) moves a file atomically outside org.glamibench.files. */
class AtomicMovesTest {

    @Test
    void onlyTheFilesPackageMovesAtomically() {
        AtomicMoves.assertOnlyTheFilesPackageMovesAtomically();
    }
}
