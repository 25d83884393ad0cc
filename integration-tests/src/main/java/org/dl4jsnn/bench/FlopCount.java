package org.dl4jsnn.bench;

import java.util.Arrays;
import java.util.Objects;

/**
 * Analytic floating-point operation count of one training iteration of the spiking MLP
 * {@code n_0 - n_1 - ... - n_{L-1} - TimeAverage - n_L}: layers 1..L-1 are spiking dense layers (the
 * first driven by the constant direct current of the input), layer L is the dense MSE readout.
 *
 * <p>It counts the dense algorithm: every product as if all its inputs were nonzero, a multiply-add
 * as 2 FLOP, {@code exp} as 1. BP's kernel executes exactly this. The forward sweep's {@code Affine}
 * skips zero inputs (since commit 334e7b5), so for RFG the primal {@code W s} and the {@code V_W s}
 * products of spike-fed layers execute only about spike-rate x their count, while {@code W sdot}
 * (dense tangents) does not shrink: the count is the comparable algorithmic cost, not a measure of
 * RFG's arithmetic rate. With B the batch, T the time steps and {@code G_l = 2 B n_{l-1} n_l} one
 * dense product of layer l, {@code r_l} is how often layer l's product runs: once for layer 1 (its input
 * is constant over time, so its current is computed once) and the readout, T times for every spiking
 * layer fed by spike trains.
 *
 * <pre>
 * primal   = sum_{l=1}^{L-1} [ r_l (G_l + B n_l) + NEURON_FORWARD B n_l T ]      synapses + neurons
 *          + B n_{L-1} (T + 1)                                                    time average
 *          + G_L + 5 B n_L                                                        readout + MSE
 * BP back  = 2 G_L + 3 B n_L + B n_{L-1}                                          readout, spread over T
 *          + sum_{l=1}^{L-1} [ 2 r_l G_l + NEURON_ADJOINT B n_l T ]               W^T delta and delta s^T
 * RFG tan  = sum_{l=1}^{L-1} [ r_l (own_l (G_l + B n_l) + in_l G_l) + NEURON_TANGENT B n_l T live_l ]
 *          + live_{L-1} B n_{L-1} (T + 1) + own_L (G_L + B n_L) + in_L G_L + 3 B n_L live_L
 *          + 2 P D                                                                 g += Ldot v
 * update   = ADAM P                                                                both methods
 * BP = primal + BP back + update;   RFG = primal + RFG tan + update
 * </pre>
 *
 * where D is the number of stacked tangent directions, {@code own_l} those that perturb layer l's
 * parameters (the {@code V_W s} product), {@code in_l} those that arrive with a nonzero input tangent
 * (the {@code W sdot} product; none for layer 1, whose input is data) and {@code live_l} those with a
 * nonzero output tangent: global perturbation with K directions has D = K and own = in = live = K
 * (in_1 = 0); layer-wise with K per layer has D = K L, own_l = K, in_l = K (l - 1), live_l = K l. So
 * one global direction costs about one backward pass: V_W s + W sdot against W^T delta + delta s^T.
 *
 * <p>Activity perturbation (RFG-A) with K per layer stacks D = K L directions like layer-wise: a spiking
 * layer's K add u_t to its current tangent every step (B n_l per step, drawing u is not counted) instead of
 * the {@code V_W s} product, and the readout's K perturb its parameters as in RFG-L. Its estimate of a
 * spiking layer's weights weighs u by each example's loss tangent (1), sums that for the bias (1) and
 * takes its product with the layer's input (G_l), as often as the input changes (r_l); a static input
 * sums u over the steps first:
 * <pre>
 * RFG-A tan = sum_{l=1}^{L-1} [ K B n_l T + r_l in_l G_l + NEURON_TANGENT B n_l T live_l ]
 *           + live_{L-1} B n_{L-1} (T + 1) + K (G_L + B n_L) + in_L G_L + 3 B n_L live_L
 *           + sum_{l=1}^{L-1} K [ r_l (G_l + 2 B n_l) + [l = 1] B n_1 T ]               current rows' estimate
 *           + K (L - 1) 2 B n_L                                                 per-example loss tangents
 *           + 2 P K                                                             g += Ldot v, readout rows
 * </pre>
 * with in_l = K (l - 1) and live_l = K l as for layer-wise.
 *
 * <p><b>Operator networks</b> ({@link #count(OperatorShape, int, BenchMethod)}). Each tower (branch, trunk,
 * the SepONet's x and t trunks) is a spiking MLP {@code n_0 - ... - n_{L-1} - TimeAverage - n_L} counted by
 * the formula above with B = the rows that tower evaluates, its readout a dense layer without loss
 * ({@code G_L + B n_L} primal, {@code 2 G_L + B n_L + B n_{L-1}} back). The DeepONet feeds every
 * function-point pair through both towers (its inputs are {@code [B, m]} and {@code [B, 1]}, one row per
 * pair: the branch is evaluated once per pair, not once per function), so both have B = pairs; the SepONet's
 * branch sees the F functions, its trunks the nx and nt grid coordinates. Then, with p the latent size:
 * <pre>
 * DeepONet product  u_n = sum_k b_nk t_nk:  primal 2 B p;  back 2 B p (eps t and eps b);
 *                   tangent 2 B p per nonzero factor tangent (bdot t, b tdot)
 *   output u = w0 u + b0, MSE:  primal 2 B + 5 B;  back 4 B + 3 B;  tangent own 3 B + in 2 B + 3 B live
 * SepONet product   out_bij = sum_k (br_bk x_ik) t_jk:  primal F nx p (br * x) + 2 F nx nt p (GEMM);
 *                   back 4 F nx nt p (M = E T, dT = E^T (br * x), two GEMMs) + 5 F nx p (dbr, dx from M);
 *                   tangent per direction 2 F nx p per nonzero brdot or xdot (brdot*x + br*xdot)
 *                   plus 2 F nx nt p per GEMM: one for (brdot*x + br*xdot) t^T, one for (br*x) tdot^T
 *   MSE loss layer on the F nx nt grid values:  primal 4, back 2, tangent 3 per value and live direction
 * </pre>
 * Which directions are live where: RFG-G's K directions perturb every layer, so every tower layer has
 * own = K, in = K (0 for the first layer) and live = K, and each direction carries a tangent from every
 * tower into the product. RFG-L's groups are the parameter layers ({@link OperatorShape#parameterLayers()}):
 * tower layer l has own = K, in = K (l - 1), live = K l; a direction that perturbs one tower reaches the
 * product through that tower alone (one nonzero factor), and the output layer sees all of them.
 */
public final class FlopCount {

    /**
     * Per neuron-step of a training forward pass: integrate {@code beta U + I} (2), threshold (1),
     * surrogate slope {@code pdf((U - theta) / s) / s} (7, exp = 1), reset {@code U - theta S} (2).
     */
    public static final int NEURON_FORWARD = 12;
    /** Per neuron-step of BPTT: {@code dS g + a c} (3), carry {@code beta dU} (1), bias sum (1). */
    public static final int NEURON_ADJOINT = 5;
    /** Per neuron-step and live direction: {@code Udot = beta Udot' + Idot} (2), {@code g Udot} (1), {@code a Udot} (1). */
    public static final int NEURON_TANGENT = 4;
    /** Adam per parameter (moments 7, bias-corrected step 4, apply 1) plus DL4J's division by the batch. */
    public static final int ADAM = 13;

    /** The parts of one iteration's count, in FLOP. */
    public record Breakdown(double primal, double backward, double tangents, double update) {

        public double total() {
            return primal + backward + tangents + update;
        }

        public double mflop() {
            return total() / 1e6;
        }
    }

    private FlopCount() {
    }

    /** Number of trainable parameters (weights and biases of every layer). */
    public static long parameters(int[] widths) {
        checkWidths(widths);
        long p = 0;
        for (int l = 1; l < widths.length; l++) {
            p += (long) widths[l - 1] * widths[l] + widths[l];
        }
        return p;
    }

    public static Breakdown count(int[] widths, int batch, int steps, BenchMethod method) {
        checkWidths(widths);
        if (batch < 1 || steps < 1) {
            throw new IllegalArgumentException("batch and steps must be >= 1, got " + batch + ", " + steps);
        }
        final int layers = widths.length - 1;          // L: parameter layers; the last is the readout
        final double b = batch;
        final double t = steps;
        final double[] n = new double[widths.length];
        for (int i = 0; i < widths.length; i++) {
            n[i] = widths[i];
        }
        final double p = parameters(widths);

        double primal = 0;
        double backward = 0;
        for (int l = 1; l < layers; l++) {
            double g = 2 * b * n[l - 1] * n[l];
            double r = repeats(l, steps);
            primal += r * (g + b * n[l]) + NEURON_FORWARD * b * n[l] * t;
            backward += 2 * r * g + NEURON_ADJOINT * b * n[l] * t;
        }
        double last = n[layers - 1];
        double gOut = 2 * b * last * n[layers];
        primal += b * last * (t + 1) + gOut + 5 * b * n[layers];
        backward += 2 * gOut + 3 * b * n[layers] + b * last;

        if (method.isForwardOnly()) {
            return new Breakdown(primal, 0, 0, 0);
        }
        double tangents = 0;
        if (method.kind() == BenchMethod.Kind.RFG_ACTIVITY) {
            tangents = activityTangents(n, b, t, steps, method.directions(), p);
        } else if (!method.isBp()) {
            int d = method.stackedDirections(layers);
            for (int l = 1; l <= layers; l++) {
                double g = 2 * b * n[l - 1] * n[l];
                double own = method.directions();
                double in = incoming(method, l);
                double live = own + in;
                if (method.kind() == BenchMethod.Kind.RFG_GLOBAL) {
                    live = own;                       // the same K directions, perturbed and carried
                }
                if (l < layers) {
                    tangents += repeats(l, steps) * (own * (g + b * n[l]) + in * g)
                            + NEURON_TANGENT * b * n[l] * t * live;
                    if (l == layers - 1) {
                        tangents += live * b * n[l] * (t + 1);
                    }
                } else {
                    tangents += own * (g + b * n[l]) + in * g + 3 * b * n[l] * live;
                }
            }
            tangents += 2 * p * d;
        }
        return new Breakdown(primal, method.isBp() ? backward : 0, tangents, ADAM * p);
    }

    /** RFG-A's tangent work and estimate (the class comment's RFG-A tan), n the widths. */
    private static double activityTangents(double[] n, double b, double t, int steps, double k, double p) {
        int layers = n.length - 1;
        double tangents = 0;
        for (int l = 1; l <= layers; l++) {
            double g = 2 * b * n[l - 1] * n[l];
            double in = k * (l - 1);
            double live = k * l;
            if (l < layers) {
                double r = repeats(l, steps);
                tangents += k * b * n[l] * t + r * in * g + NEURON_TANGENT * b * n[l] * t * live;
                if (l == layers - 1) {
                    tangents += live * b * n[l] * (t + 1);
                }
                tangents += k * r * (g + 2 * b * n[l]) + (l == 1 ? k * b * n[l] * t : 0);
            } else {
                tangents += k * (g + b * n[l]) + in * g + 3 * b * n[l] * live;
                tangents += k * (layers - 1) * 2 * b * n[l];
            }
        }
        return tangents + 2 * p * k;
    }

    /**
     * Synaptic operations an event-driven (neuromorphic) primal pass would do: every spike of spiking
     * layer l reaches its {@code n_{l+1}} targets, so {@code sum_l rate_l B T n_l n_{l+1}}.
     *
     * @param spikeRates the measured fraction of neuron-steps that spike, per spiking layer
     */
    public static double synapticOps(int[] widths, int batch, int steps, double[] spikeRates) {
        checkWidths(widths);
        if (spikeRates.length != widths.length - 2) {
            throw new IllegalArgumentException("need one spike rate per spiking layer (" + (widths.length - 2)
                    + "), got " + spikeRates.length);
        }
        double ops = 0;
        for (int l = 1; l < widths.length - 1; l++) {
            ops += spikeRates[l - 1] * batch * (double) steps * widths[l] * widths[l + 1];
        }
        return ops;
    }

    /** One iteration of an operator network at T steps (the counting is in the class comment). */
    public static Breakdown count(OperatorShape shape, int steps, BenchMethod method) {
        Objects.requireNonNull(shape, "shape");
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        if (method.kind() == BenchMethod.Kind.RFG_ACTIVITY) {
            throw OperatorBenchmark.unsupportedActivity();
        }
        double primal = 0;
        double backward = 0;
        for (OperatorShape.Tower tower : shape.towers()) {
            double[] c = towerPrimalAndBack(tower, steps);
            primal += c[0];
            backward += c[1];
        }
        double p = shape.latent();
        double outputs = shape.outputs();
        // the DeepONet's product and output are per pair (the trunk's rows; its branch may hold fewer rows, one
        // per distinct function), the SepONet's grid per function (the branch's rows)
        double f = shape.towers().get(shape.product() == OperatorShape.Product.DEEPONET ? 1 : 0).rows();
        double fnx = 0;
        double gridGemm = 0;
        if (shape.product() == OperatorShape.Product.DEEPONET) {
            primal += 2 * f * p + 7 * f;                  // product, then w0 u + b0 (2) and MSE with its bias (5)
            backward += 2 * f * p + 7 * f;
        } else {
            fnx = f * shape.towers().get(1).rows();
            gridGemm = 2 * fnx * shape.towers().get(2).rows() * p;
            primal += fnx * p + gridGemm + 4 * outputs;
            backward += 2 * gridGemm + 5 * fnx * p + 2 * outputs;
        }
        if (method.isForwardOnly()) {
            return new Breakdown(primal, 0, 0, 0);
        }
        double params = shape.parameters();
        double update = ADAM * params;
        if (method.isBp()) {
            return new Breakdown(primal, backward, 0, update);
        }
        boolean global = method.kind() == BenchMethod.Kind.RFG_GLOBAL;
        double k = method.directions();
        double tangents = 0;
        double[] towerLive = new double[shape.towers().size()];
        for (int i = 0; i < towerLive.length; i++) {
            OperatorShape.Tower tower = shape.towers().get(i);
            tangents += towerTangents(tower, steps, method);
            towerLive[i] = global ? k : k * tower.layers();
        }
        double liveAtOutput = global ? k : Arrays.stream(towerLive).sum();
        if (shape.product() == OperatorShape.Product.DEEPONET) {
            double factorTangents = global ? 2 * k : liveAtOutput;   // one nonzero factor per layer-wise direction
            tangents += factorTangents * 2 * f * p;
            double own = shape.outputParams() > 0 ? k : 0;
            double liveOut = global ? k : liveAtOutput + own;
            tangents += own * 3 * f + liveAtOutput * 2 * f + 3 * f * liveOut;   // own (G + B) + in G + 3 B live
        } else {
            double branchOrX;
            double trunkT;
            if (global) {
                branchOrX = 2 * k;                        // brdot * x and br * xdot
                trunkT = k;
                tangents += k * 2 * gridGemm;             // both GEMMs of every direction
            } else {
                branchOrX = towerLive[0] + towerLive[1];
                trunkT = towerLive[2];
                tangents += (branchOrX + trunkT) * gridGemm;
            }
            tangents += branchOrX * 2 * fnx * p;
            tangents += 3 * outputs * liveAtOutput;
        }
        int stacked = method.stackedDirections(shape.parameterLayers());
        tangents += 2 * params * stacked;
        return new Breakdown(primal, 0, tangents, update);
    }

    /** {primal, BP backward} of one tower: its spiking layers, time average and dense readout. */
    private static double[] towerPrimalAndBack(OperatorShape.Tower tower, int steps) {
        int[] w = tower.widths();
        int layers = w.length - 1;
        double b = tower.rows();
        double t = steps;
        double primal = 0;
        double backward = 0;
        for (int l = 1; l < layers; l++) {
            double g = 2 * b * w[l - 1] * w[l];
            double r = repeats(l, steps);
            primal += r * (g + b * w[l]) + NEURON_FORWARD * b * w[l] * t;
            backward += 2 * r * g + NEURON_ADJOINT * b * w[l] * t;
        }
        double last = w[layers - 1];
        double gOut = 2 * b * last * w[layers];
        primal += b * last * (t + 1) + gOut + b * w[layers];
        backward += 2 * gOut + b * w[layers] + b * last;
        return new double[] {primal, backward};
    }

    /** The tangent work inside one tower (its layers as the first layers of a net: in_1 = 0). */
    private static double towerTangents(OperatorShape.Tower tower, int steps, BenchMethod method) {
        int[] w = tower.widths();
        int layers = w.length - 1;
        double b = tower.rows();
        double t = steps;
        double tangents = 0;
        for (int l = 1; l <= layers; l++) {
            double g = 2 * b * w[l - 1] * w[l];
            double own = method.directions();
            double in = incoming(method, l);
            double live = method.kind() == BenchMethod.Kind.RFG_GLOBAL ? own : own + in;
            if (l < layers) {
                tangents += repeats(l, steps) * (own * (g + b * w[l]) + in * g) + NEURON_TANGENT * b * w[l] * t * live;
                if (l == layers - 1) {
                    tangents += live * b * w[l] * (t + 1);
                }
            } else {
                tangents += own * (g + b * w[l]) + in * g;
            }
        }
        return tangents;
    }

    /** Directions arriving at layer l with a nonzero input tangent. */
    private static double incoming(BenchMethod method, int l) {
        if (l == 1) {
            return 0;
        }
        return method.kind() == BenchMethod.Kind.RFG_GLOBAL ? method.directions()
                : (double) method.directions() * (l - 1);
    }

    /** Layer 1 (constant input) and the readout run their product once, other spiking layers T times. */
    private static double repeats(int layer, int steps) {
        return layer == 1 ? 1 : steps;
    }

    private static void checkWidths(int[] widths) {
        if (widths == null || widths.length < 3) {
            throw new IllegalArgumentException("need at least input, one spiking layer and the readout");
        }
        for (int w : widths) {
            if (w < 1) {
                throw new IllegalArgumentException("widths must be >= 1, got " + Arrays.toString(widths));
            }
        }
    }
}
