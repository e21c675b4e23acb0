package io.handoff.intent.offline;

/** A sparse, L2-normalised feature vector: parallel arrays of feature indexes and weights. */
record SparseVector(int[] index, float[] value) {

  double dot(float[] dense) {
    double s = 0;
    for (int i = 0; i < index.length; i++) {
      s += dense[index[i]] * value[i];
    }
    return s;
  }

  boolean isEmpty() {
    return index.length == 0;
  }
}
