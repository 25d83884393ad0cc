package org.dl4jsnn.conf;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.NoParamLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.dl4jsnn.layer.TimeAverageLayer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The spike-rate readout: averages a spike train [batch, n, T] over time to [batch, n], so that a stock
 * DL4J {@code DenseLayer} or {@code OutputLayer} can follow (y = W_o mean_t(S_t) + b_o, docs/design.md section 1).
 */
public class TimeAverage extends NoParamLayer {

    private static final long serialVersionUID = 1L;

    public TimeAverage() {
    }

    protected TimeAverage(Builder b) {
        super(b);
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf,
            Collection<TrainingListener> listeners, int layerIndex, INDArray paramsView,
            boolean initializeParams, DataType networkDataType) {
        TimeAverageLayer layer = new TimeAverageLayer(conf, networkDataType);
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(paramsView);
        layer.setParamTable(initializer().init(conf, paramsView, initializeParams));
        layer.setConf(conf);
        return layer;
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        if (inputType == null || inputType.getType() != InputType.Type.RNN) {
            throw new IllegalStateException("TimeAverage" + (layerName == null ? "" : " '" + layerName + "'")
                    + ": expected spike trains [batch, n, T] (recurrent input type), got " + inputType);
        }
        return InputType.feedForward(((InputType.InputTypeRecurrent) inputType).getSize());
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null;
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        InputType outputType = getOutputType(-1, inputType);
        return new LayerMemoryReport.Builder(layerName, TimeAverage.class, inputType, outputType)
                .standardMemory(0, 0)
                .workingMemory(0, 0, 0, 0)
                .cacheMemory(MemoryReport.CACHE_MODE_ALL_ZEROS, MemoryReport.CACHE_MODE_ALL_ZEROS)
                .build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeAverage && super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode() * 31 + 7;
    }

    public static class Builder extends org.deeplearning4j.nn.conf.layers.Layer.Builder<Builder> {
        @Override
        @SuppressWarnings("unchecked")
        public TimeAverage build() {
            return new TimeAverage(this);
        }
    }
}
