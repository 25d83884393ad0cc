package org.dl4jsnn.spark;

import java.util.SplittableRandom;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsnn.data.MexicanHat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/** The tests' small network: a 2-16-16-1 spiking MLP (T = 8) in double precision, and Mexican-hat points. */
final class MexicanHatNets {

    private MexicanHatNets() {
    }

    static ComputationGraph network(long seed) {
        return SparkBench.mexicanHatNet(seed, DataType.DOUBLE, 8);
    }

    static MultiDataSet batch(int rows, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] xy = new double[rows][2];
        double[][] f = new double[rows][1];
        for (int r = 0; r < rows; r++) {
            xy[r][0] = -3 + 6 * rng.nextDouble();
            xy[r][1] = -3 + 6 * rng.nextDouble();
            f[r][0] = MexicanHat.value(xy[r][0], xy[r][1]);
        }
        return new org.nd4j.linalg.dataset.MultiDataSet(Nd4j.create(xy), Nd4j.create(f));
    }
}
