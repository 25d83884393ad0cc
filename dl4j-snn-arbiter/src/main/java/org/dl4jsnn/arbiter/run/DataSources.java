package org.dl4jsnn.arbiter.run;

import java.util.Properties;
import org.deeplearning4j.arbiter.optimize.api.data.DataSource;

/** Instantiates a DataSource the way Arbiter does: public no-argument constructor, then configure. */
final class DataSources {

    private DataSources() {
    }

    static DataSource create(Class<? extends DataSource> type, Properties properties) {
        DataSource source;
        try {
            source = type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("data source " + type.getName()
                    + " needs a public no-argument constructor", e);
        }
        source.configure(properties);
        return source;
    }
}
