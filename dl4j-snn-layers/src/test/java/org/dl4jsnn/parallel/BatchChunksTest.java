package org.dl4jsnn.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BatchChunksTest {

    @Test
    void chunksCoverTheBatchContiguouslyAndDependOnlyOnIt() {
        int batch = 2 * BatchChunks.SIZE + 7;
        assertThat(BatchChunks.count(batch)).isEqualTo(3);
        assertThat(BatchChunks.count(BatchChunks.SIZE)).isEqualTo(1);
        int next = 0;
        for (int c = 0; c < 3; c++) {
            assertThat(BatchChunks.start(batch, c)).isEqualTo(next);
            next += BatchChunks.length(batch, c);
        }
        assertThat(next).isEqualTo(batch);
        assertThat(BatchChunks.length(batch, 2)).isEqualTo(7);
    }

    @Test
    void gatherThenScatterRestoresTheBlock() {
        int rows = 3;
        int batch = 10;
        double[] full = new double[rows * batch];
        for (int e = 0; e < full.length; e++) {
            full[e] = e;
        }
        double[] part = BatchChunks.gather(full, rows, batch, 4, 3);
        assertThat(part).containsExactly(4, 5, 6, 14, 15, 16, 24, 25, 26);
        double[] back = new double[full.length];
        BatchChunks.scatter(part, rows, 3, back, batch, 4);
        assertThat(back[14]).isEqualTo(14);
        assertThat(back[13]).isZero();
    }

    @Test
    void threadsReturnResultsInChunkOrder() {
        try (BatchThreads three = BatchThreads.of(3)) {
            List<Integer> r = three.mapChunks(7, c -> c * c);
            assertThat(r).containsExactly(0, 1, 4, 9, 16, 25, 36);
        }
    }

    @Test
    void badSettingsAreRefusedWithTheirRange() {
        assertThatThrownBy(() -> BatchThreads.of(0)).hasMessageContaining("threads must be >= 1, got 0");
        assertThatThrownBy(() -> BatchChunks.count(0)).hasMessageContaining("batch must be >= 1");
        assertThatThrownBy(() -> BatchChunks.start(10, 1)).hasMessageContaining("chunk must be in [0, 1)");
    }
}
