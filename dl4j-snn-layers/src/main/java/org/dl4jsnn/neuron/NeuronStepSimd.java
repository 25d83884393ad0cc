package org.dl4jsnn.neuron;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.dl4jsnn.surrogate.GaussianSurrogate;

/**
 * {@link NeuronStep#advance} in SIMD lanes, for hard spikes and (when slopes are wanted) the Gaussian
 * surrogate. Each line mirrors one of {@link IntegrateAndFireNeuron}'s scalar functions with the same
 * operations in the same order (no FMA), so everything but {@code exp} rounds as the scalar code does;
 * {@code exp} is {@link LaneExp}, within 2e-15 of {@link Math#exp}.
 */
final class NeuronStepSimd {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private NeuronStepSimd() {
    }

    static int advance(IntegrateAndFireNeuron neuron, double[] membrane, int from, int to, double[] current,
                       int cOff, double[] spikes, double[] spikeSlopes, double[] resetSlopes, int oOff) {
        final double beta = neuron.beta();
        final double theta = neuron.threshold();
        final boolean subtract = neuron.resetMode() == ResetMode.SUBTRACT;
        final boolean differentiated = neuron.resetDifferentiated();
        final boolean slopes = spikeSlopes != null;
        final double peak = slopes ? ((GaussianSurrogate) neuron.surrogate()).densityPeak() : 0;
        final double scale = slopes ? ((GaussianSurrogate) neuron.surrogate()).exponentScale() : 0;
        int fired = 0;
        int k = from;
        for (int bound = from + S.loopBound(to - from); k < bound; k += S.length()) {
            fired += lanes(beta, theta, subtract, differentiated, peak, scale, membrane, k, current, cOff, spikes,
                    spikeSlopes, resetSlopes, oOff, null);
        }
        if (k < to) {
            fired += lanes(beta, theta, subtract, differentiated, peak, scale, membrane, k, current, cOff, spikes,
                    spikeSlopes, resetSlopes, oOff, S.indexInRange(k, to));
        }
        return fired;
    }

    /** One vector of neurons from k; {@code m} masks the last, partial one (null: all lanes). */
    private static int lanes(double beta, double theta, boolean subtract, boolean differentiated, double peak,
                             double scale, double[] membrane, int k, double[] current, int cOff, double[] spikes,
                             double[] spikeSlopes, double[] resetSlopes, int oOff, VectorMask<Double> m) {
        // integrate: beta U' + I
        DoubleVector u = load(membrane, k, m).mul(beta).add(load(current, cOff + k, m));
        // spike: H(U - theta), strict
        DoubleVector z = u.sub(theta);
        VectorMask<Double> fire = z.compare(VectorOperators.GT, 0.0);
        DoubleVector s = DoubleVector.zero(S).blend(1.0, fire);
        store(s, spikes, oOff + k, m);
        if (spikeSlopes != null) {
            // Gaussian surrogate: peak exp(scale z z)
            DoubleVector g = LaneExp.of(z.mul(scale).mul(z)).mul(peak);
            store(g, spikeSlopes, oOff + k, m);
            DoubleVector one = DoubleVector.broadcast(S, 1.0);
            DoubleVector a;
            if (subtract) {
                a = differentiated ? one.sub(g.mul(theta)) : one;
            } else {
                a = differentiated ? one.sub(s).sub(u.mul(g)) : one.sub(s);
            }
            store(a, resetSlopes, oOff + k, m);
        }
        // reset
        DoubleVector after = subtract ? u.sub(s.mul(theta)) : u.mul(s.neg().add(1.0));
        store(after, membrane, k, m);
        return (m == null ? fire : fire.and(m)).trueCount();
    }

    /**
     * {@link NeuronStep#adjoint} in lanes, as {@link IntegrateAndFireNeuron#adjointMembrane} and
     * {@link IntegrateAndFireNeuron#adjointCarry} compute it. (The JIT does not vectorize the scalar loop:
     * it stores to three arrays it cannot prove distinct from the ones it reads.)
     */
    static void adjoint(double beta, double[] lossPerSpike, double[] g, double[] a, int off, double[] carried,
                        double[] lossPerCurrent, double[] total, int n) {
        int k = 0;
        for (int bound = S.loopBound(n); k < bound; k += S.length()) {
            DoubleVector dU = DoubleVector.fromArray(S, lossPerSpike, off + k).mul(DoubleVector.fromArray(S, g, off + k))
                    .add(DoubleVector.fromArray(S, a, off + k).mul(DoubleVector.fromArray(S, carried, k)));
            dU.intoArray(lossPerCurrent, k);
            DoubleVector.fromArray(S, total, k).add(dU).intoArray(total, k);
            dU.mul(beta).intoArray(carried, k);
        }
        for (; k < n; k++) {
            double dU = IntegrateAndFireNeuron.adjointMembrane(lossPerSpike[off + k], g[off + k], a[off + k],
                    carried[k]);
            lossPerCurrent[k] = dU;
            total[k] += dU;
            carried[k] = beta * dU;
        }
    }

    private static DoubleVector load(double[] a, int i, VectorMask<Double> m) {
        return m == null ? DoubleVector.fromArray(S, a, i) : DoubleVector.fromArray(S, a, i, m);
    }

    private static void store(DoubleVector v, double[] a, int i, VectorMask<Double> m) {
        if (m == null) {
            v.intoArray(a, i);
        } else {
            v.intoArray(a, i, m);
        }
    }
}
