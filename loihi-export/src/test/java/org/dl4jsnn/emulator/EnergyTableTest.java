package org.dl4jsnn.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dl4jsnn.export.CubaParams;
import org.dl4jsnn.export.DenseParams;
import org.dl4jsnn.export.InputEncoder;
import org.dl4jsnn.export.LoihiNetwork;
import org.dl4jsnn.export.QuantizedLayer;
import org.dl4jsnn.neuron.ResetMode;
import org.junit.jupiter.api.Test;

class EnergyTableTest {

    @Test
    void synapticOpsAreSpikesTimesFanOut() {
        // encoder: 2 neurons, currents 3 and 0 with vth 2 -> only the first spikes, every step of T = 4
        InputEncoder enc = new InputEncoder(new DenseParams("in", new double[][] {{1}, {0}}, new double[] {0, 0}),
                1.0, CubaParams.integrateAndFire(2));
        // hidden: 3 neurons, each fed w = 2 from neuron 0 (vth 1): 3 x 4 spikes; fan-out of the encoder layer = 3
        QuantizedLayer hidden = new QuantizedLayer("h", new int[][] {{2, 0}, {2, 0}, {2, 0}}, new int[3],
                CubaParams.integrateAndFire(1), 1.0);
        QuantizedLayer out = new QuantizedLayer("u", new int[][] {{2, 2, 2}, {0, 0, 0}}, new int[2],
                CubaParams.readout(), 1.0);
        LoihiNetwork net = new LoihiNetwork(enc, List.of(hidden), out, new double[2], 4, ResetMode.ZERO);
        EnergyTable table = new EnergyTable(net);
        LoihiEmulator em = new LoihiEmulator(net);
        table.add(em.run(new double[] {3}));
        table.add(em.run(new double[] {3}));
        List<EnergyTable.Row> rows = table.rows();
        assertThat(rows.get(0).spikes()).isEqualTo(4);
        assertThat(rows.get(0).synapticOps()).isEqualTo(12); // 4 spikes x 3 targets
        assertThat(rows.get(1).spikes()).isEqualTo(12);
        assertThat(rows.get(1).synapticOps()).isEqualTo(24); // 12 spikes x 2 readout neurons
        assertThat(table.synapticOpsPerInference()).isEqualTo(36);
        assertThat(rows).extracting(EnergyTable.Row::cores).containsExactly(1, 1, 1);
        assertThat(table.toMarkdown()).contains("| total | 7 | | 16.0 | 36.0 | 3 |", "3 of 128 neurocores");
    }
}
