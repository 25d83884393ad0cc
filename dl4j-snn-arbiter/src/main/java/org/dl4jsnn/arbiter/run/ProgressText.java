package org.dl4jsnn.arbiter.run;

import java.util.Locale;
import java.util.Map;

/** How a search writes settings, numbers and durations in its progress lines and reports. */
public final class ProgressText {

    private ProgressText() {
    }

    /** "RFG-L lr=0.003162 schedule=CONSTANT T=16 ...": the method first, the rest as key=value. */
    public static String describe(Map<String, Object> settings) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Object> e : settings.entrySet()) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            String text = e.getValue() instanceof Double d ? number(d) : String.valueOf(e.getValue());
            sb.append("method".equals(e.getKey()) ? text : e.getKey() + "=" + text);
        }
        return sb.toString();
    }

    /** Four significant digits, without trailing zeros. */
    public static String number(double d) {
        String s = String.format(Locale.ROOT, "%.4g", d);
        if (s.contains(".") && !s.contains("e")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }

    /** 42s, 3m07s, 1h05m. */
    public static String duration(long millis) {
        long s = Math.max(0, millis) / 1000;
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s";
        }
        return (s / 3600) + "h" + String.format(Locale.ROOT, "%02d", (s % 3600) / 60) + "m";
    }
}
