package org.dl4jsnn.reproduce.cli;

/** A command-line value that cannot be used; the message names the option and what it accepts. */
final class InvalidOptionException extends RuntimeException {

    InvalidOptionException(String option, String problem) {
        super(option + ": " + problem);
    }
}
