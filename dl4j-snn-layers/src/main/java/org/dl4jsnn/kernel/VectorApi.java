package org.dl4jsnn.kernel;

/**
 * Whether the JDK's Vector API (module {@code jdk.incubator.vector}, an incubator module on Java 17)
 * was added to this JVM with {@code --add-modules jdk.incubator.vector}.
 *
 * <p>The kernels' SIMD classes are loaded only when it was: without the flag every kernel runs its
 * scalar loop, which computes the same products bit for bit and the same neuron step up to the last
 * bit of {@code exp} (see {@code NeuronStep}). The build, the tests and {@code bin/dl4j-snn} pass the
 * flag; a plain {@code java -cp} run still works, only slower.
 */
public final class VectorApi {

    private static final boolean AVAILABLE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !Boolean.getBoolean("dl4jsnn.scalar");

    private VectorApi() {
    }

    /**
     * True when the SIMD kernels run. {@code -Ddl4jsnn.scalar=true} turns them off (to measure or to
     * compare the scalar loops).
     */
    public static boolean available() {
        return AVAILABLE;
    }
}
