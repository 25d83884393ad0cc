package org.dl4jsnn.reproduce;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One training method of the paper: surrogate x gradient, optionally with local losses (LL) and, for
 * forward gradients, K averaged random directions.
 *
 * <p>Labels: {@code <SG|WSG>-<BP|RFG-G|RFG-L|RFG-A>[-LL][xK<k>]} or {@code <SG|WSG>-RFG-LG[xK2]},
 * case-insensitive, e.g. "SG-BP", "WSG-RFG-L", "SG-RFG-G-LL", "WSG-RFG-LxK4", "SG-RFG-LG". RFG-LG
 * (local-loss-guided directions) trains the local-loss network by construction, so its {@code localLosses}
 * is always true and its label carries no "-LL". {@link #label()} is the canonical form and
 * {@code parse(m.label(), 1)} gives back {@code m}.
 *
 * @param directions K, the number of random directions averaged per step; always 1 for BP, whose
 *     gradient is exact
 */
public record MethodSpec(SurrogateKind surrogate, GradientKind gradient, boolean localLosses, int directions) {

    /** The grammar, shown to users when a label does not parse. */
    public static final String VALID_FORMS =
            "<SG|WSG>-<BP|RFG-G|RFG-L|RFG-A>[-LL][xK<k>] or <SG|WSG>-RFG-LG[xK2], e.g. SG-BP, WSG-BP-LL, SG-RFG-G,"
                    + " WSG-RFG-L-LL, SG-RFG-LxK4, SG-RFG-A (activity perturbation), SG-RFG-LG (local-loss-guided"
                    + " directions, which implies the local heads; xK2 adds a random direction orthogonal to the"
                    + " guide)";

    private static final Pattern LABEL = Pattern.compile(
            "(SG|WSG)-(BP|RFG-G|RFG-LG|RFG-L|RFG-A)(-LL)?(?:XK(\\d{1,6}))?");

    public MethodSpec {
        Objects.requireNonNull(surrogate, "surrogate");
        Objects.requireNonNull(gradient, "gradient");
        if (directions < 1) {
            throw new IllegalArgumentException("directions must be >= 1, got " + directions);
        }
        if (!gradient.isForwardGradient() && directions != 1) {
            throw new IllegalArgumentException("BP computes the exact gradient: directions must be 1, got " + directions);
        }
        if (gradient.needsLocalHeads() && !localLosses) {
            throw new IllegalArgumentException(gradient.label() + " is guided by the local heads' losses:"
                    + " localLosses must be true");
        }
        if (gradient.needsLocalHeads() && directions != 1 && directions != 2) {
            throw new IllegalArgumentException(gradient.label() + " takes K = 1 (the local guide alone) or K = 2"
                    + " (the guide plus a random direction orthogonal to it): directions must be 1 or 2, got "
                    + directions);
        }
    }

    /**
     * Parses a method label.
     *
     * @param directions K for forward-gradient methods whose label carries no xK suffix (the CLI's
     *     --directions); ignored for BP and RFG-LG (K = 1 unless the label says xK2). A suffix in the label
     *     wins.
     * @throws IllegalArgumentException for anything but the forms in {@link #VALID_FORMS}, a K < 1,
     *     or an xK suffix on a BP label
     */
    public static MethodSpec parse(String label, int directions) {
        if (label == null) {
            throw new IllegalArgumentException("method label is null; valid forms: " + VALID_FORMS);
        }
        if (directions < 1) {
            throw new IllegalArgumentException("directions must be >= 1, got " + directions);
        }
        Matcher m = LABEL.matcher(label.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("unknown method '" + label + "'; valid forms: " + VALID_FORMS);
        }
        SurrogateKind surrogate = SurrogateKind.valueOf(m.group(1));
        GradientKind gradient = switch (m.group(2)) {
            case "BP" -> GradientKind.BP;
            case "RFG-G" -> GradientKind.RFG_G;
            case "RFG-A" -> GradientKind.RFG_A;
            case "RFG-LG" -> GradientKind.RFG_LG;
            default -> GradientKind.RFG_L;
        };
        boolean localLosses = m.group(3) != null;
        if (gradient.needsLocalHeads()) {
            if (localLosses) {
                throw new IllegalArgumentException("method '" + label + "': " + gradient.label() + " trains through"
                        + " the local heads already; drop the -LL");
            }
            int k = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
            if (k != 1 && k != 2) {
                throw new IllegalArgumentException("method '" + label + "': " + gradient.label() + " takes no"
                        + " suffix (the local guide alone, biased) or xK2 (the guide plus a random direction"
                        + " orthogonal to it, unbiased), got xK" + k);
            }
            return new MethodSpec(surrogate, gradient, true, k);
        }
        int k = directions;
        if (m.group(4) != null) {
            k = Integer.parseInt(m.group(4));
            if (!gradient.isForwardGradient()) {
                throw new IllegalArgumentException("method '" + label + "': BP takes no xK suffix (it uses no random directions)");
            }
            if (k < 1) {
                throw new IllegalArgumentException("method '" + label + "': K must be >= 1");
            }
        }
        return new MethodSpec(surrogate, gradient, localLosses, gradient.isForwardGradient() ? k : 1);
    }

    /** Canonical label, e.g. "SG-RFG-L", "WSG-BP-LL", "SG-RFG-GxK4". */
    public String label() {
        return surrogate.name() + "-" + gradient.label() + (localLosses && !gradient.needsLocalHeads() ? "-LL" : "")
                + (directions > 1 ? "xK" + directions : "");
    }

    /** The same method with one direction: the paper's numbers are for K = 1. */
    public MethodSpec withSingleDirection() {
        return new MethodSpec(surrogate, gradient, localLosses, 1);
    }

    @Override
    public String toString() {
        return label();
    }
}
