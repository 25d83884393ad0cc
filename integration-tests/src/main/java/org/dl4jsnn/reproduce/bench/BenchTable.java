package org.dl4jsnn.reproduce.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.dl4jsnn.reproduce.BenchRow;

/**
 * The benchmark as an aligned text table, with each row's time relative to BP at the same batch
 * and T: the comparison the engine issue's targets are stated in. GFLOP/s divide the counted MFLOP by
 * the CPU time (wall time when that is missing); efficiency is that over the {@link BenchRow#PEAK} row's
 * (single-thread SGEMM measured in the same run). A "net" column comes first when rows of nets other than
 * the Mexican hat are among them.
 */
public final class BenchTable {

    private static final String[] HEADER = {"method", "batch", "T", "K", "ms/iter", "cpu ms", "MFLOP", "GFLOP/s",
        "eff", "peak MB", "spike rate", "x BP"};

    private BenchTable() {
    }

    public static String render(List<BenchRow> rows) {
        boolean showNet = rows.stream().anyMatch(r -> !BenchRow.PEAK.equals(r.method())
                && !BenchRow.MEXICAN_HAT.equals(r.net()));
        List<String[]> cells = new ArrayList<>();
        cells.add(withNet(showNet, "net", HEADER));
        double peak = peakGflops(rows);
        for (BenchRow r : rows) {
            OptionalDouble ratio = ratioToBp(r, rows);
            boolean isPeak = BenchRow.PEAK.equals(r.method());
            cells.add(withNet(showNet, isPeak ? "-" : r.net(), new String[] {
                r.method(), Integer.toString(r.batch()), Integer.toString(r.timeSteps()),
                Integer.toString(r.directions()), number(r.msPerIter(), 3), number(r.cpuMsPerIter(), 3),
                number(r.mflop(), 2), number(r.gflopPerSecond(), 2), number(r.gflopPerSecond() / peak, 3),
                number(r.peakMemMb(), 1), number(r.spikeRate(), 3),
                ratio.isPresent() && !isPeak ? number(ratio.getAsDouble(), 2) : "-"}));
        }
        int textColumns = showNet ? 1 : 0;
        int[] width = new int[cells.get(0).length];
        for (String[] row : cells) {
            for (int c = 0; c < row.length; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String[] row = cells.get(i);
            for (int c = 0; c < row.length; c++) {
                // text left, numbers right, as a reader scans them
                String fmt = c <= textColumns ? "%-" + width[c] + "s" : "%" + width[c] + "s";
                out.append(c == 0 ? "" : "  ").append(String.format(fmt, row[c]));
            }
            out.append('\n');
            if (i == 0) {
                int total = Arrays.stream(width).sum() + 2 * (width.length - 1);
                out.append("-".repeat(total)).append('\n');
            }
        }
        return out.toString();
    }

    private static String[] withNet(boolean showNet, String net, String[] row) {
        if (!showNet) {
            return row;
        }
        String[] out = new String[row.length + 1];
        out[0] = net;
        System.arraycopy(row, 0, out, 1, row.length);
        return out;
    }

    /** The GFLOP/s of the PEAK row; NaN without one. */
    public static double peakGflops(List<BenchRow> rows) {
        for (BenchRow r : rows) {
            if (BenchRow.PEAK.equals(r.method())) {
                return r.gflopPerSecond();
            }
        }
        return Double.NaN;
    }

    /** This row's ms/iter over the BP row's with the same net, batch and T; empty without one. */
    public static OptionalDouble ratioToBp(BenchRow row, List<BenchRow> rows) {
        for (BenchRow r : rows) {
            if (isBp(r.method()) && r.net().equals(row.net()) && r.batch() == row.batch() && r.timeSteps() == row.timeSteps()
                    && r.msPerIter() > 0) {
                return OptionalDouble.of(row.msPerIter() / r.msPerIter());
            }
        }
        return OptionalDouble.empty();
    }

    /** "BP", "SG-BP", "bp" are the baseline; "RFG-G" is not. */
    static boolean isBp(String method) {
        return Arrays.asList(method.toUpperCase(Locale.ROOT).split("[-_ ]")).contains("BP");
    }

    private static String number(double v, int decimals) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
