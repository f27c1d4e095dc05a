package org.glamibench.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The input pipeline's queue depth follows the batch size (what it prepares is tested through the evaluator). */
class InputPipelineTest {

    @Test
    void smallBatchesKeepAboutTwoItemsPerWorkerAhead() {
        assertThat(InputPipeline.batchesAhead(1, 16)).isEqualTo(32);
        assertThat(InputPipeline.batchesAhead(1, 2)).isEqualTo(4);
        assertThat(InputPipeline.batchesAhead(4, 16)).isEqualTo(8);
        assertThat(InputPipeline.batchesAhead(5, 16)).isEqualTo(7);
    }

    @Test
    void bigBatchesKeepTheNextOneAheadOfTheModel() {
        assertThat(InputPipeline.batchesAhead(32, 2)).isEqualTo(2);
        assertThat(InputPipeline.batchesAhead(32, 16)).isEqualTo(2);
        assertThat(InputPipeline.batchesAhead(128, 16)).isEqualTo(2);
        assertThat(InputPipeline.batchesAhead(1, 1)).isEqualTo(2);
    }
}
