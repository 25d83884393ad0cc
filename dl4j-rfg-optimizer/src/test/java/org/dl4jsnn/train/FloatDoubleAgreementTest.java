package org.dl4jsnn.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.assertj.core.data.Offset;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsnn.estimator.ForwardGradientEstimator;
import org.dl4jsnn.estimator.RfgSettings;
import org.dl4jsnn.forward.ForwardGraph;
import org.dl4jsnn.forward.ForwardSweep;
import org.dl4jsnn.forward.Value;
import org.dl4jsnn.layer.NdArrays;
import org.dl4jsnn.testing.MexicanHatData;
import org.dl4jsnn.testing.Networks;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * A FLOAT network (float kernels end to end) against the DOUBLE network with the same parameters (float
 * values) on the Mexican hat's 32 x 32 test grid, T = 32: the hidden layers' spikes agree but for at
 * most {@link #SPIKE_TOLERANCE} of the neuron-steps (a spike flipped by float round-off near threshold,
 * then carried on by the reset; the step-by-step bound is FloatKernelAgreementTest's), and the gradients
 * agree within {@link #GRADIENT_TOLERANCE} relative (L2): back-propagation's, and the forward sweep's
 * dL.v for four global directions (the RFG estimate is dL.v times v).
 */
class FloatDoubleAgreementTest {

    /**
     * Relative L2 difference allowed between the FLOAT and the DOUBLE network's gradients: float's unit
     * round-off is 6e-8 (2^-24) per operation, and a gradient sums thousands of terms per parameter
     * (measured: 2.5e-7 for BP, 3.7e-7 for dL.v, with no spike flipped).
     */
    static final double GRADIENT_TOLERANCE = 1e-5;
    /** Share of hidden neuron-steps whose spike may differ (measured: none of 1,048,576). */
    static final double SPIKE_TOLERANCE = 1e-4;

    @Test
    void floatNetworkGivesTheDoubleSpikesAndGradients() {
        MultiLayerNetwork d = Networks.mexicanHat(3, DataType.DOUBLE);
        MultiLayerNetwork f = Networks.mexicanHat(3, DataType.FLOAT);
        INDArray p = d.params().castTo(DataType.FLOAT);
        f.setParams(p);
        d.setParams(p.castTo(DataType.DOUBLE));
        DataSet grid = MexicanHatData.grid(32, DataType.DOUBLE);
        DataSet gridF = MexicanHatData.grid(32, DataType.FLOAT);

        List<INDArray> actD = d.feedForward(grid.getFeatures(), false);
        List<INDArray> actF = f.feedForward(gridF.getFeatures(), false);
        for (int layer = 1; layer <= 2; layer++) {
            double[] sd = NdArrays.toDoubles(actD.get(layer));
            double[] sf = NdArrays.toDoubles(actF.get(layer));
            long differ = 0;
            long spikes = 0;
            for (int e = 0; e < sd.length; e++) {
                differ += sd[e] != sf[e] ? 1 : 0;
                spikes += (long) sd[e];
            }
            System.out.printf("layer %d: %d of %d neuron-steps differ (%d spikes)%n", layer, differ, sd.length,
                    spikes);
            assertThat(spikes).isPositive();
            assertThat((double) differ / sd.length).isLessThanOrEqualTo(SPIKE_TOLERANCE);
        }

        d.setInput(grid.getFeatures());
        d.setLabels(grid.getLabels());
        d.computeGradientAndScore();
        f.setInput(gridF.getFeatures());
        f.setLabels(gridF.getLabels());
        f.computeGradientAndScore();
        double[] gd = NdArrays.toDoubles(d.gradient().gradient());
        double[] gf = NdArrays.toDoubles(f.gradient().gradient());
        double bp = relativeDifference(gf, gd);
        System.out.printf("BP gradient relative L2 difference %.3e%n", bp);
        assertThat(bp).isLessThanOrEqualTo(GRADIENT_TOLERANCE);

        double[] params = NdArrays.toDoubles(d.params());
        int n = grid.getFeatures().rows();
        ForwardGraph graphD = ForwardGraph.of(d);
        ForwardGraph graphF = ForwardGraph.of(f);
        assertThat(graphF.nodes()).anyMatch(node -> node instanceof ForwardGraph.SpikingNode s && s.floatKernels());
        assertThat(graphD.nodes()).noneMatch(node -> node instanceof ForwardGraph.SpikingNode s && s.floatKernels());
        ForwardGradientEstimator.Directions dirs = new ForwardGradientEstimator(RfgSettings.global(6)
                .withDirections(4)).directions(graphD, params.length, 0);
        List<Value> in = List.of(Value.constant(n, 2, NdArrays.toDoubles(grid.getFeatures()), 4));
        List<double[]> labels = List.of(NdArrays.toDoubles(grid.getLabels()));
        ForwardSweep.Result rd = ForwardSweep.run(graphD, params, dirs.vectors(), dirs.segment(), in, labels, 3, 0);
        ForwardSweep.Result rf = ForwardSweep.run(graphF, params, dirs.vectors(), dirs.segment(), in, labels, 3, 0);
        double rfg = relativeDifference(rf.lossTangents(), rd.lossTangents());
        System.out.printf("RFG dL.v relative L2 difference %.3e, loss %.6f vs %.6f%n", rfg, rf.loss(), rd.loss());
        assertThat(rfg).isLessThanOrEqualTo(GRADIENT_TOLERANCE);
        assertThat(Math.abs(rf.loss() - rd.loss())).isLessThanOrEqualTo(GRADIENT_TOLERANCE * rd.loss());
        // the double sweep is the double BP gradient's JVP (the identity the double kernels keep to 1e-9)
        for (int k = 0; k < 4; k++) {
            double exact = 0;
            for (int e = 0; e < params.length; e++) {
                exact += gd[e] * dirs.vectors()[k][e];
            }
            assertThat(rd.lossTangents()[k]).isCloseTo(exact, Offset.offset(1e-9 * Math.abs(exact) + 1e-12));
        }
    }

    /**
     * Activity perturbation (RFG-A) on the same pair, with the current hook inside the float kernel: the
     * FLOAT sweep's current tangents carry float round-off (the double kernels would give the double ones
     * bit for bit), and the estimates, two per spiking layer plus the
     * output layer's, agree within {@link #GRADIENT_TOLERANCE} relative (L2), as the sums of the same
     * per-example loss tangents times the same +-1 currents and spikes.
     */
    @Test
    void floatActivityPerturbationGivesTheDoubleEstimate() {
        MultiLayerNetwork d = Networks.mexicanHat(3, DataType.DOUBLE);
        MultiLayerNetwork f = Networks.mexicanHat(3, DataType.FLOAT);
        INDArray p = d.params().castTo(DataType.FLOAT);
        f.setParams(p);
        d.setParams(p.castTo(DataType.DOUBLE));
        DataSet grid = MexicanHatData.grid(32, DataType.DOUBLE);
        double[] params = NdArrays.toDoubles(d.params());
        int n = grid.getFeatures().rows();
        List<double[]> labels = List.of(NdArrays.toDoubles(grid.getLabels()));
        ForwardGraph graphD = ForwardGraph.of(d);
        ForwardGraph graphF = ForwardGraph.of(f);
        ForwardGradientEstimator activity = new ForwardGradientEstimator(RfgSettings.activity(6).withDirections(2));
        List<Value> in = List.of(Value.constant(n, 2, NdArrays.toDoubles(grid.getFeatures()),
                activity.layout(graphD).count()));
        ForwardGradientEstimator.Estimate ed = activity.estimate(graphD, params, in, labels, 3, 0);
        ForwardGradientEstimator.Estimate ef = activity.estimate(graphF, params, in, labels, 3, 0);

        // the spikes and the double readout are the same, so only the current rows' tangents tell the
        // kernels apart: float round-off in the float kernel, where a fallback to the double kernels would
        // give the double tangents bit for bit
        double[] tangentsD = ed.sweep().lossTangents();
        double[] tangentsF = ef.sweep().lossTangents();
        for (int k = 0; k < 4; k++) {
            assertThat(tangentsF[k]).as("current row %d", k).isNotEqualTo(tangentsD[k]);
        }
        assertThat(ef.sweep().spikes()).isEqualTo(ed.sweep().spikes());

        double rfg = relativeDifference(ef.gradient(), ed.gradient());
        System.out.printf("RFG-A estimate relative L2 difference %.3e, loss %.17g vs %.17g%n", rfg,
                ef.sweep().loss(), ed.sweep().loss());
        assertThat(rfg).isLessThanOrEqualTo(GRADIENT_TOLERANCE);
        assertThat(relativeDifference(ef.sweep().lossTangents(), ed.sweep().lossTangents()))
                .isLessThanOrEqualTo(GRADIENT_TOLERANCE);
    }

    static double relativeDifference(double[] a, double[] b) {
        double diff = 0;
        double norm = 0;
        for (int e = 0; e < a.length; e++) {
            diff += (a[e] - b[e]) * (a[e] - b[e]);
            norm += b[e] * b[e];
        }
        assertThat(norm).isPositive();
        return Math.sqrt(diff / norm);
    }
}
