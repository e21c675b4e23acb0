package io.handoff.intent.offline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A linear classifier over {@link SparseVector}s trained by SGD. Single-label data trains a softmax
 * (multinomial logistic regression); multi-label data trains one logistic regression per label.
 * Training is deterministic: a fixed seed orders the examples.
 */
final class LinearModel {
  private static final int EPOCHS = 80;
  private static final double LEARNING_RATE = 1.0;
  private static final double L2 = 1e-5;
  /**
   * Weight of a positive label in multi-label training. Most labels are rare, so unweighted
   * one-vs-rest training learns to say "no"; 3 was best on the tuning folds (docs/ai-eval.md).
   */
  private static final double POSITIVE_WEIGHT = 3;
  private final float[][] weights;
  private final float[] bias;
  private final boolean multiLabel;

  private LinearModel(int labels, int dimension, boolean multiLabel) {
    this.weights = new float[labels][dimension];
    this.bias = new float[labels];
    this.multiLabel = multiLabel;
  }

  /**
   * @param targets for each example, the indexes of its labels
   */
  static LinearModel train(List<SparseVector> xs, List<int[]> targets, int labels, int dim, boolean multiLabel) {
    LinearModel m = new LinearModel(labels, dim, multiLabel);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < xs.size(); i++) {
      order.add(i);
    }
    Random random = new Random(42);
    for (int epoch = 0; epoch < EPOCHS; epoch++) {
      Collections.shuffle(order, random);
      double lr = LEARNING_RATE / (1 + epoch * 0.1);
      for (int i : order) {
        m.step(xs.get(i), targets.get(i), lr);
      }
    }
    return m;
  }

  boolean multiLabel() {
    return multiLabel;
  }

  /** Per-label probabilities: independent sigmoids (multi-label) or a softmax (single-label). */
  double[] probabilities(SparseVector x) {
    double[] z = new double[bias.length];
    for (int k = 0; k < z.length; k++) {
      z[k] = x.dot(weights[k]) + bias[k];
    }
    if (multiLabel) {
      for (int k = 0; k < z.length; k++) {
        z[k] = 1 / (1 + Math.exp(-z[k]));
      }
      return z;
    }
    return softmax(z);
  }

  private void step(SparseVector x, int[] target, double lr) {
    double[] p = probabilities(x);
    for (int k = 0; k < p.length; k++) {
      double y = contains(target, k) ? 1 : 0;
      double g = (p[k] - y) * (multiLabel && y > 0 ? POSITIVE_WEIGHT : 1);
      if (Math.abs(g) < 1e-4) {
        continue;
      }
      float[] w = weights[k];
      for (int j = 0; j < x.index().length; j++) {
        int f = x.index()[j];
        w[f] -= (float) (lr * (g * x.value()[j] + L2 * w[f]));
      }
      bias[k] -= (float) (lr * g);
    }
  }

  private static boolean contains(int[] a, int k) {
    for (int v : a) {
      if (v == k) {
        return true;
      }
    }
    return false;
  }

  private static double[] softmax(double[] z) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v);
    }
    double sum = 0;
    for (int k = 0; k < z.length; k++) {
      z[k] = Math.exp(z[k] - max);
      sum += z[k];
    }
    for (int k = 0; k < z.length; k++) {
      z[k] /= sum;
    }
    return z;
  }
}
