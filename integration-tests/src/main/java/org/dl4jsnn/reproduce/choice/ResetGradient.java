package org.dl4jsnn.reproduce.choice;

import java.util.Locale;
import org.dl4jsnn.reproduce.GradientKind;

/**
 * Whether the reset term theta * S_t is differentiated (docs/design.md section 1), chosen separately
 * for back-propagation and for the forward-gradient methods: what trains better differs by method and
 * task.
 */
public record ResetGradient(boolean bpDifferentiated, boolean rfgDifferentiated) {

    /** Detached for every method: the default. */
    public static final ResetGradient DETACHED = new ResetGradient(false, false);

    public boolean differentiated(GradientKind gradient) {
        return gradient == GradientKind.BP ? bpDifferentiated : rfgDifferentiated;
    }

    /** {@code detached}, {@code differentiated}, or {@code bp=<mode>,rfg=<mode>}. */
    public String text() {
        if (bpDifferentiated == rfgDifferentiated) {
            return mode(bpDifferentiated);
        }
        return "bp=" + mode(bpDifferentiated) + ",rfg=" + mode(rfgDifferentiated);
    }

    private static String mode(boolean differentiated) {
        return differentiated ? "differentiated" : "detached";
    }

    /** Inverse of {@link #text()}, case-insensitive, spaces ignored. */
    public static ResetGradient parse(String text) {
        String t = text.replace(" ", "").toLowerCase(Locale.ROOT);
        if (!t.contains("=")) {
            boolean d = modeOf(t, text);
            return new ResetGradient(d, d);
        }
        Boolean bp = null;
        Boolean rfg = null;
        for (String part : t.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length == 2 && kv[0].equals("bp") && bp == null) {
                bp = modeOf(kv[1], text);
            } else if (kv.length == 2 && kv[0].equals("rfg") && rfg == null) {
                rfg = modeOf(kv[1], text);
            } else {
                throw invalid(text);
            }
        }
        if (bp == null || rfg == null) {
            throw invalid(text);
        }
        return new ResetGradient(bp, rfg);
    }

    private static boolean modeOf(String mode, String text) {
        return switch (mode) {
            case "detached" -> false;
            case "differentiated" -> true;
            default -> throw invalid(text);
        };
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("unknown reset gradient '" + text + "'; allowed: detached, differentiated,"
                + " or bp=<detached|differentiated>,rfg=<detached|differentiated>");
    }
}
