package org.dl4jsnn.reproduce.tasks;

import java.util.Arrays;

/** Command-line argument arrays for the end-to-end tests. */
final class Args {

    private Args() {
    }

    static String[] concat(String[] base, String... more) {
        String[] all = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
