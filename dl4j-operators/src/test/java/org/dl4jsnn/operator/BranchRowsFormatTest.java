package org.dl4jsnn.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Path;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.inputs.InvalidInputTypeException;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.dl4jsnn.estimator.RfgSettings;
import org.dl4jsnn.operator.conf.DeepOnetProduct;
import org.dl4jsnn.train.RfgComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/** The per-function DeepONet's configuration survives JSON and ModelSerializer; bad indices fail early. */
class BranchRowsFormatTest {

    private static final int FUNCTIONS = 3;
    private static final int PAIRS = 8;

    private static ComputationGraph net() {
        ComputationGraph g = new ComputationGraph(BranchRowsLayoutTest.builder(BranchRows.PER_FUNCTION).build());
        g.init();
        return g;
    }

    private static INDArray[] features(double... index) {
        Nd4j.getRandom().setSeed(2);
        return new INDArray[] {Nd4j.rand(DataType.DOUBLE, FUNCTIONS, 5).muli(4), Nd4j.rand(DataType.DOUBLE, index.length, 1),
                Nd4j.create(index, new long[] {index.length, 1}, 'c')};
    }

    private static final double[] GOOD = {0, 2, 1, 1, 0, 2, 2, 0};

    @Test
    void configurationSurvivesJsonWithItsInputsAndVertexOrder() {
        ComputationGraphConfiguration conf = BranchRowsLayoutTest.builder(BranchRows.PER_FUNCTION).build();
        ComputationGraphConfiguration back = ComputationGraphConfiguration.fromJson(conf.toJson());
        assertThat(back).isEqualTo(conf);
        assertThat(back.getNetworkInputs()).containsExactly("branch", "trunk", "function");
        assertThat(back.getTopologicalOrderStr()).isEqualTo(conf.getTopologicalOrderStr());
        assertThat(BranchRows.of(back)).isEqualTo(BranchRows.PER_FUNCTION);
        assertThat(BranchRows.of(BranchRowsLayoutTest.builder(BranchRows.PER_PAIR).build()))
                .isEqualTo(BranchRows.PER_PAIR);
        // a restored configuration lays its parameters out as the original
        ComputationGraph a = new ComputationGraph(conf);
        a.init();
        ComputationGraph b = new ComputationGraph(back);
        b.init();
        assertThat(b.params().dup().data().asDouble()).containsExactly(a.params().dup().data().asDouble());
    }

    @Test
    void networkSurvivesModelSerializerWithTheSameOutputs(@TempDir Path dir) throws Exception {
        ComputationGraph g = net();
        g.fit(new MultiDataSet(features(GOOD), labels(PAIRS, g.getNumOutputArrays())));
        File file = dir.resolve("deeponet.zip").toFile();
        ModelSerializer.writeModel(g, file, true);
        ComputationGraph back = ModelSerializer.restoreComputationGraph(file, true);
        assertThat(back.getConfiguration()).isEqualTo(g.getConfiguration());
        assertThat(back.params().dup().data().asDouble()).containsExactly(g.params().dup().data().asDouble());
        assertThat(back.output(false, features(GOOD))[0].data().asDouble())
                .containsExactly(g.output(false, features(GOOD))[0].data().asDouble());
    }

    private static INDArray[] labels(int rows, int outputs) {
        INDArray[] l = new INDArray[outputs];
        for (int o = 0; o < outputs; o++) {
            l[o] = Nd4j.rand(DataType.DOUBLE, rows, 1);
        }
        return l;
    }

    @Test
    void anIndexOutOfRangeOrNotAnIntegerFailsNamingTheRange() {
        ComputationGraph g = net();
        assertThatThrownBy(() -> g.output(false, features(0, 1, 3, 0)))
                .hasMessageContaining("function index").hasMessageContaining("row 2 is 3.0")
                .hasMessageContaining("[0, 2]");
        assertThatThrownBy(() -> g.output(false, features(0, -1)))
                .hasMessageContaining("function index").hasMessageContaining("row 1 is -1.0");
        assertThatThrownBy(() -> g.output(false, features(0, 1.5)))
                .hasMessageContaining("function index").hasMessageContaining("row 1 is 1.5")
                .hasMessageContaining("an integer");
        assertThatThrownBy(() -> g.output(false, features(0, Double.NaN)))
                .hasMessageContaining("function index").hasMessageContaining("NaN");
    }

    @Test
    void theForwardSweepRefusesABadIndexToo() {
        ComputationGraph g = new RfgComputationGraph(BranchRowsLayoutTest.builder(BranchRows.PER_FUNCTION).build(),
                RfgSettings.layerwise(3));
        g.init();
        double[] bad = GOOD.clone();
        bad[5] = FUNCTIONS;
        assertThatThrownBy(() -> g.fit(new MultiDataSet(features(bad), labels(PAIRS, g.getNumOutputArrays()))))
                .hasMessageContaining("function index").hasMessageContaining("row 5 is 3.0");
    }

    @Test
    void anIndexThatIsNotOneColumnPerPairFails() {
        ComputationGraph g = net();
        INDArray[] f = features(GOOD);
        f[2] = Nd4j.zeros(DataType.DOUBLE, PAIRS - 1, 1);
        assertThatThrownBy(() -> g.output(false, f)).hasMessageContaining("function index must be a column [pairs, 1]");
    }

    @Test
    void aProductWithTheWrongNumberOfInputsFailsAtBuild() {
        NeuralNetConfiguration.Builder nn = new NeuralNetConfiguration.Builder();
        assertThatThrownBy(() -> nn.graphBuilder().addInputs("a", "b", "c", "d")
                .addVertex("p", new DeepOnetProduct(), "a", "b", "c", "d")
                .addLayer("out", new DenseLayer.Builder().nOut(1).build(), "p").setOutputs("out")
                .setInputTypes(InputType.feedForward(2), InputType.feedForward(2), InputType.feedForward(1),
                        InputType.feedForward(1)).build())
                .isInstanceOf(InvalidInputTypeException.class).hasMessageContaining("takes 2 inputs")
                .hasMessageContaining("got 4");
        assertThatThrownBy(() -> nn.graphBuilder().addInputs("a", "b", "c")
                .addVertex("p", new DeepOnetProduct(), "a", "b", "c")
                .addLayer("out", new DenseLayer.Builder().nOut(1).build(), "p").setOutputs("out")
                .setInputTypes(InputType.feedForward(2), InputType.feedForward(2), InputType.feedForward(2)).build())
                .isInstanceOf(InvalidInputTypeException.class).hasMessageContaining("function index (input 2)");
    }
}
