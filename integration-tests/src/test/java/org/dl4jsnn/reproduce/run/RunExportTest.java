package org.dl4jsnn.reproduce.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsnn.operator.SpikingDeepOnet;
import org.dl4jsnn.reproduce.CheckpointStore;
import org.dl4jsnn.reproduce.store.OutputFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunExportTest {

    @TempDir
    Path dir;

    @Test
    void aFinishedRunIsExportedAndCheckpointsStillReachTheStore() {
        Map<String, byte[]> saved = new HashMap<>();
        CheckpointStore inner = new CheckpointStore() {
            @Override
            public void save(String runKey, byte[] payload) {
                saved.put(runKey, payload);
            }

            @Override
            public Optional<byte[]> load(String runKey) {
                return Optional.ofNullable(saved.get(runKey));
            }

            @Override
            public void delete(String runKey) {
                saved.remove(runKey);
            }
        };
        OutputFolder out = new OutputFolder(dir);
        CheckpointStore store = new RunExport(RunExport.INPUT_BOUND).capturing(inner, out);
        store.save("k", new byte[] {1});
        assertThat(store.load("k")).isPresent();
        ComputationGraph net = new ComputationGraph(SpikingDeepOnet.builder().sensors(4).hidden(3).latent(2)
                .timeSteps(4).build());
        net.init();
        store.finished("poisson.SG-BP.seed0", net);
        Path folder = RunExport.folder(out, "poisson.SG-BP.seed0");
        assertThat(folder.resolve("model.zip")).isRegularFile();
        assertThat(folder.resolve("branch_out.net")).isRegularFile();
        assertThat(folder.resolve("trunk_out.nir")).isRegularFile();
        assertThat(folder.resolve("manifest.json")).isRegularFile();
        store.delete("k");
        assertThat(saved).isEmpty();
    }
}
