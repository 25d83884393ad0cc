package org.dl4jsnn.reproduce.store;

import java.util.regex.Pattern;

/** Run keys double as file names, so they are restricted to a safe alphabet. */
public final class RunKeys {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

    private RunKeys() {
    }

    /** The key of one (task, method, seed) run, e.g. "mexican-hat.SG-RFG-LxK4.seed0". */
    public static String of(String task, String methodLabel, long seed) {
        return requireSafe(task + "." + methodLabel + ".seed" + (seed < 0 ? "m" + (-seed) : Long.toString(seed)));
    }

    /** The key of a learning-rate trial of a run, e.g. "mexican-hat.SG-BP.seed0.val-lr0.003". */
    public static String ofTrial(String task, String methodLabel, long seed, double lr) {
        return requireSafe(of(task, methodLabel, seed) + ".val-lr"
                + java.math.BigDecimal.valueOf(lr).stripTrailingZeros().toPlainString());
    }

    public static String requireSafe(String runKey) {
        if (runKey == null || !SAFE.matcher(runKey).matches() || runKey.contains("..")) {
            throw new IllegalArgumentException("run key must be 1-200 of [A-Za-z0-9._-], start alphanumeric"
                    + " and contain no '..'; got '" + runKey + "'");
        }
        return runKey;
    }
}
