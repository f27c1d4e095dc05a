#!/usr/bin/env python3
"""Exports torchvision's ResNet-18 with random weights for the Python peer benchmark (run-peer.sh).

    /usr/bin/python3 benchmarks/peer/export_resnet18.py DATA_DIR OUT_DIR

DATA_DIR is a GLAMI-1M-dataset folder; its GLAMI-1M-train.csv gives the class index (the categories
of the train split, ascending: the harness's class index), so the model has one output column per
class. Writes into OUT_DIR:

- resnet18.pt: torchvision.models.resnet18(num_classes=<classes>), weights from seed 0, eval mode,
  traced with torch.jit.trace at input [1, 3, 298, 228] (N, C, H, W; GLAMI images are 228 wide and
  298 high), saved as TorchScript;
- resnet18.onnx: the same model exported to ONNX (opset 13), batch axis dynamic;
- resnet18.pt.json and resnet18.onnx.json: the harness's model specs (`--adapter exported
  --adapter-option spec=FILE.json`), preprocessing as the published GLAMI-1M baseline: the 228x298
  image scaled to [0, 1] floats, RGB, CHW, no mean/std normalisation; "bilinear" resize (a no-op on
  228x298 images, as skimage.transform.resize(order=1) without antialiasing is when the size does
  not change).

Debian packages: python3-torch, python3-torchvision, python3-onnx, python3-pandas.
"""
import json
import os
import sys

import onnx
import pandas as pd
import torch
import torchvision

WIDTH, HEIGHT = 228, 298
SEED = 0
OPSET = 13
NAME = "resnet18-peer"


def class_index(data_dir):
    """The categories of the train split, ascending."""
    train = pd.read_csv(os.path.join(data_dir, "GLAMI-1M-train.csv"), usecols=["category"])
    return sorted(int(c) for c in train["category"].unique())


def spec(engine, model_file, categories):
    return {
        "format": "glami-bench-model-spec/1",
        "name": NAME,
        "version": "1",
        "description": "torchvision ResNet-18, random weights (seed %d), for the Python peer benchmark" % SEED,
        "license": "BSD-3-Clause",
        "modality": "IMAGE",
        "engine": engine,
        "model": model_file,
        "inputs": [{"name": "image", "source": "image", "shape": [-1, 3, HEIGHT, WIDTH]}],
        "image": {"width": WIDTH, "height": HEIGHT, "resize": "bilinear", "crop": "none", "scale": "1/255",
                  "mean": [0.0, 0.0, 0.0], "std": [1.0, 1.0, 1.0], "channels": "RGB", "layout": "CHW"},
        "output": {"kind": "logits", "categories": categories},
    }


def main(argv):
    if len(argv) != 3:
        sys.exit("usage: export_resnet18.py DATA_DIR OUT_DIR")
    data_dir, out_dir = argv[1], argv[2]
    categories = class_index(data_dir)
    os.makedirs(out_dir, exist_ok=True)

    torch.manual_seed(SEED)
    model = torchvision.models.resnet18(num_classes=len(categories)).eval()
    example = torch.rand(1, 3, HEIGHT, WIDTH)
    with torch.no_grad():
        traced = torch.jit.trace(model, example)
        traced.save(os.path.join(out_dir, "resnet18.pt"))
        onnx_file = os.path.join(out_dir, "resnet18.onnx")
        torch.onnx.export(model, example, onnx_file, input_names=["image"], output_names=["logits"],
                          dynamic_axes={"image": {0: "batch"}, "logits": {0: "batch"}}, opset_version=OPSET)
    onnx.checker.check_model(onnx.load(onnx_file))

    for engine, model_file in (("PyTorch", "resnet18.pt"), ("OnnxRuntime", "resnet18.onnx")):
        with open(os.path.join(out_dir, model_file + ".json"), "w", encoding="utf-8") as out:
            json.dump(spec(engine, model_file, categories), out, indent=2)
            out.write("\n")
    print("export_resnet18: ResNet-18, %d classes, input [N, 3, %d, %d] -> %s" % (len(categories), HEIGHT, WIDTH,
                                                                                out_dir))


if __name__ == "__main__":
    main(sys.argv)
