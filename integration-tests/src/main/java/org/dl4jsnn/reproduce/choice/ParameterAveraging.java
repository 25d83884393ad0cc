package org.dl4jsnn.reproduce.choice;

import java.util.Locale;
import java.util.Optional;
import org.dl4jsnn.averaging.ParameterAverage;

/**
 * Whether a run evaluates and keeps an exponential moving average of its parameters instead of the last
 * iterate ({@link ParameterAverage}), and with which decay. {@code none} is what runs did before the
 * choice existed.
 *
 * @param decay the average's decay in (0, 1), or 0 for none
 */
public record ParameterAveraging(double decay) {

    public static final ParameterAveraging NONE = new ParameterAveraging(0);

    public ParameterAveraging {
        if (decay != 0) {
            ParameterAverage.requireDecay(decay);
        }
    }

    /** A fresh average for one run, empty when this is {@link #NONE}. */
    public Optional<ParameterAverage> start() {
        return decay == 0 ? Optional.empty() : Optional.of(new ParameterAverage(decay));
    }

    /** {@code none} or {@code ema <decay>}. */
    public String text() {
        return decay == 0 ? "none" : "ema " + decay;
    }

    /** {@code none}, a decay such as {@code 0.999}, or {@link #text()}'s {@code ema 0.999}. */
    public static ParameterAveraging parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("none")) {
            return NONE;
        }
        String number = t.startsWith("ema") ? t.substring(3).trim() : t;
        try {
            double d = Double.parseDouble(number);
            if (!(d > 0 && d < 1)) {
                throw invalid(text);
            }
            return new ParameterAveraging(d);
        } catch (NumberFormatException e) {
            throw invalid(text);
        }
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("unknown parameter average '" + text
                + "'; allowed: none, or a decay in (0, 1) such as 0.999");
    }
}
