package org.dl4jsnn.eval;

import java.util.Objects;
import org.deeplearning4j.earlystopping.scorecalc.ScoreCalculator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * The benchmark metric, relative L2 error ||prediction - truth||_2 / ||truth||_2 over a whole data set
 * (docs/design.md section 5), as a score for DL4J's early stopping. The sums run over all minibatches
 * before the ratio is taken, so the score does not depend on how the set is split into batches. Lower
 * is better.
 */
public final class RelativeL2ScoreCalculator implements ScoreCalculator<MultiLayerNetwork> {

    private static final long serialVersionUID = 1L;

    private final DataSetIterator data;

    /** @param data the held-out set to score on (a validation split, never the test set) */
    public RelativeL2ScoreCalculator(DataSetIterator data) {
        this.data = Objects.requireNonNull(data, "data");
    }

    @Override
    public double calculateScore(MultiLayerNetwork network) {
        data.reset();
        double errorSquares = 0;
        double truthSquares = 0;
        while (data.hasNext()) {
            DataSet batch = data.next();
            INDArray truth = batch.getLabels();
            INDArray prediction = network.output(batch.getFeatures(), false);
            errorSquares += squaredNorm(prediction.castTo(truth.dataType()).sub(truth));
            truthSquares += squaredNorm(truth);
        }
        if (!(truthSquares > 0)) {
            throw new IllegalStateException("relative L2 error is undefined: the validation labels are all zero"
                    + " (or the validation set is empty)");
        }
        return Math.sqrt(errorSquares / truthSquares);
    }

    private static double squaredNorm(INDArray a) {
        double n = a.norm2Number().doubleValue();
        return n * n;
    }

    @Override
    public boolean minimizeScore() {
        return true;
    }
}
