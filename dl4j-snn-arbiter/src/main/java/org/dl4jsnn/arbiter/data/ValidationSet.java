package org.dl4jsnn.arbiter.data;

import org.deeplearning4j.nn.api.Model;

/**
 * Rows held out of a training set: what a search scores candidates on. The test set never enters a
 * search; it stays for the final report of the chosen configuration.
 */
public interface ValidationSet {

    /** The paper's metric on these rows (docs/design.md section 5). */
    double relativeL2(Model model);

    /** Number of held-out examples (points, or functions for operator tasks). */
    int size();
}
