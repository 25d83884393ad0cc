package org.dl4jsnn.reproduce;

import java.nio.file.Path;

/**
 * A finished run's record was trained otherwise (method, seed, iterations, batch or learning rate) than
 * the run it would stand for: reusing it would report one run's error under another's settings.
 */
public final class RunRecordMismatchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RunRecordMismatchException(Path file, String recorded, String expected) {
        super("run record " + file + " belongs to another run: it was trained with {" + recorded + "}, but this run"
                + " is {" + expected + "}; delete the file to train this run, or give --out another folder");
    }
}
