package org.dl4jsnn.reproduce.tasks;

/** Command-line argument arrays for the end-to-end tests. */
final class Args {

    private Args() {
    }

    static String[] concat(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
