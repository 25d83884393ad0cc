package org.dl4jsnn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatasetCacheTest {

    private static final String KIND = "test-kind-v1";

    @TempDir
    Path dir;

    private static ArrayBundle bundle(double scale) {
        double[] a = new double[12];
        for (int i = 0; i < a.length; i++) {
            a[i] = scale * (i - 3.5);
        }
        return ArrayBundle.builder().put("a", a, 3, 4).put("b", new double[] {scale, -0.0, Double.MIN_VALUE}, 3).build();
    }

    /** A generator that counts its calls, to observe whether the cache regenerated. */
    private static final class CountingGenerator implements Supplier<ArrayBundle> {
        final AtomicInteger calls = new AtomicInteger();
        final double scale;

        CountingGenerator(double scale) {
            this.scale = scale;
        }

        @Override
        public ArrayBundle get() {
            calls.incrementAndGet();
            return bundle(scale);
        }
    }

    @Test
    void sameParametersLoadIdenticalDataWithoutRegenerating() {
        CountingGenerator gen = new CountingGenerator(1.5);
        DatasetCache cache = new DatasetCache(dir);
        ArrayBundle first = cache.getOrCreate(KIND, "p=1", gen);
        ArrayBundle second = cache.getOrCreate(KIND, "p=1", gen);
        // A fresh cache object on the same directory (a new run) also hits.
        ArrayBundle third = new DatasetCache(dir).getOrCreate(KIND, "p=1", gen);
        assertThat(gen.calls).hasValue(1);
        assertThat(second).isEqualTo(first).isEqualTo(bundle(1.5));
        assertThat(third).isEqualTo(first);
        assertThat(cache.fileFor(KIND, "p=1")).exists();
    }

    @Test
    void changedParameterOrKindGivesNewFile() throws IOException {
        DatasetCache cache = new DatasetCache(dir);
        CountingGenerator a = new CountingGenerator(1);
        CountingGenerator b = new CountingGenerator(2);
        cache.getOrCreate(KIND, "p=1", a);
        ArrayBundle other = cache.getOrCreate(KIND, "p=2", b);
        assertThat(b.calls).hasValue(1);
        assertThat(other).isEqualTo(bundle(2));
        assertThat(cache.fileFor(KIND, "p=1")).isNotEqualTo(cache.fileFor(KIND, "p=2"));
        assertThat(cache.fileFor(KIND, "p=1")).isNotEqualTo(cache.fileFor("test-kind-v2", "p=1"));
        // The first data set is still there and still valid.
        assertThat(cache.getOrCreate(KIND, "p=1", a)).isEqualTo(bundle(1));
        assertThat(a.calls).hasValue(1);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("two data files, no temporary files left behind")
                    .hasSize(2).allMatch(name -> name.startsWith(KIND + "-") && name.endsWith(".bin"));
        }
    }

    /** Positions: magic, version, kind string, parameter string, array data, checksum (negative = from the end). */
    @ParameterizedTest
    @ValueSource(ints = {0, 9, 14, 30, -40, -1})
    void flippedByteIsDetectedAndRegenerated(int position) throws IOException {
        DatasetCache cache = new DatasetCache(dir);
        CountingGenerator gen = new CountingGenerator(3);
        cache.getOrCreate(KIND, "p=1", gen);
        Path file = cache.fileFor(KIND, "p=1");
        byte[] bytes = Files.readAllBytes(file);
        int at = position >= 0 ? position : bytes.length + position;
        bytes[at] ^= 0x10;
        Files.write(file, bytes);

        assertThat(cache.getOrCreate(KIND, "p=1", gen)).isEqualTo(bundle(3));
        assertThat(gen.calls).as("regenerated after corruption at byte %d", at).hasValue(2);
        // The regenerated file replaced the corrupt one.
        assertThat(cache.getOrCreate(KIND, "p=1", gen)).isEqualTo(bundle(3));
        assertThat(gen.calls).hasValue(2);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5, 20, 60})
    void truncatedFileIsDetectedAndRegenerated(int keepPercent) throws IOException {
        DatasetCache cache = new DatasetCache(dir);
        CountingGenerator gen = new CountingGenerator(4);
        cache.getOrCreate(KIND, "p=1", gen);
        Path file = cache.fileFor(KIND, "p=1");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length * keepPercent / 100));

        assertThat(cache.getOrCreate(KIND, "p=1", gen)).isEqualTo(bundle(4));
        assertThat(gen.calls).hasValue(2);
    }

    @Test
    void fileWrittenForOtherParametersIsNotUsed() throws IOException {
        // Simulates a hash collision or a renamed file: the stored parameter string must match.
        DatasetCache cache = new DatasetCache(dir);
        CountingGenerator gen = new CountingGenerator(5);
        cache.getOrCreate(KIND, "p=1", gen);
        Files.copy(cache.fileFor(KIND, "p=1"), cache.fileFor(KIND, "p=9"));
        CountingGenerator other = new CountingGenerator(9);
        assertThat(cache.getOrCreate(KIND, "p=9", other)).isEqualTo(bundle(9));
        assertThat(other.calls).hasValue(1);
    }

    @Test
    void formatRoundTripsAndReportsWhatIsWrong() {
        byte[] encoded = CacheFileFormat.encode(KIND, "p=1", bundle(7));
        assertThat(encoded).startsWith(CacheFileFormat.MAGIC);
        assertThatThrownBy(() -> CacheFileFormat.decode(encoded, KIND, "p=2"))
                .isInstanceOf(CorruptCacheFileException.class).hasMessageContaining("parameters");
        assertThatThrownBy(() -> CacheFileFormat.decode(encoded, "other-v1", "p=1"))
                .isInstanceOf(CorruptCacheFileException.class).hasMessageContaining("kind");
        byte[] versioned = encoded.clone();
        versioned[11] = 2;
        assertThatThrownBy(() -> CacheFileFormat.decode(versioned, KIND, "p=1"))
                .isInstanceOf(CorruptCacheFileException.class).hasMessageContaining("format version 2");
        byte[] flipped = encoded.clone();
        flipped[encoded.length / 2] ^= 1;
        assertThatThrownBy(() -> CacheFileFormat.decode(flipped, KIND, "p=1"))
                .isInstanceOf(CorruptCacheFileException.class).hasMessageContaining("checksum");
    }

    /** Data edited to hold a NaN (checksum made to match) is refused naming array and index, and regenerated. */
    @Test
    void nonFiniteValueIsRefusedNamingWhereAndRegenerated() throws IOException {
        double[] a = bundle(1.5).data("a");
        a[5] = Double.NaN;
        ArrayBundle poisoned = ArrayBundle.builder().put("a", a, 3, 4).put("b", bundle(1.5).data("b"), 3).build();
        byte[] encoded = CacheFileFormat.encode(KIND, "p=1", poisoned);
        assertThatThrownBy(() -> CacheFileFormat.decode(encoded, KIND, "p=1"))
                .isInstanceOf(CorruptCacheFileException.class).hasMessageContaining("array 'a'")
                .hasMessageContaining("NaN at index 5");
        DatasetCache cache = new DatasetCache(dir);
        Files.write(cache.fileFor(KIND, "p=1"), encoded);
        CountingGenerator gen = new CountingGenerator(1.5);
        assertThat(cache.getOrCreate(KIND, "p=1", gen)).isEqualTo(bundle(1.5));
        assertThat(gen.calls).hasValue(1);
    }

    /** Cache files get the permissions the user's umask gives any new file, not a private 0600. */
    @Test
    void cacheFilesFollowTheUmask() throws IOException {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        DatasetCache cache = new DatasetCache(dir);
        cache.getOrCreate(KIND, "p=1", new CountingGenerator(1));
        Path plain = Files.createFile(dir.resolve("plain"));
        assertThat(Files.getPosixFilePermissions(cache.fileFor(KIND, "p=1")))
                .isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void roundTripPreservesEveryBitOfTheData() throws CorruptCacheFileException {
        ArrayBundle b = ArrayBundle.builder()
                .put("special", new double[] {Double.MAX_VALUE, -Double.MIN_VALUE, -0.0, Math.PI}, 2, 2)
                .put("scalar", new double[] {1}).put("empty", new double[0], 0, 3).build();
        ArrayBundle back = CacheFileFormat.decode(CacheFileFormat.encode(KIND, "x", b), KIND, "x");
        assertThat(back).isEqualTo(b);
        assertThat(back.names()).containsExactly("special", "scalar", "empty");
        assertThat(back.shape("empty")).containsExactly(0, 3);
        assertThat(Double.doubleToRawLongBits(back.data("special")[2])).isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void unwritableDirectoryStillReturnsData() throws IOException {
        Path blocker = dir.resolve("not-a-directory");
        Files.writeString(blocker, "x");
        CountingGenerator gen = new CountingGenerator(6);
        assertThat(new DatasetCache(blocker).getOrCreate(KIND, "p", gen)).isEqualTo(bundle(6));
    }

    @Test
    void rejectsKindsThatAreNotSafeFileNames() {
        DatasetCache cache = new DatasetCache(dir);
        assertThatThrownBy(() -> cache.fileFor("../evil", "p"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kind must match");
    }

    @Test
    void datasetsLoadThroughTheCache() {
        DatasetCache cache = new DatasetCache(dir);
        PoissonDataset.Config config = PoissonDataset.Config.defaults().withSensors(20).withSizes(5, 3);
        PoissonDataset generated = PoissonDataset.generate(config);
        PoissonDataset first = PoissonDataset.load(config, cache);
        PoissonDataset second = PoissonDataset.load(config, cache);
        assertThat(cache.fileFor(PoissonDataset.KIND, config.toString())).exists();
        assertThat(cache.fileFor(PoissonDataset.KIND, config.withSeed(config.seed() + 1).toString()))
                .isNotEqualTo(cache.fileFor(PoissonDataset.KIND, config.toString())).doesNotExist();
        for (PoissonDataset d : new PoissonDataset[] {first, second}) {
            assertThat(d.toBundle()).isEqualTo(generated.toBundle());
        }
        MexicanHat.Config hat = MexicanHat.Config.defaults().withSizes(30, 4);
        assertThat(MexicanHat.load(hat, cache).toBundle()).isEqualTo(MexicanHat.generate(hat).toBundle());
        assertThat(MexicanHat.load(hat, cache).toBundle()).isEqualTo(MexicanHat.generate(hat).toBundle());
        DiffusionReactionDataset.Config dr = DiffusionReactionDataset.Config.defaults().withSizes(2, 1)
                .withGrids(11, 11, 21, 21);
        assertThat(DiffusionReactionDataset.load(dr, cache).toBundle())
                .isEqualTo(DiffusionReactionDataset.generate(dr).toBundle());
        assertThat(DiffusionReactionDataset.load(dr, cache).toBundle())
                .isEqualTo(DiffusionReactionDataset.generate(dr).toBundle());
    }
}
