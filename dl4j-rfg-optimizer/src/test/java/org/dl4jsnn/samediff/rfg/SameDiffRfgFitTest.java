package org.dl4jsnn.samediff.rfg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.dl4jsnn.estimator.RfgSettings;
import org.dl4jsnn.neuron.IntegrateAndFireNeuron;
import org.dl4jsnn.neuron.ResetMode;
import org.dl4jsnn.samediff.model.SpikingMlpGraph;
import org.dl4jsnn.samediff.model.SpikingMlpSpec;
import org.dl4jsnn.samediff.spike.SpikeOps;
import org.dl4jsnn.samediff.testing.DenseMlp;
import org.dl4jsnn.surrogate.Surrogate;
import org.dl4jsnn.testing.MexicanHatData;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/** The fit-like entry: DataSetIterator epochs, listeners, and resuming from a saved state. */
class SameDiffRfgFitTest {

    /** A 2-6-1 WSG spiking MLP, T = 4: the noise, too, must continue exactly after a restore. */
    private static SpikingMlpGraph graph() {
        return SpikingMlpGraph.build(SpikingMlpSpec.builder(2, 1, 6).timeSteps(4).dataType(DataType.DOUBLE)
                .neuron(new IntegrateAndFireNeuron(1.0, 1.0, ResetMode.SUBTRACT, false, Surrogate.stein(0.5, 4), false))
                .seed(61).build());
    }

    private static SameDiffRfgTrainer trainer(SpikingMlpGraph net, SameDiffRfgListener... listeners) {
        return SameDiffRfgTrainer.builder(net.sameDiff(), net.loss()).parameterGroups(net.layerParameters())
                .spikes(net.spikes()).rfg(RfgSettings.layerwise(62)).networkSeed(63).updater(new Adam(0.02))
                .dataSetMapping(List.of(net.input()), List.of(net.target())).listeners(listeners).build();
    }

    private static ListDataSetIterator<DataSet> batches() {
        return new ListDataSetIterator<>(MexicanHatData.train(40, 64, DataType.DOUBLE).asList(), 10);
    }

    private static double[] params(SpikingMlpGraph net) {
        List<Double> all = new ArrayList<>();
        for (String p : net.parameters()) {
            for (double v : net.sameDiff().getArrForVarName(p).dup().data().asDouble()) {
                all.add(v);
            }
        }
        return all.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void fitRunsEveryMinibatchOfEveryEpochAndTellsTheListeners() {
        SpikingMlpGraph net = graph();
        List<String> events = new ArrayList<>();
        SameDiffRfgListener listener = new SameDiffRfgListener() {
            @Override
            public void iterationDone(SameDiffRfgTrainer t, GradientEstimate e, int epoch) {
                events.add("it" + e.iteration() + "@" + epoch);
            }

            @Override
            public void epochDone(SameDiffRfgTrainer t, int epoch) {
                events.add("epoch" + epoch);
            }
        };
        SameDiffRfgTrainer trainer = trainer(net, listener);
        double[] before = params(net);
        trainer.fit(batches(), 2);
        assertThat(events).containsExactly("it0@0", "it1@0", "it2@0", "it3@0", "epoch0",
                "it4@1", "it5@1", "it6@1", "it7@1", "epoch1");
        assertThat(trainer.iteration()).isEqualTo(8);
        assertThat(trainer.epoch()).isEqualTo(2);
        assertThat(params(net)).isNotEqualTo(before);
        assertThatThrownBy(() -> trainer.fit(batches(), 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("epochs");
    }

    /**
     * A graph the user builds, with one spike op where they want it (the README's example): fit trains it
     * by layer-wise RFG and the training loss falls.
     */
    @Test
    void aUserBuiltGraphWithASpikeOpTrainsThroughFit() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, 2);
        SDVariable y = sd.placeHolder("y", DataType.FLOAT, -1, 1);
        SplittableRandom init = new SplittableRandom(70);
        SDVariable w1 = sd.var("w1", DenseMlp.gaussian(init, DataType.FLOAT, 0.6, 2, 32));
        SDVariable b1 = sd.var("b1", DenseMlp.gaussian(init, DataType.FLOAT, 1.0, 32).addi(1.0));
        SDVariable w2 = sd.var("w2", Nd4j.zeros(DataType.FLOAT, 32, 1));
        SDVariable b2 = sd.var("b2", Nd4j.zeros(DataType.FLOAT, 1));
        SpikeOps spikes = new SpikeOps(sd);
        SDVariable h = spikes.spike("h", x.mmul(w1).add(b1).sub(1.0), 0.5);   // binary features, SG surrogate
        SDVariable out = h.mmul(w2).add(b2);
        sd.math().square(out.sub(y)).mean("loss");

        List<Double> losses = new ArrayList<>();
        SameDiffRfgTrainer trainer = SameDiffRfgTrainer.builder(sd, "loss")
                .parameterGroups(List.of(List.of("w1", "b1"), List.of("w2", "b2")))
                .rfg(RfgSettings.layerwise(7)).updater(new Adam(1e-2)).spikes(spikes.sites())
                .dataSetMapping(List.of("x"), List.of("y"))
                .listeners(new SameDiffRfgListener() {
                    @Override
                    public void iterationDone(SameDiffRfgTrainer t, GradientEstimate e, int epoch) {
                        losses.add(e.loss());
                    }
                })
                .build();
        ListDataSetIterator<DataSet> data = new ListDataSetIterator<>(
                MexicanHatData.train(400, 71, DataType.FLOAT).asList(), 100);
        trainer.fit(data, 40);
        double first = losses.subList(0, 4).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double last = losses.subList(156, 160).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        System.out.printf("user-built spiking graph, RFG-L through fit: epoch loss %.4f -> %.4f%n", first, last);
        assertThat(losses).hasSize(160);
        assertThat(last).isLessThan(0.7 * first);
    }

    /** Interrupted after 3 iterations, saved, restored into a fresh graph: the same weights as 6 straight. */
    @Test
    void restoredTrainingContinuesExactlyAsAnUninterruptedRun() throws Exception {
        List<DataSet> data = MexicanHatData.train(60, 65, DataType.DOUBLE).asList();
        List<Map<String, INDArray>> feeds = new ArrayList<>();
        SpikingMlpGraph straight = graph();
        for (int i = 0; i < 6; i++) {
            DataSet batch = DataSet.merge(data.subList(10 * i, 10 * i + 10));
            feeds.add(straight.placeholders(batch.getFeatures(), batch.getLabels()));
        }
        SameDiffRfgTrainer uninterrupted = trainer(straight);
        feeds.forEach(uninterrupted::step);

        SpikingMlpGraph first = graph();
        SameDiffRfgTrainer interrupted = trainer(first);
        feeds.subList(0, 3).forEach(interrupted::step);
        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        interrupted.state().write(saved);

        SpikingMlpGraph second = graph();
        SameDiffRfgTrainer resumed = trainer(second);
        resumed.restore(TrainerState.read(new ByteArrayInputStream(saved.toByteArray())));
        assertThat(resumed.iteration()).isEqualTo(3);
        feeds.subList(3, 6).forEach(resumed::step);
        assertThat(params(second)).containsExactly(params(straight));

        SpikingMlpGraph third = graph();
        SameDiffRfgTrainer freshAdam = trainer(third);
        TrainerState withoutMoments = new TrainerState(3, 0, interrupted.state().parameters(), Map.of());
        assertThatThrownBy(() -> freshAdam.restore(withoutMoments)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("updater state");
    }
}
