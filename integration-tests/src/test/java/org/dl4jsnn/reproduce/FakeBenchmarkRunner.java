package org.dl4jsnn.reproduce;

import java.util.ArrayList;
import java.util.List;

/** Returns made-up costs: RFG-G twice BP's time, RFG-L three times, K directions on top. */
final class FakeBenchmarkRunner implements BenchmarkRunner {

    BenchSettings received;

    @Override
    public List<BenchRow> run(BenchSettings s) {
        received = s;
        List<BenchRow> rows = new ArrayList<>();
        for (int batch : s.batches()) {
            for (int t : s.timeSteps()) {
                double bp = batch * t / 1000.0;
                rows.add(new BenchRow("BP", batch, t, 1, bp, 66.0, 12.5, 0.2));
                for (int k : s.directions()) {
                    rows.add(new BenchRow("RFG-G", batch, t, k, 2 * bp * k, 70.0 * k, 3.0, 0.2));
                    rows.add(new BenchRow("RFG-L", batch, t, k, 3 * bp * k, Double.NaN, 3.5, 0.2));
                }
            }
        }
        return rows;
    }
}
