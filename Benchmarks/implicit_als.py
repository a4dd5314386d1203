"""The `implicit` package's ALS (PyPI) on the split `rapport recs eval` uses: each user's
interactions sorted by time (ties in file order), the last 20% (rounded down) held out, the
rest for training; precision, recall and NDCG at 10 over users with held-out items, items
seen in training never recommended. Prints the best of a small grid as JSON.
Usage: python3 Benchmarks/implicit_als.py FILE [--format recbole|csv]
(pip install implicit; MovieLens 100k ships in the recbole wheel:
recbole/dataset_example/ml-100k/ml-100k.inter)."""
import argparse
import json
import math
import time
from collections import defaultdict

import numpy as np
import scipy.sparse as sparse
from implicit.als import AlternatingLeastSquares

parser = argparse.ArgumentParser()
parser.add_argument("file")
parser.add_argument("--format", choices=["recbole", "csv"], default="recbole")
args = parser.parse_args()

separator = "\t" if args.format == "recbole" else ","
events = defaultdict(list)
with open(args.file) as handle:
    header = handle.readline().rstrip("\n").split(separator)
    names = [name.split(":")[0] for name in header]
    user_column, item_column, time_column = names.index("user_id"), names.index("item_id"), names.index("timestamp")
    for position, line in enumerate(handle):
        fields = line.rstrip("\n").split(separator)
        events[fields[user_column]].append((float(fields[time_column]), position, fields[item_column]))

users = sorted(events)
items = sorted({item for history in events.values() for _, _, item in history})
item_index = {item: index for index, item in enumerate(items)}
train_rows, train_columns, held_out = [], [], {}
for user_number, user in enumerate(users):
    history = sorted(events[user])
    held = len(history) * 20 // 100
    for _, _, item in history[: len(history) - held]:
        train_rows.append(user_number)
        train_columns.append(item_index[item])
    if held:
        held_out[user_number] = {item_index[item] for _, _, item in history[len(history) - held:]}
train = sparse.csr_matrix((np.ones(len(train_rows), dtype=np.float32), (train_rows, train_columns)), shape=(len(users), len(items)))
train.data[:] = 1


def evaluate(model):
    precision = recall = ndcg = 0.0
    user_ids = np.array(sorted(held_out))
    recommended, _ = model.recommend(user_ids, train[user_ids], N=10, filter_already_liked_items=True)
    for user, top in zip(user_ids, recommended):
        relevant = held_out[user]
        hits = [1 if item in relevant else 0 for item in top]
        precision += sum(hits) / 10
        recall += sum(hits) / len(relevant)
        ideal = sum(1 / math.log2(rank + 2) for rank in range(min(10, len(relevant))))
        ndcg += sum(hit / math.log2(rank + 2) for rank, hit in enumerate(hits)) / ideal
    count = len(user_ids)
    return {"precision_at_10": precision / count, "recall_at_10": recall / count, "ndcg_at_10": ndcg / count}


best = None
for factors in (32, 64, 128):
    for regularization in (0.01, 0.1, 1.0):
        for alpha in (1.0, 5.0, 20.0):
            model = AlternatingLeastSquares(factors=factors, regularization=regularization, alpha=alpha, iterations=15, random_state=42)
            started = time.perf_counter()
            model.fit(train, show_progress=False)
            seconds = time.perf_counter() - started
            result = {**evaluate(model), "train_seconds": seconds, "factors": factors, "regularization": regularization, "alpha": alpha}
            if best is None or result["ndcg_at_10"] > best["ndcg_at_10"]:
                best = result
print(json.dumps({"implicit_als": best}, indent=1))
