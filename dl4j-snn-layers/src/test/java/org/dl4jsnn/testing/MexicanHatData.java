package org.dl4jsnn.testing;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** The Mexican-hat task of docs/design.md section 5, small enough to build inside a test. */
public final class MexicanHatData {

    private MexicanHatData() {
    }

    public static double hat(double x, double y) {
        double r2 = x * x + y * y;
        return (1 - r2) * Math.exp(-r2 / 2);
    }

    /** n uniform random points on [-3, 3]^2. */
    public static DataSet train(int n, long seed, DataType type) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[2 * n];
        double[] y = new double[n];
        for (int k = 0; k < n; k++) {
            x[2 * k] = rng.nextDouble(-3, 3);
            x[2 * k + 1] = rng.nextDouble(-3, 3);
            y[k] = hat(x[2 * k], x[2 * k + 1]);
        }
        return new DataSet(Nd4j.create(x, new long[] {n, 2}, 'c').castTo(type),
                Nd4j.create(y, new long[] {n, 1}, 'c').castTo(type));
    }

    /** The side x side grid on [-3, 3]^2, row-major. */
    public static DataSet grid(int side, DataType type) {
        double[] x = new double[2 * side * side];
        double[] y = new double[side * side];
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                int k = i * side + j;
                x[2 * k] = -3 + 6.0 * i / (side - 1);
                x[2 * k + 1] = -3 + 6.0 * j / (side - 1);
                y[k] = hat(x[2 * k], x[2 * k + 1]);
            }
        }
        return new DataSet(Nd4j.create(x, new long[] {side * side, 2}, 'c').castTo(type),
                Nd4j.create(y, new long[] {side * side, 1}, 'c').castTo(type));
    }
}
