package io.downtime.models.forest;

import io.downtime.models.ColumnScaling;
import io.downtime.models.LabelledRows;
import io.downtime.models.SyntheticRows;
import io.downtime.models.trees.TreeEnsemble;
import org.junit.jupiter.api.Test;
import smile.base.cart.SplitRule;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;

import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RandomForestTrainerTest {

    @Test
    void convertedTreesVoteExactlyAsSmilesForest() {
        LabelledRows rows = SyntheticRows.of(3_000, 5);
        int features = rows.schema().size();
        ColumnScaling imputation = ColumnScaling.fit(rows.vectors(), features);
        double[][] x = new double[rows.size()][];
        int[] y = new int[rows.size()];
        for (int r = 0; r < x.length; r++) {
            x[r] = imputation.impute(rows.vectors()[r]);
            y[r] = rows.labels()[r];
        }
        String[] names = IntStream.range(0, features).mapToObj(i -> "x" + i).toArray(String[]::new);
        DataFrame frame = DataFrame.of(x, names).merge(IntVector.of("label", y));
        RandomForest forest = RandomForest.fit(Formula.lhs("label"), frame, 30, 3, SplitRule.GINI, 10,
                Integer.MAX_VALUE, 5, 1.0, null, LongStream.range(1, 31));
        TreeEnsemble trees = RandomForestTrainer.ensemble(forest, features);
        DataFrame test = DataFrame.of(x, names);
        double[] posteriori = new double[2];
        for (int r = 0; r < 1_000; r++) {
            forest.predict(test.get(r), posteriori);
            assertEquals(posteriori[1], trees.margin(x[r]), 1e-9, "row " + r);
        }
    }

    @Test
    void forestShapSumsToTheVoteShare() {
        RandomForestModel model = new RandomForestTrainer(new ForestSettings(20, 8, 5, 0, 2_000, 1))
                .train(SyntheticRows.of(3_000, 6));
        for (double[] vector : SyntheticRows.of(200, 7).vectors()) {
            double sum = model.explain(vector).bias();
            for (double c : model.explain(vector).contributions()) {
                sum += c;
            }
            assertEquals(model.voteShare(vector), sum, 1e-9);
        }
    }
}
