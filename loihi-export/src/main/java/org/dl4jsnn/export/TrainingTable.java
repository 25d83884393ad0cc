package org.dl4jsnn.export;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.adapter.MultiDataSetIteratorAdapter;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/** Shuffled minibatches of (input, target) rows for the quantization-aware fine-tune of a single-input net. */
public final class TrainingTable {

    private TrainingTable() {
    }

    public static MultiDataSetIterator batches(ModelFiles.InputTable table, int batch, long seed) {
        if (!table.hasTargets()) {
            throw new ModelFileException("fine-tuning needs a target per row: give the training table one more"
                    + " column than the net has inputs");
        }
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        }
        double[][] x = table.inputs();
        double[][] y = new double[x.length][1];
        for (int s = 0; s < x.length; s++) {
            y[s][0] = table.targets()[s];
        }
        DataSet all = new DataSet(Nd4j.createFromArray(x).castTo(DataType.FLOAT),
                Nd4j.createFromArray(y).castTo(DataType.FLOAT));
        all.shuffle(seed);
        List<DataSet> rows = new ArrayList<>(all.asList());
        return new MultiDataSetIteratorAdapter(new ListDataSetIterator<>(rows, batch));
    }
}
