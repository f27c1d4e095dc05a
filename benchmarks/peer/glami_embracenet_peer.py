#!/usr/bin/env python3
"""The original GLAMI-1M evaluation of an EmbraceNet checkpoint, timed: the peer of
`glami-bench eval --adapter baseline:glami-embracenet --adapter-option text-features=DIR
--adapter-option embracement=expected` (run-glami-embracenet-peer.sh).

    /usr/bin/python3 benchmarks/peer/glami_embracenet_peer.py DATA_DIR RUN_DIR BATCH PREDICTIONS_CSV

RUN_DIR is what models/src/test/python/make_glami_embracenet_run.py wrote (checkpoint.pt,
features/). As classification/eval_embracenet.py and EmbraceDataset do it: pandas.read_csv of the test
CSV; per batch, each item's text features row, skimage.io.imread + resize to (298, 228) with
preserve_range=False, float32 CHW, the label_source one-hot from the checkpoint's source_binarizer;
the network's forward pass (ResNeXt-50 trunk, docking, the mean of the docked values, head,
log_softmax) under torch.no_grad with torch's threads set to the cores; argmax.

Timed: from just before read_csv to just after the last batch's argmax (the forward calls also
alone); excluded: imports and loading the checkpoint. Prints one JSON line; writes item_id,top1
(category id) to PREDICTIONS_CSV after the timing.
"""
import json
import os
import pathlib
import sys
import time

import numpy as np
import pandas as pd
import torch

here = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(here.parent.parent / "harness" / "src" / "test" / "python"))
import make_glami_embracenet as network  # noqa: E402
from make_glami_embracenet_run import image_input  # noqa: E402


def main():
    data, run, batch, predictions = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    torch.set_num_threads(len(os.sched_getaffinity(0)))
    checkpoint = torch.load(run / "checkpoint.pt", map_location="cpu")
    categories = sorted(checkpoint["label_binarizer"])
    text_width = checkpoint["model_state_dict"]["embracenet.docking_0.weight"].shape[1]
    model = network.Model(text_width, len(categories))
    model.load_state_dict(checkpoint["model_state_dict"])
    model.eval()
    sources = checkpoint["source_binarizer"]
    ids = np.load(run / "features" / "item_ids.npy")
    features = np.load(run / "features" / "features.npy", mmap_mode="r")
    row_of = {int(item): row for row, item in enumerate(ids)}

    start = time.perf_counter()
    forward = 0.0
    test = pd.read_csv(data / "GLAMI-1M-test.csv")
    test["label_source"] = test["label_source"].fillna("unknown")
    top1 = []
    for at in range(0, len(test), batch):
        rows = test.iloc[at:at + batch]
        text = torch.from_numpy(np.stack([features[row_of[int(i)]] for i in rows["item_id"]]))
        images = torch.from_numpy(np.stack([image_input(data / "images" / f"{i}.jpg") for i in rows["image_id"]]))
        hot = torch.tensor(np.array([sources[s] for s in rows["label_source"]]), dtype=torch.float32)
        began = time.perf_counter()
        with torch.no_grad():
            scores = model(text, images, hot)
        forward += time.perf_counter() - began
        top1.extend(categories[int(c)] for c in scores.argmax(dim=1))
    seconds = time.perf_counter() - start
    pd.DataFrame({"item_id": test["item_id"], "top1": top1}).to_csv(predictions, index=False)
    print(json.dumps({"items": len(test), "seconds": seconds, "items_per_second": len(test) / seconds,
                      "forward_items_per_second": len(test) / forward, "threads": torch.get_num_threads()}))


if __name__ == "__main__":
    main()
