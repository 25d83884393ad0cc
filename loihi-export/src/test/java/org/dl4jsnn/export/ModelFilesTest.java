package org.dl4jsnn.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesTest {

    @TempDir
    Path dir;

    @Test
    void readsInputsAndOptionalTargetsSkippingHeaderAndComments() throws Exception {
        Path csv = dir.resolve("in.csv");
        Files.write(csv, List.of("x,y,f", "# a comment", "1, 2, 3", "", "-1,0.5,7"));
        ModelFiles.InputTable t = ModelFiles.readInputs(csv, 2);
        assertThat(t.inputs()).isDeepEqualTo(new double[][] {{1, 2}, {-1, 0.5}});
        assertThat(t.targets()).containsExactly(3, 7);
        Files.write(csv, List.of("1,2", "3,4"));
        assertThat(ModelFiles.readInputs(csv, 2).hasTargets()).isFalse();
    }

    @Test
    void badRowsAreNamedByLine() throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.write(csv, List.of("1,2", "3,x"));
        assertThatThrownBy(() -> ModelFiles.readInputs(csv, 2)).hasMessageContaining("bad.csv line 2");
        Files.write(csv, List.of("1,2,3,4"));
        assertThatThrownBy(() -> ModelFiles.readInputs(csv, 2)).hasMessageContaining("4 columns")
                .hasMessageContaining("2 inputs");
        Files.write(csv, List.of("1,2", "1,2,3"));
        assertThatThrownBy(() -> ModelFiles.readInputs(csv, 2)).hasMessageContaining("line 2");
    }

    @Test
    void aMissingOrForeignModelFileIsNamed() throws Exception {
        assertThatThrownBy(() -> ModelFiles.loadGraph(dir.resolve("none.zip"))).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("none.zip");
        Path junk = dir.resolve("junk.zip");
        Files.writeString(junk, "not a zip");
        assertThatThrownBy(() -> ModelFiles.loadGraph(junk)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("junk.zip");
    }
}
