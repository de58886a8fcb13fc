package io.downtime.models.xgboost;

import io.downtime.models.CrossInstanceChoice;
import io.downtime.models.LabelledRows;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.util.HashMap;
import java.util.Map;

/**
 * Trains XGBoost (xgboost4j) on labelled rows. Positives are not re-weighted: the served number must stay a
 * probability, and the alarm threshold, not the loss, handles the rarity of positives.
 *
 * <p>With hundreds of features, trees that may split on any of them learn what tells the training servers' incidents
 * apart, which another server's incidents do not share. Letting each split consider only a random share of the
 * features (as a random forest does) spreads the model over many of them. Unless a share is configured, it is chosen
 * among {@link #COLUMN_SHARES} on servers left out of training ({@link CrossInstanceChoice}), never on test servers.
 */
public final class XGBoostTrainer {

    /**
     * Candidate shares of the features each split considers: a geometric grid in steps of about √10 from every feature
     * (XGBoost's default) down to about a random forest's √p / p for a thousand features. Fixed by that rule.
     */
    static final double[] COLUMN_SHARES = {1, 0.3, 0.1, 0.03};

    private final XGBoostSettings settings;

    public XGBoostTrainer(XGBoostSettings settings) {
        this.settings = settings;
    }

    public XGBoostModel train(LabelledRows rows) {
        checkBothClasses(rows);
        return fit(rows, settings.columnShare() > 0 ? settings.columnShare() : chooseColumnShare(rows));
    }

    /** The candidate share of features per split that does best on servers left out of training. */
    double chooseColumnShare(LabelledRows rows) {
        return CrossInstanceChoice.best(rows, COLUMN_SHARES, this::fit, "XGBoost share of features per split:");
    }

    private static void checkBothClasses(LabelledRows rows) {
        long positives = rows.positives();
        if (positives == 0 || positives == rows.size()) {
            throw new IllegalArgumentException("training needs both positive and negative rows; got "
                    + positives + " positives in " + rows.size() + " rows");
        }
    }

    private XGBoostModel fit(LabelledRows rows, double columnShare) {
        try {
            DMatrix matrix = matrix(rows);
            try {
                Booster booster = XGBoost.train(matrix, parameters(columnShare),
                        settings.rounds(), Map.of(), null, null);
                try {
                    return XGBoostModel.load(rows.schema(), booster.toByteArray("json"));
                } finally {
                    booster.dispose();
                }
            } finally {
                matrix.dispose();
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost training failed: " + e.getMessage(), e);
        }
    }

    static DMatrix matrix(LabelledRows rows) throws XGBoostError {
        int columns = rows.schema().size();
        float[] data = new float[rows.size() * columns];
        float[] labels = new float[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            double[] vector = rows.vectors()[r];
            for (int c = 0; c < columns; c++) {
                data[r * columns + c] = (float) vector[c];
            }
            labels[r] = rows.labels()[r];
        }
        DMatrix matrix = new DMatrix(data, rows.size(), columns, Float.NaN);
        matrix.setLabel(labels);
        return matrix;
    }

    private Map<String, Object> parameters(double columnShare) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("objective", "binary:logistic");
        parameters.put("eval_metric", "aucpr");
        parameters.put("tree_method", "hist");
        parameters.put("max_depth", settings.maxDepth());
        parameters.put("eta", settings.eta());
        parameters.put("subsample", settings.subsample());
        parameters.put("colsample_bynode", columnShare);
        parameters.put("nthread", settings.threads());
        parameters.put("seed", settings.seed());
        parameters.put("verbosity", 0);
        return parameters;
    }
}
