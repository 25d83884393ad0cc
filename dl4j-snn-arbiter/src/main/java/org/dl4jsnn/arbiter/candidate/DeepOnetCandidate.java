package org.dl4jsnn.arbiter.candidate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsnn.arbiter.method.TrainingMethod;
import org.dl4jsnn.operator.BranchRows;
import org.dl4jsnn.operator.SpikingDeepOnet;
import org.dl4jsnn.surrogate.Surrogate;
import org.dl4jsnn.train.RfgComputationGraph;

/**
 * A spiking DeepONet (docs/design.md section 4) built by {@link SpikingDeepOnet}: trained by BP as a
 * {@link ComputationGraph}, by RFG as an {@link RfgComputationGraph}.
 *
 * @param sensors     m, the branch net's input size (the data's sensor count)
 * @param hiddenWidth width of the one hidden spiking layer of branch and trunk
 * @param latent      p, the number of branch and trunk outputs
 */
public record DeepOnetCandidate(int sensors, int hiddenWidth, int latent, int timeSteps, Surrogate surrogate,
                                double threshold, TrainingMethod method) implements SearchCandidate {

    /**
     * The branch runs once per distinct function of a minibatch (the same network and gradients as one row
     * per pair); {@code PoissonSearchData} feeds minibatches in this layout.
     */
    public static final BranchRows BRANCH_ROWS = BranchRows.PER_FUNCTION;

    public DeepOnetCandidate {
        Objects.requireNonNull(surrogate, "surrogate");
        Objects.requireNonNull(method, "method");
        // the builder checks every range and names the setting
        SpikingDeepOnet.builder().sensors(sensors).hidden(hiddenWidth).latent(latent).timeSteps(timeSteps)
                .threshold(threshold);
    }

    public ComputationGraphConfiguration configuration(long networkSeed, int iterations) {
        return SpikingDeepOnet.builder().sensors(sensors).hidden(hiddenWidth).latent(latent).timeSteps(timeSteps)
                .surrogate(surrogate).threshold(threshold).updater(method.updater(iterations))
                .seed(SearchCandidate.requireNetworkSeed(networkSeed)).branchRows(BRANCH_ROWS).build();
    }

    @Override
    public ComputationGraph build(long networkSeed, long rfgSeed, int iterations) {
        return SearchCandidate.graph(configuration(networkSeed, iterations), method, rfgSeed);
    }

    @Override
    public Map<String, Object> networkSettings() {
        Map<String, Object> m = new LinkedHashMap<>();
        SearchCandidate.putSpiking(m, timeSteps, surrogate);
        m.put("threshold", threshold);
        m.put("hidden", hiddenWidth);
        m.put("p", latent);
        if (method.gradient().isForwardGradient()) {
            m.put("K", method.directions());
        }
        return m;
    }
}
