package org.dl4jsnn.export;

/**
 * Names in a netx HDF5 file (docs/export.md, "netx HDF5"), shared by the writer and the reader. The
 * {@code /export} group is this project's host-side part (input encoder, readout scale); netx reads only
 * {@code /layer}, so it ignores it.
 */
final class NetxLayout {

    private NetxLayout() {
    }

    static final String LAYER = "layer";
    static final String TYPE = "type";
    static final String SHAPE = "shape";
    static final String IN_FEATURES = "inFeatures";
    static final String OUT_FEATURES = "outFeatures";
    static final String WEIGHT = "weight";
    static final String BIAS = "bias";
    static final String NEURON = "neuron";
    static final String I_DECAY = "iDecay";
    static final String V_DECAY = "vDecay";
    static final String V_TH_MANT = "vThMant";
    static final String REF_DELAY = "refDelay";
    static final String GRADED_SPIKE = "gradedSpike";
    static final String CUBA = "CUBA";
    static final String INPUT = "input";
    static final String DENSE = "dense";
    static final String FLATTEN = "flatten";

    static final String SIMULATION = "simulation";
    static final String TS = "Ts";
    static final String T_SAMPLE = "tSample";

    static final String HOST = "export";
    static final String FORMAT = "format";
    static final String FORMAT_VALUE = "dl4j-snn netx 1";
    static final String TIME_STEPS = "timeSteps";
    static final String MODEL_RESET = "modelReset";
    static final String LAYER_NAMES = "layerNames";
    static final String SCALES = "scales";
    static final String ENCODER_WEIGHT = "encoderWeight";
    static final String ENCODER_BIAS = "encoderBias";
    static final String READOUT_OFFSET = "readoutOffset";
}
