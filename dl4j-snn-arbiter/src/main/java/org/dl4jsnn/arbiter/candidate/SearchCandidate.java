package org.dl4jsnn.arbiter.candidate;

import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsnn.arbiter.method.TrainingMethod;
import org.dl4jsnn.surrogate.SteinSurrogate;
import org.dl4jsnn.surrogate.Surrogate;
import org.dl4jsnn.train.RfgComputationGraph;

/**
 * One point of a search space: a network and the method that trains it. {@link #build} turns it into an
 * initialised DL4J model; an RFG method gets the forward-gradient subclass of the same configuration, so
 * DL4J's fit runs the RFG estimator and never back-propagation.
 */
public sealed interface SearchCandidate extends java.io.Serializable
        permits SpikingMlpCandidate, DeepOnetCandidate, SepOnetCandidate {

    TrainingMethod method();

    /** The network's searched settings, in a fixed order, as shown in tables and saved configurations. */
    Map<String, Object> networkSettings();

    /**
     * An initialised model.
     *
     * @param networkSeed DL4J's weight-initialisation seed (not 0: DL4J M2.1 then ignores it)
     * @param rfgSeed     the RFG directions' seed (unused by BP)
     * @param iterations  the training length, which places the learning-rate schedule's steps
     */
    Model build(long networkSeed, long rfgSeed, int iterations);

    /** Method and network settings together: what a results table shows for this candidate. */
    default Map<String, Object> settings() {
        Map<String, Object> m = new LinkedHashMap<>();
        TrainingMethod t = method();
        m.put("method", t.label());
        m.put("lr", t.learningRate());
        m.put("schedule", t.schedule().name());
        m.putAll(networkSettings());
        return m;
    }

    /** An initialised graph: the forward-gradient subclass when the method is RFG, so fit never back-propagates. */
    static ComputationGraph graph(ComputationGraphConfiguration conf, TrainingMethod method, long rfgSeed) {
        ComputationGraph net = method.gradient().isForwardGradient()
                ? new RfgComputationGraph(conf, method.rfgSettings(rfgSeed))
                : new ComputationGraph(conf);
        net.init();
        return net;
    }

    /** The spiking settings every candidate shows, in table order: T, surrogate kind, its width, WSG's N. */
    static void putSpiking(Map<String, Object> m, int timeSteps, Surrogate surrogate) {
        m.put("T", timeSteps);
        m.put("surrogate", surrogate instanceof SteinSurrogate ? "WSG" : "SG");
        m.put("s", surrogate.width());
        if (surrogate instanceof SteinSurrogate w) {
            m.put("N", w.samples());
        }
    }

    static long requireNetworkSeed(long seed) {
        if (seed == 0) {
            throw new IllegalArgumentException("networkSeed must not be 0: DL4J M2.1 then initialises weights"
                    + " differently on every run");
        }
        return seed;
    }
}
