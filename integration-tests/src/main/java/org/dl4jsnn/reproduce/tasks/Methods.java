package org.dl4jsnn.reproduce.tasks;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsnn.estimator.Perturbation;
import org.dl4jsnn.estimator.RfgSettings;
import org.dl4jsnn.init.InitScheme;
import org.dl4jsnn.operator.OperatorBiases;
import org.dl4jsnn.reproduce.GradientKind;
import org.dl4jsnn.reproduce.MethodSpec;
import org.dl4jsnn.reproduce.RunSettings;
import org.dl4jsnn.reproduce.SurrogateKind;
import org.dl4jsnn.reproduce.choice.LrSchedule;
import org.dl4jsnn.reproduce.choice.TrainingChoices;
import org.dl4jsnn.surrogate.CounterNoise;
import org.dl4jsnn.surrogate.Surrogate;
import org.dl4jsnn.train.RfgComputationGraph;
import org.nd4j.linalg.learning.config.IUpdater;

/** Turns a method label's parts into the library's settings. */
final class Methods {

    /** WSG's sample count N (docs/design.md section 2). */
    static final int STEIN_SAMPLES = 16;

    private Methods() {
    }

    /**
     * The DL4J network seed of a run. DL4J M2.1's native generator treats seed 0 as "unseeded" (the
     * initial weights then differ run to run), and runs are numbered from 0, so the run seed is mixed
     * into a seed that is never 0 in practice.
     */
    static long networkSeed(long runSeed) {
        long s = CounterNoise.derive(runSeed, 0x5EEDL);
        return s == 0 ? 1 : s;
    }

    /** The settings key of the learning-rate schedule; its value is shown in the report as is. */
    static final String SCHEDULE = TrainingChoices.SCHEDULE;

    /**
     * Adam at the settings' learning rate with the schedule the settings name (constant when they name
     * none). A decaying rate matters at paper scale: the noise floor of a constant rate, not the
     * network, limits the last digits.
     */
    static IUpdater updater(RunSettings settings) {
        return TrainingChoices.of(settings).schedule().adam(settings.lr(), settings.iterations());
    }

    /** The same settings with step decay of the learning rate. */
    static Map<String, String> withStepDecay(Map<String, String> extra) {
        Map<String, String> m = new TreeMap<>(extra);
        m.put(SCHEDULE, LrSchedule.STEP.label());
        return m;
    }

    static Surrogate surrogate(MethodSpec method, double width) {
        return method.surrogate() == SurrogateKind.SG ? Surrogate.gaussian(width)
                : Surrogate.stein(width, STEIN_SAMPLES);
    }

    static RfgSettings rfg(MethodSpec method, long seed) {
        return rfg(method, seed, TrainingChoices.LEGACY, List.of());
    }

    /**
     * @param outputLayers the task's output layers, whose biases the {@code output-bias} grouping sets
     *     apart
     */
    static RfgSettings rfg(MethodSpec method, long seed, TrainingChoices choices, List<String> outputLayers) {
        Perturbation p = switch (method.gradient()) {
            case RFG_G -> Perturbation.GLOBAL;
            case RFG_A -> Perturbation.ACTIVITY;
            case RFG_LG -> Perturbation.LOCAL_GUIDED;
            default -> Perturbation.LAYERWISE;
        };
        RfgSettings settings = new RfgSettings(p, method.directions(), choices.directions(), seed,
                choices.groups().grouping(outputLayers));
        // the choice applies to the run's RFG-A methods; its other methods perturb weights
        return p == Perturbation.ACTIVITY ? settings.withActivityLayers(choices.activity()) : settings;
    }

    /**
     * A fresh, initialised network for the method: fan-in-uniform biases drawn when the choices say so,
     * wrapped for forward gradients with the choices' groups and directions.
     */
    static ComputationGraph create(ComputationGraphConfiguration conf, MethodSpec method, long seed,
                                   TrainingChoices choices, List<String> outputLayers) {
        ComputationGraph net = method.gradient() == GradientKind.BP ? new ComputationGraph(conf)
                : new RfgComputationGraph(conf, rfg(method, seed, choices, outputLayers));
        net.init();
        if (choices.init() == InitScheme.FAN_IN_UNIFORM) {
            OperatorBiases.drawFanInUniform(net);
        }
        return net;
    }

    static ComputationGraph wrap(ComputationGraph restored, MethodSpec method, long seed, TrainingChoices choices,
                                 List<String> outputLayers) {
        return method.gradient() == GradientKind.BP ? restored
                : RfgComputationGraph.wrap(restored, rfg(method, seed, choices, outputLayers));
    }

    /** BP trains a plain graph; RFG the forward-gradient graph with the same configuration. */
    static ComputationGraph create(ComputationGraphConfiguration conf, MethodSpec method, long seed) {
        return method.gradient() == GradientKind.BP ? new ComputationGraph(conf)
                : new RfgComputationGraph(conf, rfg(method, seed));
    }

    static ComputationGraph wrap(ComputationGraph restored, MethodSpec method, long seed) {
        return method.gradient() == GradientKind.BP ? restored : RfgComputationGraph.wrap(restored, rfg(method, seed));
    }
}
