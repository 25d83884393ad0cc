package org.dl4jsnn.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/** The Spark settings the trainer's own launchers use. */
public final class SparkContexts {

    private SparkContexts() {
    }

    /**
     * @param master a Spark master: {@code local[N]}, {@code local[N,F]} (F task failures allowed), or a
     *               cluster's URL
     */
    public static JavaSparkContext start(String master, String appName) {
        if (master == null || master.isBlank()) {
            throw new IllegalArgumentException("master must be a Spark master such as local[2] or spark://host:7077");
        }
        return new JavaSparkContext(new SparkConf().setMaster(master).setAppName(appName)
                .set("spark.ui.enabled", "false")
                // lz4, as Spark's other codecs: zstd's natives are left out of the build (see the pom)
                .set("spark.shuffle.mapStatus.compression.codec", "lz4"));
    }
}
