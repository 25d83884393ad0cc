package org.dl4jsnn.reproduce.report;

/**
 * A PNG of the report.
 *
 * @param file path relative to the output folder, e.g. "plots/loss.png"
 * @param section the report heading it appears under
 */
record Figure(String file, String title, String section) {
}
