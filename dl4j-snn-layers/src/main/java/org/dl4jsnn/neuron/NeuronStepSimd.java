package org.dl4jsnn.neuron;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
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

    /** The rule's scalars (broadcast inside the loop, where the JIT hoists them). */
    private record Rule(double beta, double theta, double peak, double scale, boolean subtract,
                        boolean differentiated) {

        static Rule of(IntegrateAndFireNeuron neuron, boolean slopes) {
            return new Rule(neuron.beta(), neuron.threshold(),
                    slopes ? ((GaussianSurrogate) neuron.surrogate()).densityPeak() : 0,
                    slopes ? ((GaussianSurrogate) neuron.surrogate()).exponentScale() : 0,
                    neuron.resetMode() == ResetMode.SUBTRACT, neuron.resetDifferentiated());
        }
    }

    // The loops are per precision on purpose: each passes its own constant StepLanes to the shared rule,
    // so once the JIT inlines the rule into a loop every vector has one exact type and stays in registers
    // (one loop shared by both precisions would see two types at each call and box the vectors).

    static int advance(IntegrateAndFireNeuron neuron, double[] membrane, int from, int to, double[] current,
                       int cOff, double[] spikes, double[] spikeSlopes, double[] resetSlopes, int oOff) {
        StepLanes<Double> lanes = StepLanes.DOUBLE;
        VectorSpecies<Double> species = lanes.species();
        Rule r = Rule.of(neuron, spikeSlopes != null);
        int fired = 0;
        int k = from;
        for (int bound = from + species.loopBound(to - from); k < bound; k += species.length()) {
            fired += lanes(lanes, r, membrane, k, current, cOff, spikes, spikeSlopes, resetSlopes, oOff, null);
        }
        if (k < to) {
            fired += lanes(lanes, r, membrane, k, current, cOff, spikes, spikeSlopes, resetSlopes, oOff,
                    species.indexInRange(k, to));
        }
        return fired;
    }

    static int advance(IntegrateAndFireNeuron neuron, float[] membrane, int from, int to, float[] current,
                       int cOff, float[] spikes, float[] spikeSlopes, float[] resetSlopes, int oOff) {
        StepLanes<Float> lanes = StepLanes.FLOAT;
        VectorSpecies<Float> species = lanes.species();
        Rule r = Rule.of(neuron, spikeSlopes != null);
        int fired = 0;
        int k = from;
        for (int bound = from + species.loopBound(to - from); k < bound; k += species.length()) {
            fired += lanes(lanes, r, membrane, k, current, cOff, spikes, spikeSlopes, resetSlopes, oOff, null);
        }
        if (k < to) {
            fired += lanes(lanes, r, membrane, k, current, cOff, spikes, spikeSlopes, resetSlopes, oOff,
                    species.indexInRange(k, to));
        }
        return fired;
    }

    /**
     * The rule, once for both precisions: one vector of neurons from k; {@code m} masks the last, partial
     * one (null: all lanes).
     */
    private static <E> int lanes(StepLanes<E> lanes, Rule r, Object membrane, int k, Object current,
                                 int cOff, Object spikes, Object spikeSlopes, Object resetSlopes, int oOff,
                                 VectorMask<E> m) {
        Vector<E> theta = lanes.broadcast(r.theta());
        Vector<E> zero = lanes.broadcast(0.0);
        Vector<E> one = lanes.broadcast(1.0);
        // integrate: beta U' + I
        Vector<E> u = lanes.load(membrane, k, m).mul(lanes.broadcast(r.beta())).add(lanes.load(current, cOff + k, m));
        // spike: H(U - theta), strict
        Vector<E> z = u.sub(theta);
        VectorMask<E> fire = z.compare(VectorOperators.GT, zero);
        Vector<E> s = zero.blend(one, fire);
        lanes.store(s, spikes, oOff + k, m);
        if (spikeSlopes != null) {
            // Gaussian surrogate: peak exp(scale z z)
            Vector<E> g = lanes.exp(z.mul(lanes.broadcast(r.scale())).mul(z)).mul(lanes.broadcast(r.peak()));
            lanes.store(g, spikeSlopes, oOff + k, m);
            Vector<E> a;
            if (r.subtract()) {
                a = r.differentiated() ? one.sub(g.mul(theta)) : one;
            } else {
                a = r.differentiated() ? one.sub(s).sub(u.mul(g)) : one.sub(s);
            }
            lanes.store(a, resetSlopes, oOff + k, m);
        }
        // reset
        Vector<E> after = r.subtract() ? u.sub(s.mul(theta)) : u.mul(one.sub(s));
        lanes.store(after, membrane, k, m);
        return (m == null ? fire : fire.and(m)).trueCount();
    }

    /**
     * {@link NeuronStep#adjoint} in lanes, as {@link IntegrateAndFireNeuron#adjointMembrane} and
     * {@link IntegrateAndFireNeuron#adjointCarry} compute it: dU = dL/dS g + a c, total += dU, c = beta dU.
     * (The JIT does not vectorize the scalar loop: it stores to three arrays it cannot prove distinct from
     * the ones it reads.) Unlike the forward rule this one is written out per precision, with one exact
     * vector type per loop: written once against {@link StepLanes}, the JIT sometimes compiled the shared
     * lane method on its own before inlining it into its caller, and its vectors were then boxed until the
     * caller was recompiled (JFR: 208 of 359 BP samples at batch 10,000, 0.3-1.1 s per iteration; see
     * docs/design.md section 7). The rule is three lines; both loops and their scalar tails apply it with
     * the same operations in the same order (no FMA), so each rounds as the scalar code does.
     */
    static void adjoint(double beta, double[] lossPerSpike, double[] g, double[] a, int off, double[] carried,
                        double[] lossPerCurrent, double[] total, int n) {
        VectorSpecies<Double> species = DoubleVector.SPECIES_PREFERRED;
        DoubleVector b = DoubleVector.broadcast(species, beta);
        int k = 0;
        for (int bound = species.loopBound(n); k < bound; k += species.length()) {
            DoubleVector dU = DoubleVector.fromArray(species, lossPerSpike, off + k)
                    .mul(DoubleVector.fromArray(species, g, off + k))
                    .add(DoubleVector.fromArray(species, a, off + k).mul(DoubleVector.fromArray(species, carried, k)));
            dU.intoArray(lossPerCurrent, k);
            DoubleVector.fromArray(species, total, k).add(dU).intoArray(total, k);
            dU.mul(b).intoArray(carried, k);
        }
        for (; k < n; k++) {
            double dU = lossPerSpike[off + k] * g[off + k] + a[off + k] * carried[k];
            lossPerCurrent[k] = dU;
            total[k] += dU;
            carried[k] = beta * dU;
        }
    }

    static void adjoint(double beta, float[] lossPerSpike, float[] g, float[] a, int off, float[] carried,
                        float[] lossPerCurrent, float[] total, int n) {
        VectorSpecies<Float> species = FloatVector.SPECIES_PREFERRED;
        float betaF = (float) beta;
        FloatVector b = FloatVector.broadcast(species, betaF);
        int k = 0;
        for (int bound = species.loopBound(n); k < bound; k += species.length()) {
            FloatVector dU = FloatVector.fromArray(species, lossPerSpike, off + k)
                    .mul(FloatVector.fromArray(species, g, off + k))
                    .add(FloatVector.fromArray(species, a, off + k).mul(FloatVector.fromArray(species, carried, k)));
            dU.intoArray(lossPerCurrent, k);
            FloatVector.fromArray(species, total, k).add(dU).intoArray(total, k);
            dU.mul(b).intoArray(carried, k);
        }
        for (; k < n; k++) {
            float dU = lossPerSpike[off + k] * g[off + k] + a[off + k] * carried[k];
            lossPerCurrent[k] = dU;
            total[k] += dU;
            carried[k] = betaF * dU;
        }
    }

    static void tangent(double beta, double[] membraneTangent, double[] currentTangent, double[] g, double[] a,
                        double[] spikeTangent, int n) {
        StepLanes<Double> lanes = StepLanes.DOUBLE;
        VectorSpecies<Double> species = lanes.species();
        int k = 0;
        for (int bound = species.loopBound(n); k < bound; k += species.length()) {
            tangentLanes(lanes, beta, membraneTangent, currentTangent, g, a, spikeTangent, k, null);
        }
        if (k < n) {
            tangentLanes(lanes, beta, membraneTangent, currentTangent, g, a, spikeTangent, k,
                    species.indexInRange(k, n));
        }
    }

    static void tangent(double beta, float[] membraneTangent, float[] currentTangent, float[] g, float[] a,
                        float[] spikeTangent, int n) {
        StepLanes<Float> lanes = StepLanes.FLOAT;
        VectorSpecies<Float> species = lanes.species();
        int k = 0;
        for (int bound = species.loopBound(n); k < bound; k += species.length()) {
            tangentLanes(lanes, beta, membraneTangent, currentTangent, g, a, spikeTangent, k, null);
        }
        if (k < n) {
            tangentLanes(lanes, beta, membraneTangent, currentTangent, g, a, spikeTangent, k,
                    species.indexInRange(k, n));
        }
    }

    /** The tangent rule, once for both precisions: Udot = beta Udot' + Idot, Sdot = g Udot, Udot' = a Udot. */
    private static <E> void tangentLanes(StepLanes<E> lanes, double beta, Object membraneTangent,
                                         Object currentTangent, Object g, Object a, Object spikeTangent, int k,
                                         VectorMask<E> m) {
        Vector<E> udot = lanes.load(membraneTangent, k, m).mul(lanes.broadcast(beta))
                .add(lanes.load(currentTangent, k, m));
        lanes.store(lanes.load(g, k, m).mul(udot), spikeTangent, k, m);
        lanes.store(lanes.load(a, k, m).mul(udot), membraneTangent, k, m);
    }
}
