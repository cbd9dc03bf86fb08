#!/usr/bin/python3
"""Times the reference codebase's own baselines on the workload of iclab's evaluation benchmark.

Garg et al. 2022's models.py (https://github.com/dtsip/in-context-learning, src/models.py) is imported unmodified
from a checkout given on the command line; this script is ours and only calls it. Its GPT-2 class needs Hugging Face
transformers, which the baselines do not use, so a stand-in module named `transformers` is registered before the
import (the baselines never touch it). Workload: linear-regression prompts, x ~ N(0, I_d), w ~ N(0, I_d), y = w.x,
every prefix k = 0 .. points-1 predicted, as samples/evaluation-benchmark.sh times iclab's learners.

  apt-get install -y python3-torch python3-sklearn python3-xgboost python3-tqdm libopenblas0-openmp
  LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp /usr/bin/python3 samples/python/garg_baselines_timing.py \
      --src PATH/TO/in-context-learning/src --prompts 128 --reps 3

Prints one RESULT line per baseline: the median wall seconds over --reps passes (after one untimed pass on other
prompts), microseconds per predicted prefix, and the mean squared error at the last point (a check that the learner
did its job). --threads sets torch's threads (their code runs scikit-learn and XGBoost in its own loops).
"""
import argparse
import os
import statistics
import sys
import time
import types


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--src", required=True, help="the reference checkout's src/ folder (holding models.py)")
    p.add_argument("--prompts", type=int, default=128)
    p.add_argument("--points", type=int, default=41)
    p.add_argument("--dims", type=int, default=20)
    p.add_argument("--reps", type=int, default=3)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--xgboost-prompts", type=int, default=32, help="XGBoost is slow: fewer prompts (default 32)")
    p.add_argument("--only", default=None, help="run only the baseline of this name")
    p.add_argument("--skip", action="append", default=[], help="leave out the baseline of this name (repeatable)")
    a = p.parse_args()
    if not os.path.isfile(os.path.join(a.src, "models.py")):
        sys.exit(f"garg_baselines_timing.py: --src must hold models.py, was {a.src}")
    stub = types.ModuleType("transformers")
    stub.GPT2Model = stub.GPT2Config = None  # the transformer class is not timed here
    sys.modules["transformers"] = stub
    sys.path.insert(0, a.src)
    import torch
    import models  # noqa: E402  (their file, unmodified)

    torch.set_num_threads(a.threads)
    baselines = [
        ("leastSquares", models.LeastSquaresModel(), a.prompts),
        ("nearestNeighbors(3)", models.NNModel(n_neighbors=3), a.prompts),
        ("averaging", models.AveragingModel(), a.prompts),
        ("lasso(0.01)", models.LassoModel(alpha=0.01), a.prompts),
        ("greedyTree(4)", models.DecisionTreeModel(max_depth=4), a.prompts),
        ("greedyTree(unlimited)", models.DecisionTreeModel(max_depth=None), a.prompts),
        ("xgboost", models.XGBoostModel(), a.xgboost_prompts),
    ]
    gen = torch.Generator().manual_seed(0)

    def prompts(b):
        xs = torch.randn(b, a.points, a.dims, generator=gen)
        w = torch.randn(b, a.dims, 1, generator=gen)
        return xs, (xs @ w)[:, :, 0]

    for name, model, b in baselines:
        if (a.only and name != a.only) or name in a.skip:
            continue
        warm_xs, warm_ys = prompts(min(b, 8))
        model(warm_xs, warm_ys)
        xs, ys = prompts(b)
        walls = []
        for _ in range(a.reps):
            t0 = time.perf_counter()
            pred = model(xs, ys)
            walls.append(time.perf_counter() - t0)
        wall = statistics.median(walls)
        err = ((pred[:, -1] - ys[:, -1]) ** 2).mean().item()
        print(f"RESULT reference baseline={name} prompts={b} points={a.points} dims={a.dims} reps={a.reps} "
              f"wall_s={wall:.4f} us_per_prefix={wall / (b * a.points) * 1e6:.2f} walls={[round(w, 4) for w in walls]} "
              f"mean_sq_error_last={err:.4f}", flush=True)


if __name__ == "__main__":
    main()
