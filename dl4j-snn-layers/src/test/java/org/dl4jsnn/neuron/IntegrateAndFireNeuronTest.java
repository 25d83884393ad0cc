package org.dl4jsnn.neuron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.data.Offset;
import org.dl4jsnn.kernel.DenseProducts;
import org.dl4jsnn.layer.LayerShape;
import org.dl4jsnn.layer.SpikingDenseKernel;
import org.dl4jsnn.surrogate.Surrogate;
import org.junit.jupiter.api.Test;

/** Spike semantics on cases small enough to work out by hand: 2 neurons, 4 steps. */
class IntegrateAndFireNeuronTest {

    private static final Surrogate SG = Surrogate.gaussian(0.5);

    /** Direct current: one input fixed at 1, so neuron j receives w_j + b_j at every step. */
    private static double[] run(IntegrateAndFireNeuron neuron, double[] w, double[] b) {
        LayerShape shape = new LayerShape(1, 1, 2, 4, false);
        double[] timeMajor = SpikingDenseKernel.forward(shape, new double[] {1.0}, w, b, neuron, false, 0L).spikes();
        return DenseProducts.transpose(timeMajor, 0, 4, 2); // [t][j] -> [j][t]
    }

    @Test
    void integrateAndFireWithSubtractiveReset() {
        IntegrateAndFireNeuron n = new IntegrateAndFireNeuron(1.0, 1.0, ResetMode.SUBTRACT, false, SG, false);
        // neuron 0: I = 0.6 -> U = 0.6, 1.2 (spike, 0.2), 0.8, 1.4 (spike)
        // neuron 1: I = 1.5 -> U = 1.5 (spike, 0.5), 2.0 (spike, 1.0), 2.5 (spike, 1.5), 3.0 (spike)
        double[] spikes = run(n, new double[] {0.5, 1.0}, new double[] {0.1, 0.5});
        assertThat(spikes).containsExactly(0, 1, 0, 1, 1, 1, 1, 1);
    }

    @Test
    void integrateAndFireWithResetToZero() {
        IntegrateAndFireNeuron n = new IntegrateAndFireNeuron(1.0, 1.0, ResetMode.ZERO, false, SG, false);
        // neuron 0: I = 0.6 -> 0.6, 1.2 (spike, 0), 0.6, 1.2 (spike)
        // neuron 1: I = 0.7 -> 0.7, 1.4 (spike, 0), 0.7, 1.4 (spike)... with subtraction it would be 0.4 -> 1.1
        double[] spikes = run(n, new double[] {0.5, 0.3}, new double[] {0.1, 0.4});
        assertThat(spikes).containsExactly(0, 1, 0, 1, 0, 1, 0, 1);
        IntegrateAndFireNeuron subtract = new IntegrateAndFireNeuron(1.0, 1.0, ResetMode.SUBTRACT, false, SG, false);
        // neuron 1 with subtraction: 0.7, 1.4 (spike, 0.4), 1.1 (spike, 0.1), 0.8
        assertThat(run(subtract, new double[] {0.5, 0.3}, new double[] {0.1, 0.4}))
                .containsExactly(0, 1, 0, 1, 0, 1, 1, 0);
    }

    @Test
    void leakyNeuronForgets() {
        IntegrateAndFireNeuron n = new IntegrateAndFireNeuron(1.0, 0.5, ResetMode.SUBTRACT, false, SG, false);
        // neuron 0: I = 0.6 -> U = 0.6, 0.9, 1.05 (spike, 0.05), 0.625: IF would spike at step 2 instead
        // neuron 1: I = 0.4 -> U = 0.4, 0.6, 0.7, 0.75: converges to 0.8, never spikes
        double[] spikes = run(n, new double[] {0.5, 0.2}, new double[] {0.1, 0.2});
        assertThat(spikes).containsExactly(0, 0, 1, 0, 0, 0, 0, 0);
    }

    @Test
    void membraneExactlyAtThresholdDoesNotSpike() {
        IntegrateAndFireNeuron n = new IntegrateAndFireNeuron(1.0, 1.0, ResetMode.SUBTRACT, false, SG, false);
        // neuron 0: I = 0.5 exactly (binary fractions): U = 0.5, 1.0 (= theta: no spike), 1.5 (spike), 1.0
        // neuron 1: I = 0.25: U = 0.25, 0.5, 0.75, 1.0: reaches theta at the last step, no spike
        double[] spikes = run(n, new double[] {0.25, 0.125}, new double[] {0.25, 0.125});
        assertThat(spikes).containsExactly(0, 0, 1, 0, 0, 0, 0, 0);
        assertThat(n.spike(1.0)).isZero();
        assertThat(n.spike(Math.nextUp(1.0))).isOne();
    }

    @Test
    void spikeTrainInputIsWeightedPerStep() {
        IntegrateAndFireNeuron n = new IntegrateAndFireNeuron(1.0, 1.0, ResetMode.SUBTRACT, false, SG, false);
        LayerShape shape = new LayerShape(1, 2, 1, 4, true);
        // input spikes: i0 = 1,0,1,1 ; i1 = 0,1,1,0 ; w = (0.6, 0.3), b = 0.1
        // currents: 0.7, 0.4, 1.0, 0.7 -> U: 0.7, 1.1 (spike, 0.1), 1.1 (spike, 0.1), 0.8
        double[] in = {1, 0, 0, 1, 1, 1, 1, 0}; // time-major [t][i]
        double[] spikes = SpikingDenseKernel.forward(shape, in, new double[] {0.6, 0.3}, new double[] {0.1}, n, false,
                0L).spikes();
        assertThat(spikes).containsExactly(0, 1, 1, 0);
    }

    @Test
    void slopesFollowTheResetChoice() {
        IntegrateAndFireNeuron attached = new IntegrateAndFireNeuron(1.0, 1.0, ResetMode.SUBTRACT, true, SG, false);
        IntegrateAndFireNeuron detached = new IntegrateAndFireNeuron(1.0, 1.0, ResetMode.SUBTRACT, false, SG, false);
        double g = attached.spikeSlope(1.2, 0, 0);
        assertThat(g).isCloseTo(Math.exp(-0.08) / (Math.sqrt(2 * Math.PI) * 0.5), Offset.offset(1e-12));
        assertThat(attached.resetSlope(1.2, 1, g)).isEqualTo(1 - g);
        assertThat(detached.resetSlope(1.2, 1, g)).isEqualTo(1.0);
        IntegrateAndFireNeuron zero = new IntegrateAndFireNeuron(1.0, 1.0, ResetMode.ZERO, true, SG, false);
        assertThat(zero.resetSlope(1.2, 1, g)).isEqualTo(1 - 1 - 1.2 * g);
    }

    @Test
    void rejectsInvalidParameters() {
        assertThatThrownBy(() -> new IntegrateAndFireNeuron(0, 1, ResetMode.SUBTRACT, false, SG, false))
                .hasMessageContaining("threshold").hasMessageContaining("> 0");
        assertThatThrownBy(() -> new IntegrateAndFireNeuron(1, 1.5, ResetMode.SUBTRACT, false, SG, false))
                .hasMessageContaining("beta").hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> new IntegrateAndFireNeuron(1, 0, ResetMode.SUBTRACT, false, SG, false))
                .hasMessageContaining("beta");
        assertThatThrownBy(() -> new IntegrateAndFireNeuron(1, 1, ResetMode.SUBTRACT, false,
                Surrogate.stein(0.5, 4), true)).hasMessageContaining("softSpikes");
    }
}
