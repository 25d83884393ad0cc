package org.dl4jsnn.reproduce.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.dl4jsnn.reproduce.CorruptCheckpointException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCheckpointStoreTest {

    @TempDir
    Path dir;

    private final byte[] payload = "model + updater + rng @ iteration 1234".getBytes(StandardCharsets.UTF_8);

    @Test
    void savedPayloadLoadsBackAndIsReplacedAtomically() throws IOException {
        FileCheckpointStore store = new FileCheckpointStore(dir.resolve("checkpoints"));
        assertThat(store.load("run.a")).isEmpty();

        store.save("run.a", payload);
        assertThat(store.load("run.a")).hasValueSatisfying(b -> assertThat(b).isEqualTo(payload));
        store.save("run.a", new byte[0]);
        assertThat(store.load("run.a")).hasValueSatisfying(b -> assertThat(b).isEmpty());

        try (var files = Files.list(dir.resolve("checkpoints"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("run.a.ckpt");
        }
        store.delete("run.a");
        assertThat(store.load("run.a")).isEmpty();
        store.delete("run.a");
    }

    @Test
    void theFileHasTheDocumentedHeader() throws IOException {
        FileCheckpointStore store = new FileCheckpointStore(dir);
        store.save("k", payload);
        byte[] file = Files.readAllBytes(store.fileOf("k"));
        assertThat(file).hasSize(FileCheckpointStore.HEADER_BYTES + payload.length);
        assertThat(new String(file, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("SNCK");
        assertThat(ByteBuffer.wrap(file, 4, 12).getInt()).isEqualTo(1);
        assertThat(ByteBuffer.wrap(file, 8, 8).getLong()).isEqualTo(payload.length);
    }

    @Test
    void truncatedFilesAreCorruptAndNamed() throws IOException {
        FileCheckpointStore store = new FileCheckpointStore(dir);
        store.save("k", payload);
        Path file = store.fileOf("k");
        byte[] full = Files.readAllBytes(file);

        Files.write(file, Arrays.copyOf(full, full.length - 1));
        assertThatThrownBy(() -> store.load("k")).isInstanceOf(CorruptCheckpointException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("truncated");

        Files.write(file, Arrays.copyOf(full, 10));
        assertThatThrownBy(() -> store.load("k")).isInstanceOf(CorruptCheckpointException.class)
                .hasMessageContaining("truncated header");
        assertThat(((CorruptCheckpointException) catchThrowable(() -> store.load("k"))).file()).isEqualTo(file);
    }

    @Test
    void damagedBytesFailTheChecksum() throws IOException {
        FileCheckpointStore store = new FileCheckpointStore(dir);
        store.save("k", payload);
        Path file = store.fileOf("k");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 5] ^= 0x01;
        Files.write(file, bytes);
        assertThatThrownBy(() -> store.verify("k")).isInstanceOf(CorruptCheckpointException.class)
                .hasMessageContaining("SHA-256");
    }

    @Test
    void foreignFilesAndNewerVersionsAreRejected() throws IOException {
        FileCheckpointStore store = new FileCheckpointStore(dir);
        Files.write(store.fileOf("k"), new byte[100]);
        assertThatThrownBy(() -> store.load("k")).hasMessageContaining("bad magic");

        store.save("k", payload);
        byte[] bytes = Files.readAllBytes(store.fileOf("k"));
        bytes[7] = 9;
        Files.write(store.fileOf("k"), bytes);
        assertThatThrownBy(() -> store.load("k")).hasMessageContaining("version 9");
    }

    @Test
    void keysCannotEscapeTheFolder() {
        FileCheckpointStore store = new FileCheckpointStore(dir);
        for (String bad : new String[] {"../x", "a/b", "", ".hidden", "a..b", "a b"}) {
            assertThatThrownBy(() -> store.save(bad, payload)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
