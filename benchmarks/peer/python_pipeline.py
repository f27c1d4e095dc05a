#!/usr/bin/env python3
"""The GLAMI-1M way in Python, timed: the peer of `glami-bench eval --adapter exported` (run-peer.sh).

    /usr/bin/python3 benchmarks/peer/python_pipeline.py --data DATA_DIR --model MODEL.pt [--limit N]
        [--batch B] [--predictions FILE]

As the original GLAMI-1M tooling does it: pandas.read_csv of the test CSV, then per batch of B rows
skimage.io.imread of each image, skimage.transform.resize to (298, 228) (float64 in [0, 1]; a no-op
shape-wise for 228x298 images, but the work is done), float32 CHW, torch.stack, the forward pass of
the TorchScript model (torch.jit.load) under torch.inference_mode(), argmax.

Timed: end to end from just before read_csv to just after the last batch's argmax, one thread of
Python (the decode and resize run one image at a time) and torch's default threads (all cores) for
the forward; excluded: imports, loading the model and one dummy batch of 3 grey images through it
(the harness's `exported` adapter runs the same check when it opens). Also timed: the forward calls
alone (summed) and read_csv alone. Prints one JSON line.

Threads: torch.set_num_threads(--threads), by default the cores this process may use. Debian's
torch 1.13 picks 1 thread by itself on some machines (on our 2-core ones), which would halve the
Python side's forward speed; the JSON records both the threads used and torch's own default.

Debian packages: python3-torch, python3-pandas, python3-skimage.
"""
import argparse
import json
import os
import time

import numpy as np
import pandas as pd
import skimage
import skimage.io
import skimage.transform
import torch

HEIGHT, WIDTH = 298, 228


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", required=True, help="the GLAMI-1M-dataset folder")
    parser.add_argument("--model", required=True, help="the TorchScript model file")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N test rows")
    parser.add_argument("--batch", type=int, default=32, help="items per forward call (default 32)")
    parser.add_argument("--threads", type=int, default=len(os.sched_getaffinity(0)),
                        help="torch's intra-op threads (default: the cores this process may use)")
    parser.add_argument("--predictions", help="write each item's top-5 output columns and top softmax score to this"
                        " CSV (after the timing): item_id, top5 (columns, best first, space-separated), score_1")
    args = parser.parse_args()

    default_threads = torch.get_num_threads()
    torch.set_num_threads(args.threads)
    model = torch.jit.load(args.model, map_location="cpu").eval()
    with torch.inference_mode():
        model(torch.full((3, 3, HEIGHT, WIDTH), 128 / 255))

    start = time.perf_counter()
    test = pd.read_csv(os.path.join(args.data, "GLAMI-1M-test.csv"), nrows=args.limit)
    read_seconds = time.perf_counter() - start
    image_dir = os.path.join(args.data, "images")
    forward_seconds = 0.0
    item_ids, predicted, logit_batches = [], [], []
    with torch.inference_mode():
        for first in range(0, len(test), args.batch):
            rows = test.iloc[first:first + args.batch]
            tensors = []
            for image_id in rows["image_id"]:
                image = skimage.io.imread(os.path.join(image_dir, "%d.jpg" % image_id))
                image = skimage.transform.resize(image, (HEIGHT, WIDTH))
                tensors.append(torch.from_numpy(np.ascontiguousarray(image.transpose(2, 0, 1), dtype=np.float32)))
            batch = torch.stack(tensors)
            forward_start = time.perf_counter()
            logits = model(batch)
            forward_seconds += time.perf_counter() - forward_start
            predicted.extend(logits.argmax(dim=1).tolist())
            if args.predictions:
                logit_batches.append(logits)
            item_ids.extend(rows["item_id"].tolist())
    seconds = time.perf_counter() - start

    if args.predictions:
        logits = torch.cat(logit_batches)
        scores, top5 = torch.softmax(logits.double(), dim=1).topk(5, dim=1)
        pd.DataFrame({"item_id": item_ids, "top5": [" ".join(map(str, row)) for row in top5.tolist()],
                      "score_1": scores[:, 0].tolist()}).to_csv(args.predictions, index=False)
    items = len(item_ids)
    print(json.dumps({
        "side": "python",
        "engine": "torch %s (TorchScript)" % torch.__version__,
        "items": items,
        "batch": args.batch,
        "seconds": round(seconds, 3),
        "forward_seconds": round(forward_seconds, 3),
        "read_csv_seconds": round(read_seconds, 4),
        "end_to_end_items_per_second": round(items / seconds, 3),
        "forward_items_per_second": round(items / forward_seconds, 3),
        "torch": torch.__version__,
        "pandas": pd.__version__,
        "skimage": skimage.__version__,
        "threads": torch.get_num_threads(),
        "torch_default_threads": default_threads,
    }))


if __name__ == "__main__":
    main()
