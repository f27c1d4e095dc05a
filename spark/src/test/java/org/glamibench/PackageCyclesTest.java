package org.glamibench;

import org.glamibench.testing.PackageCycles;
import org.junit.jupiter.api.Test;

/** The packages of every module on this module's class path (api, core, sample, models, cli, the leaderboard and spark) form no cycle. */
class PackageCyclesTest {

    @Test
    void thePackagesFormNoCycle() {
        PackageCycles.assertNone();
    }
}
