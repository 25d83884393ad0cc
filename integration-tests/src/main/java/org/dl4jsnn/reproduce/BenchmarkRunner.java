package org.dl4jsnn.reproduce;

import java.util.List;

/** Measures the per-iteration cost of BP and the RFG variants side by side (docs/design.md section 6). */
public interface BenchmarkRunner {

    List<BenchRow> run(BenchSettings settings);

    /** The heap the largest measured iteration needs beyond the network's own; 0 when negligible. */
    default long largestIterationHeapBytes(BenchSettings settings) {
        return 0;
    }
}
