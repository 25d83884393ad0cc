package org.dl4jsnn.neuron;

import jdk.incubator.vector.Vector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.dl4jsnn.surrogate.GaussianSurrogate;

/**
 * {@link NeuronStep#advance} in SIMD lanes, for hard spikes and (when slopes are wanted) the Gaussian
 * surrogate, written once for both precisions against {@link StepLanes}: a double network's kernels and a
 * float network's run this same code, so a change of the rule changes both. Each line mirrors one of
 * {@link IntegrateAndFireNeuron}'s scalar functions with the same operations in the same order (no FMA),
 * so in double everything but {@code exp} rounds as the scalar code does; {@code exp} is {@link LaneExp}
 * (double, within 2e-15 of {@link Math#exp}) or {@link LaneExpFloat} (float, within 4e-7). In float every
 * operation rounds to float.
 */
final class NeuronStepSimd {

    private NeuronStepSimd() {
    }

    /** The rule's constants, broadcast once per call. */
    private record Constants<E>(Vector<E> beta, Vector<E> theta, Vector<E> zero, Vector<E> one, Vector<E> peak,
                                Vector<E> scale, boolean subtract, boolean differentiated) {

        static <E> Constants<E> of(StepLanes<E> lanes, IntegrateAndFireNeuron neuron, boolean slopes) {
            double peak = slopes ? ((GaussianSurrogate) neuron.surrogate()).densityPeak() : 0;
            double scale = slopes ? ((GaussianSurrogate) neuron.surrogate()).exponentScale() : 0;
            return new Constants<>(lanes.broadcast(neuron.beta()), lanes.broadcast(neuron.threshold()),
                    lanes.broadcast(0.0), lanes.broadcast(1.0), lanes.broadcast(peak), lanes.broadcast(scale),
                    neuron.resetMode() == ResetMode.SUBTRACT, neuron.resetDifferentiated());
        }
    }

    static <E> int advance(StepLanes<E> lanes, IntegrateAndFireNeuron neuron, Object membrane, int from, int to,
                           Object current, int cOff, Object spikes, Object spikeSlopes, Object resetSlopes,
                           int oOff) {
        VectorSpecies<E> species = lanes.species();
        Constants<E> c = Constants.of(lanes, neuron, spikeSlopes != null);
        int fired = 0;
        int k = from;
        for (int bound = from + species.loopBound(to - from); k < bound; k += species.length()) {
            fired += lanes(lanes, c, membrane, k, current, cOff, spikes, spikeSlopes, resetSlopes, oOff, null);
        }
        if (k < to) {
            fired += lanes(lanes, c, membrane, k, current, cOff, spikes, spikeSlopes, resetSlopes, oOff,
                    species.indexInRange(k, to));
        }
        return fired;
    }

    /** One vector of neurons from k; {@code m} masks the last, partial one (null: all lanes). */
    private static <E> int lanes(StepLanes<E> lanes, Constants<E> c, Object membrane, int k, Object current,
                                 int cOff, Object spikes, Object spikeSlopes, Object resetSlopes, int oOff,
                                 VectorMask<E> m) {
        // integrate: beta U' + I
        Vector<E> u = lanes.load(membrane, k, m).mul(c.beta()).add(lanes.load(current, cOff + k, m));
        // spike: H(U - theta), strict
        Vector<E> z = u.sub(c.theta());
        VectorMask<E> fire = z.compare(VectorOperators.GT, c.zero());
        Vector<E> s = c.zero().blend(c.one(), fire);
        lanes.store(s, spikes, oOff + k, m);
        if (spikeSlopes != null) {
            // Gaussian surrogate: peak exp(scale z z)
            Vector<E> g = lanes.exp(z.mul(c.scale()).mul(z)).mul(c.peak());
            lanes.store(g, spikeSlopes, oOff + k, m);
            Vector<E> a;
            if (c.subtract()) {
                a = c.differentiated() ? c.one().sub(g.mul(c.theta())) : c.one();
            } else {
                a = c.differentiated() ? c.one().sub(s).sub(u.mul(g)) : c.one().sub(s);
            }
            lanes.store(a, resetSlopes, oOff + k, m);
        }
        // reset
        Vector<E> after = c.subtract() ? u.sub(s.mul(c.theta())) : u.mul(c.one().sub(s));
        lanes.store(after, membrane, k, m);
        return (m == null ? fire : fire.and(m)).trueCount();
    }

    /**
     * {@link NeuronStep#adjoint} in lanes, as {@link IntegrateAndFireNeuron#adjointMembrane} and
     * {@link IntegrateAndFireNeuron#adjointCarry} compute it. (The JIT does not vectorize the scalar loop:
     * it stores to three arrays it cannot prove distinct from the ones it reads.)
     */
    static <E> void adjoint(StepLanes<E> lanes, double beta, Object lossPerSpike, Object g, Object a, int off,
                            Object carried, Object lossPerCurrent, Object total, int n) {
        VectorSpecies<E> species = lanes.species();
        Vector<E> b = lanes.broadcast(beta);
        int k = 0;
        for (int bound = species.loopBound(n); k < bound; k += species.length()) {
            Vector<E> dU = lanes.load(lossPerSpike, off + k, null).mul(lanes.load(g, off + k, null))
                    .add(lanes.load(a, off + k, null).mul(lanes.load(carried, k, null)));
            lanes.store(dU, lossPerCurrent, k, null);
            lanes.store(lanes.load(total, k, null).add(dU), total, k, null);
            lanes.store(dU.mul(b), carried, k, null);
        }
        if (k < n) {
            VectorMask<E> m = species.indexInRange(k, n);
            Vector<E> dU = lanes.load(lossPerSpike, off + k, m).mul(lanes.load(g, off + k, m))
                    .add(lanes.load(a, off + k, m).mul(lanes.load(carried, k, m)));
            lanes.store(dU, lossPerCurrent, k, m);
            lanes.store(lanes.load(total, k, m).add(dU), total, k, m);
            lanes.store(dU.mul(b), carried, k, m);
        }
    }
}
