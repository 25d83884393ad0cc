package org.dl4jsnn.reproduce.progress;

import java.util.Locale;

/** The loss / test-error part of a progress message, shared by both monitors. */
final class ProgressText {

    private ProgressText() {
    }

    static String metrics(double loss, double testError) {
        String text = String.format(Locale.ROOT, "loss %.4g", loss);
        if (!Double.isNaN(testError)) {
            text += String.format(Locale.ROOT, " test %.4g", testError);
        }
        return text;
    }
}
