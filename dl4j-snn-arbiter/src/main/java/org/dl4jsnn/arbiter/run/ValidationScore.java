package org.dl4jsnn.arbiter.run;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.deeplearning4j.arbiter.optimize.api.data.DataProvider;
import org.deeplearning4j.arbiter.optimize.api.data.DataSource;
import org.deeplearning4j.arbiter.optimize.api.score.ScoreFunction;
import org.deeplearning4j.nn.api.Model;
import org.dl4jsnn.arbiter.data.ValidationSet;

/**
 * Arbiter's score: the relative L2 error on the data source's validation rows (its {@code testData()},
 * which the search's data sources fill from the training set only). Lower is better.
 */
public final class ValidationScore implements ScoreFunction {

    private static final long serialVersionUID = 1L;

    @Override
    public double score(Object model, Class<? extends DataSource> dataSource, Properties properties) {
        return validationSet(dataSource, properties).relativeL2(requireModel(model));
    }

    /** The validation rows of a data source configured with these properties. */
    public static ValidationSet validationSet(Class<? extends DataSource> dataSource, Properties properties) {
        DataSource source = DataSources.create(dataSource, properties);
        Object rows = source.testData();
        if (!(rows instanceof ValidationSet v)) {
            throw new IllegalArgumentException(dataSource.getName() + ".testData() must return a ValidationSet"
                    + " (the rows held out of the training set), got "
                    + (rows == null ? "null" : rows.getClass().getName()));
        }
        return v;
    }

    @Override
    public double score(Object model, DataProvider dataProvider, Map<String, Object> dataParameters) {
        throw new UnsupportedOperationException("the search scores through a DataSource (dataSource(...) in"
                + " OptimizationConfiguration), not a DataProvider");
    }

    private static Model requireModel(Object model) {
        if (!(model instanceof Model m)) {
            throw new IllegalArgumentException("model must be a DL4J Model, got "
                    + (model == null ? "null" : model.getClass().getName()));
        }
        return m;
    }

    @Override
    public boolean minimize() {
        return true;
    }

    @Override
    public List<Class<?>> getSupportedModelTypes() {
        return List.of(Model.class);
    }

    @Override
    public List<Class<?>> getSupportedDataTypes() {
        return List.of(Object.class);
    }

    @Override
    public String toString() {
        return "ValidationScore(relative L2 on the validation rows)";
    }
}
