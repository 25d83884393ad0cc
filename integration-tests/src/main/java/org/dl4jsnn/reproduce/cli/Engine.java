package org.dl4jsnn.reproduce.cli;

/** Which engine trains the RFG methods of {@code reproduce} (--engine). */
enum Engine {
    /** DL4J's fit loop with {@code RfgComputationGraph}: the full reproduction and its report. */
    DL4J,
    /** The network imported into SameDiff and trained by {@code SameDiffRfgTrainer}, beside the DL4J engine. */
    SAMEDIFF
}
