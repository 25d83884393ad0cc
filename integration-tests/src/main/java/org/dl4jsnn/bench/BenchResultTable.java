package org.dl4jsnn.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The benchmark as an aligned text table. The "xBP" columns divide a row's time, MFLOP and peak memory
 * by those of the BP row with the same batch and T ("-" without one).
 */
public final class BenchResultTable {

    private static final String[] HEADER = {"method", "K", "batch", "T", "iters", "ms/iter", "mean ms", "xBP",
        "MFLOP", "xBP", "GFLOP/s", "peak MB", "xBP", "polled MB", "alloc MB", "spike", "MSynOp"};

    private BenchResultTable() {
    }

    public static String render(List<BenchResult> rows) {
        List<String[]> cells = new ArrayList<>();
        cells.add(HEADER);
        for (BenchResult r : rows) {
            Optional<BenchResult> bp = baseline(r, rows);
            cells.add(new String[] {
                r.method(), Integer.toString(r.directions()), Integer.toString(r.batch()),
                Integer.toString(r.timeSteps()), Integer.toString(r.iterations()),
                number(r.msPerIter(), 2), number(r.msMean(), 2), ratio(r, bp, BenchResult::msPerIter),
                number(r.mflop(), 1), ratio(r, bp, BenchResult::mflop),
                number(r.gflopPerSecond(), 2),
                number(r.peakMemMb(), 1), ratio(r, bp, BenchResult::peakMemMb),
                number(r.polledHeapMb(), 1), number(r.allocMbPerIter(), 1),
                number(r.spikeRate(), 3), number(r.msynop(), 2)});
        }
        int[] width = new int[HEADER.length];
        for (String[] row : cells) {
            for (int c = 0; c < row.length; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String[] row = cells.get(i);
            for (int c = 0; c < row.length; c++) {
                String fmt = c == 0 ? "%-" + width[c] + "s" : "%" + width[c] + "s";
                out.append(c == 0 ? "" : "  ").append(String.format(fmt, row[c]));
            }
            out.append('\n');
            if (i == 0) {
                out.append("-".repeat(Arrays.stream(width).sum() + 2 * (width.length - 1))).append('\n');
            }
        }
        for (BenchResult r : rows) {
            if (!r.ok()) {
                out.append(String.format(Locale.ROOT, "%s K=%d batch=%d T=%d: %s%n", r.method(), r.directions(),
                        r.batch(), r.timeSteps(), r.status()));
            }
        }
        return out.toString();
    }

    /** The BP row with the same batch and T, if measured. */
    public static Optional<BenchResult> baseline(BenchResult row, List<BenchResult> rows) {
        return rows.stream().filter(r -> "BP".equals(r.method()) && r.batch() == row.batch()
                && r.timeSteps() == row.timeSteps() && r.ok()).findFirst();
    }

    private static String ratio(BenchResult r, Optional<BenchResult> bp, ToDoubleFunction<BenchResult> f) {
        if (bp.isEmpty()) {
            return "-";
        }
        double base = f.applyAsDouble(bp.get());
        double v = f.applyAsDouble(r);
        return base > 0 && Double.isFinite(v) ? number(v / base, 2) : "-";
    }

    private static String number(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "n/a";
    }
}
