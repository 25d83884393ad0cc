package org.dl4jsnn.reproduce.cli;

/**
 * jhdf logs every group and dataset it writes at INFO and warns that writing is "alpha" on every file;
 * the export commands keep it to errors unless the user set a level. slf4j-simple reads the property when
 * jhdf's loggers are created, which is after the command starts.
 */
final class JhdfLogging {

    private static final String KEY = "org.slf4j.simpleLogger.log.io.jhdf";

    private JhdfLogging() {
    }

    static void quiet() {
        if (System.getProperty(KEY) == null) {
            System.setProperty(KEY, "error");
        }
    }
}
