package org.dl4jsnn.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.dl4jsnn.neuron.ResetMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A netx file read back with jhdf holds what was written, in the layout netx reads. */
class NetxRoundTripTest {

    @TempDir
    Path dir;

    private LoihiNetwork network() {
        SpikingMlp mlp = TestModels.mlp(7, ResetMode.ZERO, 12, 2, 6, 5, 1);
        return Quantizer.quantize(mlp, TestModels.inputs(1, 20, 2, 3)).network();
    }

    @Test
    void readBackEqualsWritten() {
        LoihiNetwork net = network();
        Path file = dir.resolve("m.net");
        NetxWriter.write(net, file);
        LoihiNetwork back = NetxReader.read(file);
        assertThat(back.timeSteps()).isEqualTo(12);
        assertThat(back.modelReset()).isEqualTo(ResetMode.ZERO);
        assertThat(back.encoder().scale()).isEqualTo(net.encoder().scale());
        assertThat(back.encoder().neuron()).isEqualTo(net.encoder().neuron());
        assertThat(back.encoder().current().weight()).isDeepEqualTo(net.encoder().current().weight());
        assertThat(back.encoder().current().bias()).containsExactly(net.encoder().current().bias());
        assertThat(back.layers()).hasSize(1);
        assertThat(back.layers().get(0).sameAs(net.layers().get(0))).isTrue();
        assertThat(back.readout().sameAs(net.readout())).isTrue();
        assertThat(back.readoutOffset()).containsExactly(net.readoutOffset());
    }

    @Test
    void layoutMatchesNetxFieldByField() throws IOException {
        LoihiNetwork net = network();
        Path file = dir.resolve("m.net");
        NetxWriter.write(net, file);
        try (HdfFile f = new HdfFile(file)) {
            assertThat(f.getChild("layer").isGroup()).isTrue();
            assertThat(((io.jhdf.api.Group) f.getChild("layer")).getChildren().keySet())
                    .containsExactlyInAnyOrder("0", "1", "2", "3");
            Dataset type0 = f.getDatasetByPath("layer/0/type");
            assertThat(type0.getDimensions()).containsExactly(1);
            assertThat((String[]) type0.getData()).containsExactly("input");
            assertThat((long[]) f.getDatasetByPath("layer/0/shape").getData()).containsExactly(6, 1, 1);
            assertThat((String[]) f.getDatasetByPath("layer/1/type").getData()).containsExactly("flatten");
            assertThat((long[]) f.getDatasetByPath("layer/1/shape").getData()).containsExactly(6);
            assertThat((String[]) f.getDatasetByPath("layer/2/type").getData()).containsExactly("dense");
            Dataset w = f.getDatasetByPath("layer/2/weight");
            assertThat(w.getJavaType()).isEqualTo(float.class);
            assertThat(w.getDimensions()).containsExactly(5, 6); // [out, in]
            float[][] wv = (float[][]) w.getData();
            assertThat(wv[2][3]).isEqualTo((float) net.layers().get(0).weight()[2][3]);
            assertThat(f.getDatasetByPath("layer/2/bias").getDimensions()).containsExactly(5);
            for (String scalar : new String[] {"inFeatures", "outFeatures"}) {
                Dataset d = f.getDatasetByPath("layer/2/" + scalar);
                assertThat(d.isScalar()).isTrue();
                assertThat(d.getJavaType()).isEqualTo(Long.class);
            }
            assertThat(f.getDatasetByPath("layer/2/inFeatures").getData()).isEqualTo(6L);
            assertThat((long[]) f.getDatasetByPath("layer/2/shape").getData()).containsExactly(5);
            for (String field : new String[] {"iDecay", "vDecay", "vThMant", "refDelay"}) {
                Dataset d = f.getDatasetByPath("layer/2/neuron/" + field);
                assertThat(d.isScalar()).as(field).isTrue();
                assertThat(d.getJavaType()).as(field).isEqualTo(Long.class);
            }
            assertThat(f.getDatasetByPath("layer/2/neuron/type").getData()).isEqualTo("CUBA");
            assertThat(f.getDatasetByPath("layer/2/neuron/iDecay").getData()).isEqualTo(4096L);
            assertThat(f.getDatasetByPath("layer/2/neuron/vDecay").getData()).isEqualTo(0L);
            assertThat(f.getDatasetByPath("layer/3/neuron/vThMant").getData()).isEqualTo(131_071L);
            assertThat(f.getDatasetByPath("layer/2/neuron/gradedSpike").getData()).isEqualTo(false);
            assertThat(((io.jhdf.api.Group) f.getChild("layer")).getChild("3") instanceof io.jhdf.api.Group g
                    && !g.getChildren().containsKey("bias")).isTrue();
            assertThat(f.getDatasetByPath("simulation/tSample").getData()).isEqualTo((long) net.runSteps());
        }
    }

    @Test
    void aMissingFieldIsNamedWithItsLayer() {
        Path file = dir.resolve("broken.net");
        LoihiNetwork net = network();
        NetxWriter.write(net, file);
        // rewrite the same file without layer 2's vThMant
        Path broken = dir.resolve("missing.net");
        try (HdfFile src = new HdfFile(file); WritableHdfFile f = HdfFile.write(broken)) {
            copy(src, f, "");
        }
        assertThatThrownBy(() -> NetxReader.read(broken))
                .isInstanceOf(NetxFormatException.class)
                .hasMessage("layer 2/neuron: field 'vThMant' is missing");
    }

    /** Copies every dataset except layer/2/neuron/vThMant. */
    private static void copy(io.jhdf.api.Group from, WritableGroup to, String path) {
        for (var e : from.getChildren().entrySet()) {
            String p = path + "/" + e.getKey();
            if (p.equals("/layer/2/neuron/vThMant")) {
                continue;
            }
            if (e.getValue() instanceof io.jhdf.api.Group g) {
                copy(g, to.putGroup(e.getKey()), p);
            } else {
                to.putDataset(e.getKey(), ((Dataset) e.getValue()).getData());
            }
        }
    }

    @Test
    void aTruncatedFileFailsClearly() throws IOException {
        Path file = dir.resolve("m.net");
        NetxWriter.write(network(), file);
        byte[] all = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.net");
        Files.write(cut, Arrays.copyOf(all, all.length / 3));
        assertThatThrownBy(() -> NetxReader.read(cut)).isInstanceOf(NetxFormatException.class)
                .hasMessageContaining("cut.net");
        Path garbage = dir.resolve("garbage.net");
        Files.writeString(garbage, "not an HDF5 file at all");
        assertThatThrownBy(() -> NetxReader.read(garbage)).isInstanceOf(NetxFormatException.class)
                .hasMessageContaining("garbage.net");
    }
}
