package org.dl4jsnn.reproduce.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Round tick values (1, 2 or 5 times a power of ten) covering a range, for hand-drawn axes. */
final class NiceTicks {

    private NiceTicks() {
    }

    static List<Double> of(double min, double max, int approxCount) {
        List<Double> ticks = new ArrayList<>();
        if (!(max > min) || !Double.isFinite(min) || !Double.isFinite(max)) {
            ticks.add(min);
            return ticks;
        }
        double raw = (max - min) / Math.max(1, approxCount);
        int exponent = (int) Math.floor(Math.log10(raw));
        // of the round steps near the raw one, the one giving about approxCount + 1 ticks
        BigDecimal step = null;
        long bestMiss = Long.MAX_VALUE;
        for (int m : new int[] {1, 2, 5, 10, 20}) {
            BigDecimal candidate = BigDecimal.valueOf(m).scaleByPowerOfTen(exponent);
            double c = candidate.doubleValue();
            long count = (long) Math.floor(max / c + 1e-9) - (long) Math.ceil(min / c - 1e-9) + 1;
            long miss = Math.abs(count - (approxCount + 1));
            if (miss < bestMiss) {
                bestMiss = miss;
                step = candidate;
            }
        }
        // decimal arithmetic, so that 3 x 0.2 is the 0.6 the label will print
        long first = (long) Math.ceil(min / step.doubleValue() - 1e-9);
        for (long k = first; ; k++) {
            double v = step.multiply(BigDecimal.valueOf(k)).doubleValue();
            if (v > max + step.doubleValue() * 1e-9) {
                break;
            }
            ticks.add(v == 0 ? 0.0 : v);
        }
        return ticks;
    }
}
