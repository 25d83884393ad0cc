package org.dl4jsnn.estimator;

import java.util.Arrays;
import org.dl4jsnn.forward.ActivityHook;
import org.dl4jsnn.forward.CurrentTangentSource;
import org.dl4jsnn.forward.ForwardSweep;

/**
 * Activity perturbation of one iteration (docs/design.md section 3): the layout's current rows as the
 * sweep's {@link CurrentTangentSource}, and the weight estimate from the per-example loss tangents,
 * sum_b Ldot_b sum_t u_{b,t} s_{b,t}^T.
 */
final class ActivityPerturbation implements CurrentTangentSource {

    private final DirectionLayout layout;
    private final long iteration;

    ActivityPerturbation(DirectionLayout layout, long iteration) {
        this.layout = layout;
        this.iteration = iteration;
    }

    @Override
    public boolean perturbsCurrent(int row) {
        return layout.perturbsCurrent(row);
    }

    @Override
    public boolean constantForStaticInput() {
        return layout.settings().activityLayers() == ActivityLayers.AFFINE_OUTPUTS;
    }

    @Override
    public int segmentOf(int row) {
        return layout.segmentOf(row);
    }

    @Override
    public void fill(int row, int t, int first, int batch, int nOut, double[] into) {
        layout.fillCurrent(iteration, row, t, first, batch, nOut, into);
    }

    @Override
    public void fill(int row, int t, int first, int batch, int nOut, float[] into) {
        layout.fillCurrent(iteration, row, t, first, batch, nOut, into);
    }

    /**
     * Adds {@code scale} times every current row's estimate to {@code gradient}. Each row of a layer is
     * weighted by the loss tangent of the output elements it feeds (the sweep's row tangents: an example's
     * own for an MLP, a function's or a coordinate's summed over the grid for a SepONet's branch or trunk);
     * where the sweep could not map them, by the minibatch's summed tangent, which is still unbiased (u of
     * different rows are independent) but carries the other rows' terms as noise.
     */
    static void addEstimate(ForwardSweep.Result sweep, double scale, double[] gradient) {
        double[][] perRow = sweep.rowLossTangents();
        for (ActivityHook hook : sweep.currentTangents()) {
            int[] rows = hook.rows();
            for (int r = 0; r < rows.length; r++) {
                int k = rows[r];
                double[] ldot = perRow != null && perRow[k] != null && perRow[k].length == hook.totalRows()
                        ? perRow[k] : filled(hook.totalRows(), sweep.lossTangents()[k]);
                hook.accumulate(r, ldot, scale, gradient);
            }
        }
    }

    private static double[] filled(int n, double value) {
        double[] a = new double[n];
        Arrays.fill(a, value);
        return a;
    }
}
