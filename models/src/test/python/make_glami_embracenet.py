#!/usr/bin/env python3
"""Writes a checkpoint shaped like the published GLAMI-1M EmbraceNet (Zenodo 7353512,
embracenet_1_final.pt) with random weights, and what torch computes with it, for the Java tests of
org.glamibench.published.

The network has the original's module names: `pre_2` is torchvision's resnext50_32x4d (no weights)
cut at avgpool with create_feature_extractor, `embracenet.docking_0..2` are Linear layers (text,
image, label_source) each followed by ReLU, `post` is Linear(512, classes), then log_softmax.
BatchNorm weights and biases are random (the scales of each residual branch's last BatchNorm small,
0.1 to 0.3, as trained ResNets have them: near 1, this random network amplifies float32 rounding
about 1.5x per block) and their running statistics are the exact means over a few train-mode
passes; one Adam step over all parameters fills optimizer_state_dict.

    make_glami_embracenet.py OUT_DIR TEXT_WIDTH CATEGORY_IDS ITEMS

CATEGORY_IDS is a comma-separated list. Writes into OUT_DIR:
- checkpoint.pt: torch.save({epoch, model_state_dict, optimizer_state_dict, loss (numpy.float32),
  label_binarizer {int id: one-hot list, positions in ascending id order, keys inserted shuffled},
  source_binarizer {str: one-hot list}});
- when ITEMS > 0, for ITEMS items: text.f32 [ITEMS, TEXT_WIDTH], images.f32 [ITEMS, 3, 298, 228]
  (uniform in [0, 1)), sources.i32 [ITEMS], draws.i32 [ITEMS, 512] (torch.multinomial, equal
  probabilities), and the references features.f32 [ITEMS, 2048], docked.f32 [3, ITEMS, 512],
  expected.f32 and sampled.f32 [ITEMS, classes] (log-probabilities with the mean of the docked
  values, and with the draws);
- when ITEMS == 0 (CATEGORY_IDS must hold 6, 132 and 2811), checkpoint.pt and broken variants of
  it for the error tests, with no Adam step to keep them small: missing_key.pt (no
  pre_2.layer3.2.bn2.running_var), wrong_shape.pt (docking_1.weight [512, 2047]), extra_key.pt
  (also embracenet.docking_3.weight), no_batches_tracked.pt (pre_2.bn1.num_batches_tracked is a
  float32 tensor), label_gap.pt (id 132's one-hot has its 1 at the position of id 6),
  label_short.pt (id 2811's one-hot one position short).
The .f32 and .i32 files are raw little-endian arrays in C order. Deterministic: fixed seeds.
"""
import os
import random
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision
from torchvision.models.feature_extraction import create_feature_extractor

EMBRACEMENT = 512
HEIGHT, WIDTH = 298, 228
SOURCES = ["admin", "combined-tag", "custom-tag", "quality-check", "unknown"]


class EmbraceNet(nn.Module):
    """The docking layers of EmbraceNet; the embracement is done in forward_embrace."""

    def __init__(self, input_sizes):
        super().__init__()
        for i, size in enumerate(input_sizes):
            setattr(self, "docking_%d" % i, nn.Linear(size, EMBRACEMENT))
        self.count = len(input_sizes)

    def docked(self, inputs):
        return [F.relu(getattr(self, "docking_%d" % i)(x)) for i, x in enumerate(inputs)]


class Model(nn.Module):
    def __init__(self, text_width, classes):
        super().__init__()
        self.pre_2 = create_feature_extractor(torchvision.models.resnext50_32x4d(weights=None),
                                              return_nodes=["avgpool"])
        self.embracenet = EmbraceNet([text_width, 2048, len(SOURCES)])
        self.post = nn.Linear(EMBRACEMENT, classes)

    def features(self, images):
        return self.pre_2(images)["avgpool"][:, :, 0, 0]

    def forward(self, text, images, sources, draws=None):
        docked = self.embracenet.docked([text, self.features(images), sources])
        stack = torch.stack(docked, dim=-1)
        if draws is None:
            embraced = stack.mean(dim=-1)
        else:
            embraced = (stack * F.one_hot(draws, num_classes=len(docked)).float()).sum(dim=-1)
        return F.log_softmax(self.post(embraced), dim=-1)


def one_hot_sources(indices):
    return F.one_hot(torch.tensor(indices, dtype=torch.int64), num_classes=len(SOURCES)).float()


def build(text_width, classes, adam_step):
    torch.manual_seed(1)
    model = Model(text_width, classes)
    bns = [m for m in model.modules() if isinstance(m, nn.BatchNorm2d)]
    with torch.no_grad():
        for name, bn in model.named_modules():
            if isinstance(bn, nn.BatchNorm2d):
                low, high = (0.1, 0.3) if name.endswith("bn3") else (0.5, 1.5)
                bn.weight.uniform_(low, high)
                bn.bias.normal_(0.0, 0.1)
    optimizer = torch.optim.Adam(model.parameters())
    if adam_step:
        model.train()
        text = torch.randn(2, text_width)
        images = torch.rand(2, 3, 64, 48)
        loss = F.nll_loss(model(text, images, one_hot_sources([0, 4])), torch.tensor([0, classes - 1]))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    for bn in bns:
        bn.reset_running_stats()
        bn.momentum = None
    model.train()
    with torch.no_grad():
        for _ in range(2):
            model.features(torch.rand(4, 3, HEIGHT, WIDTH))
    model.eval()
    return model, optimizer


def binarizers(category_ids):
    ordered = sorted(category_ids)
    labels = {}
    shuffled = list(ordered)
    random.Random(7).shuffle(shuffled)
    for category in shuffled:
        labels[category] = [1 if c == category else 0 for c in ordered]
    sources = {s: [1 if t == s else 0 for t in SOURCES] for s in SOURCES}
    return labels, sources


def checkpoint(model, optimizer, labels, sources):
    return {
        "epoch": 1,
        "model_state_dict": model.state_dict(),
        "optimizer_state_dict": optimizer.state_dict(),
        "loss": np.float32(2.5),
        "label_binarizer": labels,
        "source_binarizer": sources,
    }


def write(out, name, array, dtype):
    np.ascontiguousarray(array, dtype=dtype).tofile(os.path.join(out, name))


def references(out, model, text_width, items):
    generator = torch.Generator().manual_seed(3)
    text = torch.randn(items, text_width, generator=generator)
    images = torch.rand(items, 3, HEIGHT, WIDTH, generator=generator)
    sources = [(2 * i + 1) % len(SOURCES) for i in range(items)]
    probabilities = torch.ones(items, 3)
    draws = torch.multinomial(probabilities, EMBRACEMENT, replacement=True, generator=generator)
    with torch.no_grad():
        features = model.features(images)
        docked = model.embracenet.docked([text, features, one_hot_sources(sources)])
        expected = model(text, images, one_hot_sources(sources))
        sampled = model(text, images, one_hot_sources(sources), draws)
    write(out, "text.f32", text.numpy(), "<f4")
    write(out, "images.f32", images.numpy(), "<f4")
    write(out, "sources.i32", np.array(sources), "<i4")
    write(out, "draws.i32", draws.numpy(), "<i4")
    write(out, "features.f32", features.numpy(), "<f4")
    write(out, "docked.f32", torch.stack(docked).numpy(), "<f4")
    write(out, "expected.f32", expected.numpy(), "<f4")
    write(out, "sampled.f32", sampled.numpy(), "<f4")


def broken_variants(out, model, optimizer, labels, sources):
    def save(name, state=None, label_binarizer=None):
        content = checkpoint(model, optimizer, label_binarizer or labels, sources)
        if state is not None:
            content["model_state_dict"] = state
        torch.save(content, os.path.join(out, name))

    save("checkpoint.pt")
    state = model.state_dict()
    missing = dict(state)
    del missing["pre_2.layer3.2.bn2.running_var"]
    save("missing_key.pt", missing)
    wrong = dict(state)
    wrong["embracenet.docking_1.weight"] = torch.zeros(EMBRACEMENT, 2047)
    save("wrong_shape.pt", wrong)
    extra = dict(state)
    extra["embracenet.docking_3.weight"] = torch.zeros(EMBRACEMENT, 7)
    save("extra_key.pt", extra)
    tracked = dict(state)
    tracked["pre_2.bn1.num_batches_tracked"] = torch.tensor(2.0)
    save("no_batches_tracked.pt", tracked)
    gap = dict(labels)
    gap[132] = list(labels[6])
    save("label_gap.pt", label_binarizer=gap)
    short = dict(labels)
    short[2811] = labels[2811][:-1]
    save("label_short.pt", label_binarizer=short)


def main():
    out, text_width, category_ids, items = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    category_ids = [int(c) for c in category_ids.split(",")]
    torch.set_num_threads(2)
    model, optimizer = build(text_width, len(category_ids), adam_step=items > 0)
    labels, sources = binarizers(category_ids)
    if items > 0:
        torch.save(checkpoint(model, optimizer, labels, sources), os.path.join(out, "checkpoint.pt"))
        references(out, model, text_width, items)
    else:
        broken_variants(out, model, optimizer, labels, sources)


if __name__ == "__main__":
    main()
