#!/usr/bin/env python3
"""Writes the model fixtures the Java tests of the `exported` adapter check against.

Real architectures with random weights (fixed seeds), exported to ONNX and to TorchScript, each with
the JSON spec a user would write for it, and the outputs torch computes for a few inputs:

- mobilenet_v2: torchvision MobileNetV2 (width 0.25, 5 classes), IMAGE, input 3x64x48 (CHW, RGB,
  ImageNet mean/std, antialiased bilinear resize);
- text: a fastText-like classifier (embedding, mean over the attention mask, two linear layers),
  TEXT, over a hand-written WordLevel tokenizer.json; also exported with a fixed batch of 2
  (text_b2.onnx) to check that the adapter pads its batches to that size;
- fusion: a small CNN and the text model fused, IMAGE_TEXT, image input 24x20x3 (HWC, BGR, Caffe-style
  mean/std, centre crop, area resize).

Also preprocess.json: one image with random pixels and the tensors torch (and, for the area resize,
an explicit numpy weight matrix) makes of it under several preprocessing settings.

The expected outputs come from torch in eager mode; the Java side runs the exported files with ONNX
Runtime and PyTorch (libtorch) through DJL, so they are independent implementations. The inputs are
recorded exactly: PNG images (lossless) and the token ids the tokenizer must produce.

Run from the repository root with Debian's Python and packages (python3-torch 1.13, python3-torchvision
0.14, python3-onnx, python3-numpy):

    /usr/bin/python3 models/src/test/python/export_fixtures.py

Conventions shared with the Java code (see org.glamibench.adapter.exported):
- resize "bilinear": torch.nn.functional.interpolate(mode="bilinear", align_corners=False,
  antialias=False); "bilinear-antialias": the same with antialias=True (PIL's and torchvision's
  default filter, computed in floats); "area": every output pixel is the mean of the input area it
  covers, partial pixels weighted by their covered fraction (OpenCV's INTER_AREA when shrinking).
- crop "center": before resizing, the largest centred region of the target's aspect ratio: for a
  source wider than the target, height h and width round(h * W / H) (halves up) from x = (w - cw) // 2;
  otherwise width w and height round(w * H / W) from y = (h - ch) // 2.
- values: pixel (0..255) * scale, then (v - mean[c]) / std[c] with c the channel in the model's order.
- text: name + " " + description; lower-cased, split by the regular expression \\w+|[^\\w\\s]+,
  unknown words to [UNK], cut to max_length, padded with [PAD] (id 0, attention mask 0).
"""
import base64
import json
import os
import re

import numpy as np
import onnx
import torch
import torch.nn.functional as F
import torchvision
from torchvision.io import write_png

OUT_DIR = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "exported"))
OPSET = 13
IMAGENET_MEAN = [0.485, 0.456, 0.406]
IMAGENET_STD = [0.229, 0.224, 0.225]

# WordLevel vocabulary: [PAD] 0, [UNK] 1, then lower-case words and punctuation.
WORDS = ["[PAD]", "[UNK]", "big", "star", "woman", "'", "s", "singlet", "t", "-", "shirt", "knitted", "material",
         ":", "95", "%", "cotton", "ženske", "športne", "jakne", "črna", "rosa", "w", "női", "blúz", "only", "új",
         "termék", "címkével", ".", "γυναικεία", "μπλούζα", "μαύρη", "dress", "red", "sneakers", "men", ","]

TEXT_ITEMS = [
    ("Big Star Woman's Singlet T-shirt 150048 Knitted", "Material: 95%COTTON5%ELASTANE"),
    ("Kilpi Ženske športne jakne črna Rosa-W", ""),
    ("Női blúz ONLY", "Új termék címkével."),
    ("Γυναικεία μπλούζα, μαύρη", "Red dress, men sneakers, big star, only cotton, knitted material: new!"),
]


def tokenizer_json():
    """A tokenizer.json for the HuggingFace tokenizers library (and DJL's HuggingFaceTokenizer)."""
    return {
        "version": "1.0",
        "truncation": None,
        "padding": {"strategy": "BatchLongest", "direction": "Right", "pad_to_multiple_of": None, "pad_id": 0,
                    "pad_type_id": 0, "pad_token": "[PAD]"},
        "added_tokens": [
            {"id": 0, "content": "[PAD]", "single_word": False, "lstrip": False, "rstrip": False,
             "normalized": False, "special": True},
            {"id": 1, "content": "[UNK]", "single_word": False, "lstrip": False, "rstrip": False,
             "normalized": False, "special": True},
        ],
        "normalizer": {"type": "Lowercase"},
        "pre_tokenizer": {"type": "Whitespace"},
        "post_processor": None,
        "decoder": None,
        "model": {"type": "WordLevel", "vocab": {word: i for i, word in enumerate(WORDS)}, "unk_token": "[UNK]"},
    }


def encode(text, max_length):
    """What the tokenizer.json above makes of a text, padded and cut to max_length."""
    vocab = {word: i for i, word in enumerate(WORDS)}
    tokens = re.findall(r"\w+|[^\w\s]+", text.lower())
    ids = [vocab.get(token, 1) for token in tokens][:max_length]
    mask = [1] * len(ids) + [0] * (max_length - len(ids))
    return ids + [0] * (max_length - len(ids)), mask


# ---------------------------------------------------------------------------------------------------
# Image preprocessing (the oracle)

def crop_box(w, h, out_w, out_h):
    """(x0, y0, cw, ch) of the centred crop with the target's aspect ratio."""
    if w * out_h > h * out_w:
        cw = (2 * h * out_w + out_h) // (2 * out_h)
        return (w - cw) // 2, 0, cw, h
    if w * out_h < h * out_w:
        ch = (2 * w * out_h + out_w) // (2 * out_w)
        return 0, (h - ch) // 2, w, ch
    return 0, 0, w, h


def area_weights(n_in, n_out):
    """n_out x n_in matrix: output i averages [i * s, (i + 1) * s) of the input, s = n_in / n_out."""
    s = n_in / n_out
    m = np.zeros((n_out, n_in))
    for i in range(n_out):
        start, end = i * s, (i + 1) * s
        for j in range(int(np.floor(start)), min(int(np.ceil(end)), n_in)):
            m[i, j] = (min(end, j + 1) - max(start, j)) / s
    return m


def preprocess(rgb, cfg):
    """The model input (float32 numpy, CHW or HWC) for an HxWx3 uint8 image under a spec's image settings."""
    out_w, out_h = cfg["width"], cfg["height"]
    h, w = rgb.shape[:2]
    x0, y0, cw, ch = crop_box(w, h, out_w, out_h) if cfg.get("crop", "none") == "center" else (0, 0, w, h)
    x = torch.from_numpy(rgb[y0:y0 + ch, x0:x0 + cw].astype(np.float32)).permute(2, 0, 1)[None]
    resize = cfg["resize"]
    if resize == "none":
        assert (ch, cw) == (out_h, out_w)
    elif resize in ("bilinear", "bilinear-antialias"):
        x = F.interpolate(x, size=(out_h, out_w), mode="bilinear", align_corners=False,
                          antialias=resize == "bilinear-antialias")
    elif resize == "area":
        wh = torch.from_numpy(area_weights(ch, out_h))
        ww = torch.from_numpy(area_weights(cw, out_w))
        x = torch.einsum("yi,bcij,xj->bcyx", wh, x.double(), ww).float()
    else:
        raise ValueError(resize)
    x = x[0]
    if cfg.get("channels", "RGB") == "BGR":
        x = x.flip(0)
    scale = cfg.get("scale", 1.0)
    scale = eval(scale) if isinstance(scale, str) else scale  # "1/255"
    mean = torch.tensor(cfg.get("mean", [0.0, 0.0, 0.0]), dtype=torch.float32)[:, None, None]
    std = torch.tensor(cfg.get("std", [1.0, 1.0, 1.0]), dtype=torch.float32)[:, None, None]
    x = (x * scale - mean) / std
    if cfg.get("layout", "CHW") == "HWC":
        x = x.permute(1, 2, 0)
    return x.contiguous().numpy()


def self_check_area():
    """The area weights equal torch's adaptive average pooling where the factor is an integer."""
    x = torch.rand(1, 3, 12, 8, dtype=torch.float64)
    ours = torch.einsum("yi,bcij,xj->bcyx", torch.from_numpy(area_weights(12, 4)), x,
                        torch.from_numpy(area_weights(8, 2)))
    assert torch.allclose(ours, F.adaptive_avg_pool2d(x, (4, 2)), atol=1e-12)


# ---------------------------------------------------------------------------------------------------
# Models

class TextClassifier(torch.nn.Module):
    """Embedding, mean over the tokens the attention mask keeps, Linear, tanh, Linear."""

    def __init__(self, vocab, dim, hidden, classes):
        super().__init__()
        self.embedding = torch.nn.Embedding(vocab, dim)
        self.hidden = torch.nn.Linear(dim, hidden)
        self.out = torch.nn.Linear(hidden, classes)

    def features(self, input_ids, attention_mask):
        mask = attention_mask.unsqueeze(-1).to(torch.float32)
        summed = (self.embedding(input_ids) * mask).sum(dim=1)
        return summed / mask.sum(dim=1).clamp(min=1.0)

    def forward(self, input_ids, attention_mask):
        return self.out(torch.tanh(self.hidden(self.features(input_ids, attention_mask))))


class FusionClassifier(torch.nn.Module):
    """A small CNN over an HWC image and the text features, concatenated, then Linear."""

    def __init__(self, vocab, classes):
        super().__init__()
        self.conv1 = torch.nn.Conv2d(3, 6, 3, stride=2, padding=1)
        self.bn = torch.nn.BatchNorm2d(6)
        self.conv2 = torch.nn.Conv2d(6, 8, 3, stride=2, padding=1)
        self.text = TextClassifier(vocab, 8, 4, 2)
        self.head = torch.nn.Linear(8 + 8, classes)

    def forward(self, image, input_ids, attention_mask):
        x = image.permute(0, 3, 1, 2)
        x = F.relu(self.conv2(F.relu(self.bn(self.conv1(x)))))
        x = x.mean(dim=(2, 3))
        return self.head(torch.cat([x, self.text.features(input_ids, attention_mask)], dim=1))


def calibrate_batch_norm(model, *batch):
    """Random affine batch-norm parameters and running statistics measured on a batch, so that
    activations neither vanish nor explode and the outputs depend on the input."""
    generator = torch.Generator().manual_seed(3)
    for module in model.modules():
        if isinstance(module, torch.nn.BatchNorm2d):
            n = module.num_features
            module.reset_running_stats()
            module.momentum = None
            module.weight.data.copy_(torch.rand(n, generator=generator) + 0.5)
            module.bias.data.copy_(torch.rand(n, generator=generator) * 0.4 - 0.2)
    model.train()
    with torch.no_grad():
        model(*batch)
    model.eval()


def export(model, example, names, dynamic_batch, stem):
    """Writes <stem>.onnx (batch dimension dynamic or fixed) and, when asked, <stem>.pt (traced)."""
    model.eval()
    axes = {name: {0: "batch"} for name in names + ["logits"]} if dynamic_batch else None
    path = os.path.join(OUT_DIR, stem + ".onnx")
    torch.onnx.export(model, example, path, input_names=names, output_names=["logits"], dynamic_axes=axes,
                      opset_version=OPSET, do_constant_folding=True)
    onnx.checker.check_model(onnx.load(path))


def trace(model, example, stem):
    model.eval()
    torch.jit.trace(model, example).save(os.path.join(OUT_DIR, stem + ".pt"))


# ---------------------------------------------------------------------------------------------------
# Inputs

def pattern_image(seed, w, h):
    """Random coloured blocks over a gradient: sharp edges for the resize, small as a PNG."""
    rng = np.random.default_rng(seed)
    block = 7
    blocks = rng.integers(0, 256, size=((h + block - 1) // block, (w + block - 1) // block, 3))
    img = np.repeat(np.repeat(blocks, block, axis=0), block, axis=1)[:h, :w]
    yy, xx = np.mgrid[0:h, 0:w]
    gradient = np.stack([xx * 255 // max(1, w - 1), yy * 255 // max(1, h - 1), (xx + yy) % 256], axis=-1)
    return ((img + gradient) // 2).astype(np.uint8)


def save_png(rgb, name):
    os.makedirs(os.path.join(OUT_DIR, "images"), exist_ok=True)
    write_png(torch.from_numpy(rgb).permute(2, 0, 1).contiguous(), os.path.join(OUT_DIR, "images", name))
    return "images/" + name


def spec(name, modality, engine, model, inputs, output_categories, image=None, text=None, description=None):
    s = {"format": "glami-bench-model-spec/1", "name": name, "version": "1",
         "description": description or "random weights, a test fixture", "license": "Apache-2.0",
         "modality": modality, "engine": engine, "model": model, "inputs": inputs}
    if image is not None:
        s["image"] = image
    if text is not None:
        s["text"] = text
    s["output"] = {"kind": "logits", "categories": output_categories}
    return s


def write_json(name, value):
    """Pretty JSON, with every list of numbers on one line."""
    text = json.dumps(value, indent=2, ensure_ascii=False)
    text = re.sub(r"\[[-0-9.,e\s]*\]", lambda m: re.sub(r"\s+", "", m.group(0)).replace(",", ", "), text)
    with open(os.path.join(OUT_DIR, name), "w", encoding="utf-8") as f:
        f.write(text + "\n")


def float_list(array):
    """float32 values, each written with the fewest digits that read back as the same float32."""
    return [float(str(v)) for v in np.asarray(array, dtype=np.float32).ravel()]


def main():
    torch.set_num_threads(1)
    os.makedirs(OUT_DIR, exist_ok=True)
    self_check_area()
    write_json("tokenizer.json", tokenizer_json())
    expected = {"torch": torch.__version__, "torchvision": torchvision.__version__, "models": {}}

    # --- images
    images = [(save_png(pattern_image(1, 228, 298), "a.png"), pattern_image(1, 228, 298)),
              (save_png(pattern_image(2, 228, 298), "b.png"), pattern_image(2, 228, 298)),
              (save_png(pattern_image(3, 77, 100), "c.png"), pattern_image(3, 77, 100))]

    # --- MobileNetV2, IMAGE
    torch.manual_seed(0)
    generator = torch.Generator().manual_seed(0)
    mobilenet = torchvision.models.mobilenet_v2(width_mult=0.25, num_classes=5)
    image_cfg = {"width": 48, "height": 64, "resize": "bilinear-antialias", "crop": "none", "scale": "1/255",
                 "mean": IMAGENET_MEAN, "std": IMAGENET_STD, "channels": "RGB", "layout": "CHW"}
    calibration = [pattern_image(100 + i, 48, 64) for i in range(16)]
    calibrate_batch_norm(mobilenet, torch.from_numpy(np.stack([preprocess(rgb, image_cfg) for rgb in calibration])))
    with torch.no_grad():
        mobilenet.classifier[1].weight.normal_(0, 3 / 1280 ** 0.5, generator=generator)
    categories = [2811, 6, 53403, 132, 39412]
    example = torch.zeros(2, 3, 64, 48)
    export(mobilenet, (example,), ["image"], True, "mobilenet_v2")
    trace(mobilenet, (example,), "mobilenet_v2")
    for engine, model in (("OnnxRuntime", "mobilenet_v2.onnx"), ("PyTorch", "mobilenet_v2.pt")):
        write_json(model + ".json", spec("mobilenet-v2-tiny", "IMAGE", engine, model,
                                         [{"name": "image", "source": "image", "shape": [-1, 3, 64, 48]}],
                                         categories, image=image_cfg,
                                         description="torchvision MobileNetV2 (width 0.25), random weights"))
    batch = torch.from_numpy(np.stack([preprocess(rgb, image_cfg) for _, rgb in images]))
    with torch.no_grad():
        logits = mobilenet(batch).numpy()
    expected["models"]["mobilenet_v2"] = {
        "categories": categories,
        "items": [{"image": path, "name": "", "description": "", "logits": float_list(logits[i])}
                  for i, (path, _) in enumerate(images)]}

    # --- text, TEXT
    torch.manual_seed(1)
    text_model = TextClassifier(len(WORDS), 16, 12, 4).eval()
    with torch.no_grad():
        text_model.out.weight.mul_(5)
    max_length = 12
    text_categories = [132, 6, 86531, 2811]
    ids = torch.tensor([encode(n + " " + d, max_length)[0] for n, d in TEXT_ITEMS])
    masks = torch.tensor([encode(n + " " + d, max_length)[1] for n, d in TEXT_ITEMS])
    example = (ids[:2], masks[:2])
    export(text_model, example, ["input_ids", "attention_mask"], True, "text")
    export(text_model, example, ["input_ids", "attention_mask"], False, "text_b2")
    trace(text_model, example, "text")
    text_inputs = lambda b: [{"name": "input_ids", "source": "input_ids", "shape": [b, max_length]},
                             {"name": "attention_mask", "source": "attention_mask", "shape": [b, max_length]}]
    text_cfg = {"tokenizer": "tokenizer.json", "max_length": max_length}
    for engine, model, b in (("OnnxRuntime", "text.onnx", -1), ("PyTorch", "text.pt", -1),
                             ("OnnxRuntime", "text_b2.onnx", 2)):
        write_json(model + ".json", spec("text-tiny", "TEXT", engine, model, text_inputs(b), text_categories,
                                         text=text_cfg, description="embedding, masked mean, two linear layers"))
    with torch.no_grad():
        logits = text_model(ids, masks).numpy()
    expected["models"]["text"] = {
        "categories": text_categories,
        "items": [{"name": n, "description": d, "input_ids": ids[i].tolist(), "attention_mask": masks[i].tolist(),
                   "logits": float_list(logits[i])} for i, (n, d) in enumerate(TEXT_ITEMS)]}

    # --- fusion, IMAGE_TEXT
    torch.manual_seed(2)
    fusion = FusionClassifier(len(WORDS), 3)
    fusion_cfg = {"width": 20, "height": 24, "resize": "area", "crop": "center", "scale": 1.0,
                  "mean": [104.0, 117.0, 123.0], "std": [58.0, 57.0, 57.5], "channels": "BGR", "layout": "HWC"}
    fusion_length = 8
    fusion_categories = [39412, 6, 53403]
    fusion_items = [(images[0][0], TEXT_ITEMS[0]), (images[2][0], TEXT_ITEMS[3]), (images[1][0], TEXT_ITEMS[1])]
    rgb_of = {path: rgb for path, rgb in images}
    calibration = [preprocess(pattern_image(200 + i, 30, 40), fusion_cfg) for i in range(8)]
    calibrate_batch_norm(fusion, torch.from_numpy(np.stack(calibration)), torch.ones(8, 4, dtype=torch.long),
                         torch.ones(8, 4, dtype=torch.long))
    with torch.no_grad():
        fusion.head.weight.normal_(0, 1, generator=generator)
    f_images = torch.from_numpy(np.stack([preprocess(rgb_of[path], fusion_cfg) for path, _ in fusion_items]))
    f_ids = torch.tensor([encode(n + " " + d, fusion_length)[0] for _, (n, d) in fusion_items])
    f_masks = torch.tensor([encode(n + " " + d, fusion_length)[1] for _, (n, d) in fusion_items])
    example = (f_images[:2], f_ids[:2], f_masks[:2])
    export(fusion, example, ["image", "input_ids", "attention_mask"], True, "fusion")
    trace(fusion, example, "fusion")
    fusion_inputs = [{"name": "image", "source": "image", "shape": [-1, 24, 20, 3]},
                     {"name": "input_ids", "source": "input_ids", "shape": [-1, fusion_length]},
                     {"name": "attention_mask", "source": "attention_mask", "shape": [-1, fusion_length]}]
    for engine, model in (("OnnxRuntime", "fusion.onnx"), ("PyTorch", "fusion.pt")):
        write_json(model + ".json", spec("fusion-tiny", "IMAGE_TEXT", engine, model, fusion_inputs,
                                         fusion_categories, image=fusion_cfg,
                                         text={"tokenizer": "tokenizer.json", "max_length": fusion_length},
                                         description="small CNN and text features, concatenated"))
    with torch.no_grad():
        logits = fusion(f_images, f_ids, f_masks).numpy()
    expected["models"]["fusion"] = {
        "categories": fusion_categories,
        "items": [{"image": path, "name": n, "description": d, "input_ids": f_ids[i].tolist(),
                   "attention_mask": f_masks[i].tolist(), "logits": float_list(logits[i])}
                  for i, (path, (n, d)) in enumerate(fusion_items)]}
    write_json("expected.json", expected)

    # --- preprocessing variants on one image of random pixels
    rng = np.random.default_rng(7)
    src_w, src_h = 41, 53
    source = rng.integers(0, 256, size=(src_h, src_w, 3), dtype=np.uint8)
    variants = [
        {"width": 12, "height": 16, "resize": "bilinear", "crop": "none", "scale": "1/255"},
        {"width": 12, "height": 16, "resize": "bilinear-antialias", "crop": "none", "scale": "1/255",
         "mean": IMAGENET_MEAN, "std": IMAGENET_STD},
        {"width": 12, "height": 16, "resize": "area", "crop": "none", "scale": 1.0},
        {"width": 10, "height": 10, "resize": "area", "crop": "center", "scale": 1.0, "mean": [104.0, 117.0, 123.0],
         "std": [58.0, 57.0, 57.5], "channels": "BGR", "layout": "HWC"},
        {"width": 14, "height": 11, "resize": "bilinear-antialias", "crop": "center", "scale": "1/255"},
        {"width": 47, "height": 61, "resize": "bilinear", "crop": "none", "scale": "1/255"},
        {"width": 50, "height": 55, "resize": "bilinear-antialias", "crop": "center", "scale": "1/255"},
        {"width": 47, "height": 61, "resize": "area", "crop": "none", "scale": "1/255"},
        {"width": 41, "height": 53, "resize": "none", "crop": "none", "scale": "1/255", "channels": "BGR"},
    ]
    write_json("preprocess.json", {
        "width": src_w, "height": src_h, "rgb_base64": base64.b64encode(source.tobytes()).decode("ascii"),
        "variants": [{"image": v, "expected": float_list(preprocess(source, v))} for v in variants]})


if __name__ == "__main__":
    main()
