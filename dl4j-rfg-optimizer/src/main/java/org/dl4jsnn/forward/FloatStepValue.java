package org.dl4jsnn.forward;

/**
 * {@link StepValue} of a FLOAT network: one step's spikes and stacked tangents, batch-innermost [j][b],
 * in float (the sweep of a FLOAT network runs its spiking phase in float end to end). {@code tangents[k]}
 * is null where the tangent is known to be zero.
 */
public record FloatStepValue(int width, int batch, float[] primal, float[][] tangents) {

    public FloatStepValue {
        if (primal.length != width * batch) {
            throw new IllegalArgumentException("primal has " + primal.length + " elements, expected " + width + "x"
                    + batch);
        }
    }

    public int directions() {
        return tangents.length;
    }
}
