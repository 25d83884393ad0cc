package org.dl4jsnn.forward;

import java.util.List;

/**
 * A static rule whose output elements each read known rows of its inputs (a DeepONet's gather, a SepONet's
 * outer product): it maps per-output-element loss tangents to per-input-row ones, so activity perturbation
 * can weigh a layer's rows that are not the loss's examples by the tangents of exactly the elements they
 * feed (docs/design.md section 3).
 */
public interface InputRowTangents {

    /**
     * For each input i, per row r of that input, the sum of {@code elementTangents} over the output elements
     * that read row r (null for an input that is data and has no perturbed rows, such as an index).
     *
     * @param elementTangents one value per output element, laid out like the output's primal
     */
    double[][] inputRowTangents(List<Value> inputs, double[] elementTangents);
}
