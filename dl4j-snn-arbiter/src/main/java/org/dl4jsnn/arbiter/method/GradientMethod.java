package org.dl4jsnn.arbiter.method;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a candidate's gradient is computed (docs/design.md section 3). */
public enum GradientMethod {
    /** Back-propagation through time with the surrogate derivative. */
    BP("BP"),
    /** Randomized forward gradient, one direction over all parameters. */
    RFG_G("RFG-G"),
    /** Randomized forward gradient, an independent direction per layer. */
    RFG_L("RFG-L");

    private final String label;

    GradientMethod(String label) {
        this.label = label;
    }

    /** The name used in tables, plots and space files: BP, RFG-G or RFG-L. */
    public String label() {
        return label;
    }

    public boolean isForwardGradient() {
        return this != BP;
    }

    /** Parses a label (case-insensitive; '_' and '-' are interchangeable). */
    public static GradientMethod parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT).replace('_', '-');
        for (GradientMethod m : values()) {
            if (m.label.equals(t)) {
                return m;
            }
        }
        throw new IllegalArgumentException("gradient method must be one of "
                + Arrays.stream(values()).map(GradientMethod::label).collect(Collectors.joining(", "))
                + ", got '" + text + "'");
    }
}
