package org.dl4jsnn.forward;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;

/** The element-wise activations the engine differentiates: y = f(z), ydot = f'(z) zdot. */
public enum ActivationJvp {
    IDENTITY, TANH, SIGMOID, RELU;

    /** The rule for a DL4J activation, or a clear error naming the unsupported one. */
    public static ActivationJvp of(IActivation activation, String where) {
        if (activation == null || activation instanceof ActivationIdentity) {
            return IDENTITY;
        }
        if (activation instanceof ActivationTanH) {
            return TANH;
        }
        if (activation instanceof ActivationSigmoid) {
            return SIGMOID;
        }
        if (activation instanceof ActivationReLU relu && relu.getMax() == null && isZero(relu.getThreshold())
                && isZero(relu.getNegativeSlope())) {
            return RELU;
        }
        throw new UnsupportedOperationException(where + ": activation " + activation
                + " has no forward-mode rule; supported: identity, tanh, sigmoid, relu");
    }

    private static boolean isZero(Double d) {
        return d == null || d == 0.0;
    }

    /** Applies f in place to z and scales every tangent by f'(z). */
    public Value apply(Value z) {
        if (this == IDENTITY) {
            return z;
        }
        double[] y = z.primal();
        double[][] t = z.tangents();
        for (int e = 0; e < y.length; e++) {
            double zv = y[e];
            double fv;
            double slope;
            switch (this) {
                case TANH -> {
                    fv = Math.tanh(zv);
                    slope = 1 - fv * fv;
                }
                case SIGMOID -> {
                    fv = 1 / (1 + Math.exp(-zv));
                    slope = fv * (1 - fv);
                }
                default -> {
                    fv = zv > 0 ? zv : 0;
                    slope = zv > 0 ? 1 : 0;
                }
            }
            y[e] = fv;
            for (double[] tk : t) {
                if (tk != null) {
                    tk[e] *= slope;
                }
            }
        }
        return z;
    }
}
