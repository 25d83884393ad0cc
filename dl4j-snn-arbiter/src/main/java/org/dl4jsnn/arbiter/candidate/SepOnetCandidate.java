package org.dl4jsnn.arbiter.candidate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsnn.arbiter.method.TrainingMethod;
import org.dl4jsnn.operator.SpikingSepOnet;
import org.dl4jsnn.surrogate.Surrogate;
import org.dl4jsnn.train.RfgComputationGraph;

/**
 * A spiking SepONet on an (x, t) grid (docs/design.md section 4) built by {@link SpikingSepOnet}: trained by
 * BP as a {@link ComputationGraph}, by RFG as an {@link RfgComputationGraph}.
 *
 * @param sensors     m, the branch net's input size
 * @param nx          output grid points in x (the data's)
 * @param nt          output grid points in t (the data's)
 * @param hiddenWidth width of the one hidden spiking layer of branch and trunks
 * @param rank        r, the number of branch and trunk outputs
 */
public record SepOnetCandidate(int sensors, int nx, int nt, int hiddenWidth, int rank, int timeSteps,
                               Surrogate surrogate, TrainingMethod method) implements SearchCandidate {

    public SepOnetCandidate {
        Objects.requireNonNull(surrogate, "surrogate");
        Objects.requireNonNull(method, "method");
        SpikingSepOnet.builder().sensors(sensors).grid(nx, nt).hidden(hiddenWidth).rank(rank).timeSteps(timeSteps);
    }

    public ComputationGraphConfiguration configuration(long networkSeed, int iterations) {
        return SpikingSepOnet.builder().sensors(sensors).grid(nx, nt).hidden(hiddenWidth).rank(rank)
                .timeSteps(timeSteps).surrogate(surrogate).updater(method.updater(iterations))
                .seed(SearchCandidate.requireNetworkSeed(networkSeed)).build();
    }

    @Override
    public ComputationGraph build(long networkSeed, long rfgSeed, int iterations) {
        return SearchCandidate.graph(configuration(networkSeed, iterations), method, rfgSeed);
    }

    @Override
    public Map<String, Object> networkSettings() {
        Map<String, Object> m = new LinkedHashMap<>();
        SearchCandidate.putSpiking(m, timeSteps, surrogate);
        m.put("hidden", hiddenWidth);
        m.put("r", rank);
        if (method.gradient().isForwardGradient()) {
            m.put("K", method.directions());
        }
        return m;
    }
}
