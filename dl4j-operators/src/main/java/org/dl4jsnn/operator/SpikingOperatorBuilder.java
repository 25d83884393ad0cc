package org.dl4jsnn.operator;

import java.util.Objects;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.dl4jsnn.conf.SpikingDense;
import org.dl4jsnn.init.InitScheme;
import org.dl4jsnn.neuron.IntegrateAndFireNeuron;
import org.dl4jsnn.solver.Checks;
import org.dl4jsnn.surrogate.Surrogate;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * What the spiking operator networks ({@link SpikingDeepOnet}, {@link SpikingSepOnet}) share: the branch
 * net's sensor count, the spiking neurons' settings, and the graph-wide settings (updater, seed, data type,
 * initialisation). Each setter checks its argument and names it in the error.
 *
 * @param <B> the concrete builder, so that chained calls keep its own setters in reach
 */
public abstract class SpikingOperatorBuilder<B extends SpikingOperatorBuilder<B>> {

    private int sensors;
    private int timeSteps = 32;
    private Surrogate surrogate;
    private double threshold = 1.0;
    private IUpdater updater = new Adam(1e-3);
    private long seed = 42;
    private DataType dataType = DataType.FLOAT;
    private InitScheme init = InitScheme.XAVIER;
    private boolean resetDifferentiated = false;

    /** The task's defaults: sensor count and surrogate differ between the paper's operator settings. */
    SpikingOperatorBuilder(int sensors, Surrogate surrogate) {
        this.sensors = sensors;
        this.surrogate = surrogate;
    }

    /** This builder as its concrete type, for chaining. */
    abstract B self();

    public B sensors(int m) {
        this.sensors = positive("sensors m", m);
        return self();
    }

    public B timeSteps(int t) {
        this.timeSteps = positive("timeSteps T", t);
        return self();
    }

    public B surrogate(Surrogate s) {
        this.surrogate = Objects.requireNonNull(s, "surrogate");
        return self();
    }

    public B threshold(double theta) {
        this.threshold = IntegrateAndFireNeuron.requireThreshold(theta);
        return self();
    }

    public B updater(IUpdater u) {
        this.updater = Objects.requireNonNull(u, "updater");
        return self();
    }

    /** The DL4J seed; not 0, which DL4J M2.1's native generator treats as unseeded (weights then vary). */
    public B seed(long s) {
        if (s == 0) {
            throw new IllegalArgumentException("seed must not be 0: DL4J M2.1 then initialises weights differently"
                    + " on every run; choose any other value");
        }
        this.seed = s;
        return self();
    }

    public B dataType(DataType t) {
        this.dataType = Objects.requireNonNull(t, "dataType");
        return self();
    }

    /**
     * How weights and biases start (default Xavier-normal weights, zero biases). With
     * {@link InitScheme#FAN_IN_UNIFORM} call {@link org.dl4jsnn.init.FanInUniformBiases#draw} after
     * {@code init()}: DL4J draws the uniform weights but only constant biases.
     */
    public B init(InitScheme scheme) {
        this.init = Objects.requireNonNull(scheme, "init");
        return self();
    }

    /**
     * Whether the reset term theta * S_t carries the surrogate derivative in every spiking layer
     * (docs/design.md section 1; default false, detached).
     */
    public B resetDifferentiated(boolean on) {
        this.resetDifferentiated = on;
        return self();
    }

    public int sensorCount() {
        return sensors;
    }

    /** Fails naming both sizes when a data set's input functions do not match the branch net. */
    public void requireSensors(int dataSensors) {
        if (dataSensors != sensors) {
            throw new IllegalArgumentException("the data set samples its input functions at " + dataSensors
                    + " sensors but the branch net takes sensors m=" + sensors + "; build the network with sensors("
                    + dataSensors + ")");
        }
    }

    /** A graph builder carrying the graph-wide settings; the network adds its inputs, layers and outputs. */
    ComputationGraphConfiguration.GraphBuilder graph() {
        return new NeuralNetConfiguration.Builder()
                .seed(seed).dataType(dataType).updater(updater).weightInit(init.weightInit())
                .graphBuilder();
    }

    /** A spiking layer of {@code width} neurons with this builder's neuron settings. */
    SpikingDense spikingLayer(int width) {
        return new SpikingDense.Builder().nOut(width).timeSteps(timeSteps).threshold(threshold)
                .surrogate(surrogate).resetDifferentiated(resetDifferentiated).build();
    }

    /** Copies the shared settings into {@code target} (they are all immutable values but the updater). */
    B copySharedInto(B target) {
        SpikingOperatorBuilder<B> t = target;
        t.sensors = sensors;
        t.timeSteps = timeSteps;
        t.surrogate = surrogate;
        t.threshold = threshold;
        t.updater = updater.clone();
        t.seed = seed;
        t.dataType = dataType;
        t.init = init;
        t.resetDifferentiated = resetDifferentiated;
        return target;
    }

    static int positive(String name, int v) {
        return Checks.atLeast(name, v, 1);
    }
}
