#!/usr/bin/env python3
"""Load an iclab run's exported model in Python TensorFlow and check it against what iclab computed.

    python3 samples/python/load_model.py runs/quickstart-20261130-101500

Needs TensorFlow 2 for Python (pip install tensorflow); iclab itself needs no Python. The run directory holds
  model/          the SavedModel (tag "serve", signature "serving_default", method tensorflow/serving/predict)
  examples.json   the first evaluation prompts, as the signature takes them, and iclab's outputs for them
  eval.csv        the error of every learner at every k
This script feeds the examples to the loaded signature, prints its outputs beside iclab's and the largest
difference, then prints the model's rows of eval.csv beside the error of the loaded model on the examples.
"""
import csv
import json
import sys
from pathlib import Path

import numpy as np
import tensorflow as tf


def tensor(entry):
    dtype = np.int32 if entry["dtype"] == "int32" else np.float32
    return np.asarray(entry["values"], dtype=dtype).reshape(entry["shape"])


def main(run):
    run = Path(run)
    examples = json.loads((run / "examples.json").read_text())
    loaded = tf.saved_model.load(str(run / "model"))
    predict = loaded.signatures[examples["signature"]]
    inputs = {name: tf.constant(tensor(entry)) for name, entry in examples["inputs"].items()}
    outputs = predict(**inputs)
    name, expected = next(iter(examples["outputs"].items()))
    expected = tensor(expected)
    actual = outputs[name].numpy()
    print(f"signature {examples['signature']}: inputs {sorted(inputs)}, output {name} {actual.shape}")
    print(f"largest difference from iclab's outputs: {np.max(np.abs(actual - expected)):.3g}")

    if "ys" in inputs:  # (x, y) prompts: predictions of y_k from the first k examples
        ys = inputs["ys"].numpy()
        print("prompt 0, k: y, iclab, python")
        for k in range(ys.shape[1]):
            print(f"  {k:3d}: {ys[0, k]: .4f} {expected[0, k]: .4f} {actual[0, k]: .4f}")
        squared = ((actual - ys) ** 2).mean(axis=0)
    else:  # token prompts: logits; the arg-max at each position
        print("prompt 0, arg-max per position: iclab", expected[0].argmax(-1).tolist())
        print("                               python", actual[0].argmax(-1).tolist())
        squared = None

    rows = [r for r in csv.DictReader((run / "eval.csv").open()) if r["learner"] == "model"
            and r["strategy"] == examples["strategy"]]
    print(f"eval.csv, model, {examples['strategy']} (error over all evaluation prompts)"
          + (f" beside the squared error on these {actual.shape[0]} examples (not divided by dims):" if squared is not None else ":"))
    for r in rows:
        k = int(r["k"])
        extra = f"  {squared[k]:.4f}" if squared is not None and k < len(squared) else ""
        print(f"  k={k:3d}  {float(r['error']):.4f} [{float(r['ci_low']):.4f}, {float(r['ci_high']):.4f}]{extra}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: load_model.py RUN_DIRECTORY")
    main(sys.argv[1])
