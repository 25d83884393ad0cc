package org.dl4jsnn.reproduce;

import java.util.Locale;

/**
 * How much training a reproduction does. FAST is a first look in minutes on two cores; PAPER is the
 * scale needed to reach the paper's errors. Each {@link TaskRunner} maps a preset to its own
 * {@link RunSettings}.
 */
public enum Preset {
    FAST,
    PAPER;

    /** The spelling used on the command line and in results.json. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Inverse of {@link #cliName()}, case-insensitive. */
    public static Preset fromCliName(String name) {
        for (Preset p : values()) {
            if (p.cliName().equalsIgnoreCase(name.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown preset '" + name + "'; allowed: fast, paper");
    }
}
