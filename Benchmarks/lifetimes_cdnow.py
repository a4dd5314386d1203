"""Times the lifetimes package (PyPI) fitting BG/NBD, Pareto/NBD and Gamma-Gamma to the CDNOW
sample with calibration ending 1997-09-30, weekly: the peer figure `rapport bench clv` is
compared with. Usage: python3 Benchmarks/lifetimes_cdnow.py [--repeats N]
(pip install lifetimes; the sample ships inside the package)."""
import argparse
import json
import os
import statistics
import time

import lifetimes
import pandas as pd
from lifetimes import BetaGeoFitter, GammaGammaFitter, ParetoNBDFitter

parser = argparse.ArgumentParser()
parser.add_argument("--repeats", type=int, default=10)
args = parser.parse_args()

path = os.path.join(os.path.dirname(lifetimes.__file__), "datasets", "CDNOW_sample.txt")
log = pd.read_csv(path, sep=r"\s+", header=None, names=["customer", "sample_id", "date", "cds", "dollars"])
log["date"] = pd.to_datetime(log["date"].astype(str), format="%Y%m%d")
daily = log.groupby(["sample_id", "date"], as_index=False)["dollars"].sum()
calibration = daily[daily["date"] <= "1997-09-30"]
end = pd.Timestamp("1997-09-30")
first = calibration.groupby("sample_id")["date"].min()
last = calibration.groupby("sample_id")["date"].max()
counts = calibration.groupby("sample_id")["date"].count()
summary = pd.DataFrame({
    "frequency": counts - 1,
    "recency": (last - first).dt.days / 7,
    "T": (end - first).dt.days / 7,
})
repeats = calibration.merge(first.rename("first"), left_on="sample_id", right_index=True)
repeats = repeats[repeats["date"] > repeats["first"]]
monetary = repeats.groupby("sample_id")["dollars"].mean()
summary["monetary_value"] = monetary.reindex(summary.index).fillna(0)

times = []
for _ in range(args.repeats):
    started = time.perf_counter()
    bgf = BetaGeoFitter().fit(summary["frequency"], summary["recency"], summary["T"])
    times.append(time.perf_counter() - started)
started = time.perf_counter()
pareto = ParetoNBDFitter().fit(summary["frequency"], summary["recency"], summary["T"])
pareto_seconds = time.perf_counter() - started
buyers = summary[summary["frequency"] > 0]
started = time.perf_counter()
ggf = GammaGammaFitter().fit(buyers["frequency"], buyers["monetary_value"])
gamma_seconds = time.perf_counter() - started
print(json.dumps({
    "lifetimes": lifetimes.__version__,
    "bgnbd": {k: float(v) for k, v in bgf.params_.items()},
    "pareto_nbd": {k: float(v) for k, v in pareto.params_.items()},
    "gamma_gamma": {k: float(v) for k, v in ggf.params_.items()},
    "bgnbd_seconds_median": statistics.median(times),
    "pareto_nbd_seconds": pareto_seconds,
    "gamma_gamma_seconds": gamma_seconds,
}, indent=1))
