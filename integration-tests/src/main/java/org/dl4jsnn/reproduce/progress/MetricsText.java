package org.dl4jsnn.reproduce.progress;

import java.util.Locale;
import org.dl4jsnn.reproduce.EvaluationSplit;

/** The loss / test-error part of a progress message, shared by both monitors. */
final class MetricsText {

    private MetricsText() {
    }

    static String metrics(double loss, double testError, EvaluationSplit split) {
        String text = String.format(Locale.ROOT, "loss %.4g", loss);
        if (!Double.isNaN(testError)) {
            text += String.format(Locale.ROOT, " %s %.4g", split == EvaluationSplit.TEST ? "test" : "val", testError);
        }
        return text;
    }
}
