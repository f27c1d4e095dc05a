#!/usr/bin/env python3
"""What the original GLAMI-1M code computes for a dataset, with a checkpoint of the published
EmbraceNet's structure (random weights) and a small mT5 encoder, for the Java end-to-end tests of
baseline:glami-embracenet.

    make_glami_embracenet_run.py DATASET_DIR OUT_DIR [--no-reference]

DATASET_DIR is a GLAMI-1M-dataset folder (the harness's sample). Writes into OUT_DIR:
  checkpoint.pt        torch.save of the published dict layout (make_glami_embracenet.py's model; its
                       docking_0 reads 32 x d_model of the small encoder), for the train split's
                       categories in ascending id order (pd.get_dummies on the train split)
  model/               the small mT5 encoder's config.json, pytorch_model.bin and spiece.model
                       (make_mt5_reference.py)
  features/            item_ids.npy (int64, the test CSV's order) and features.npy (float32
                       [n, 32 x d_model]): the original's generate_text_emb.py with that encoder,
                       times the attention mask, flattened token-major
  reference_item_ids.npy, reference_probabilities.npy
                       the test items and their probabilities (exp of the log-probabilities) with
                       the mean of the three docked values (embracement=expected); not with
                       --no-reference (the peer benchmark times that forward pass itself)

Images are read as the original's EmbraceDataset reads them: skimage.io.imread, resize to (298, 228)
with preserve_range=False, float32, gray2rgb / rgba2rgb, CHW. label_source through the checkpoint's
source_binarizer, an empty one as "unknown" (the original's training fillna). Deterministic.
"""
import os
import pathlib
import sys

import numpy as np
import pandas as pd
import torch
from skimage import io
from skimage.color import gray2rgb, rgba2rgb
from skimage.transform import resize

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_glami_embracenet as network  # noqa: E402
import make_mt5_reference as mt5  # noqa: E402


def image_input(path):
    image = io.imread(path)
    image = resize(image, output_shape=(network.HEIGHT, network.WIDTH), preserve_range=False).astype(np.float32)
    if len(image.shape) == 2:
        image = gray2rgb(image)
    elif image.shape[2] == 4:
        image = rgba2rgb(image)
    return np.moveaxis(image, -1, 0)


def main():
    data = pathlib.Path(sys.argv[1])
    out = pathlib.Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(0)
    torch.set_num_threads(2)

    train = pd.read_csv(data / "GLAMI-1M-train.csv")
    test = pd.read_csv(data / "GLAMI-1M-test.csv")
    test["description"] = test["description"].fillna("")
    test["label_source"] = test["label_source"].fillna("unknown")
    categories = sorted(int(c) for c in train["category"].unique())

    weights = mt5.encoder_weights(torch.Generator().manual_seed(3))
    mt5.write_model(out / "model", mt5.full_state_dict(weights))
    sp = mt5.train_sentencepiece(out / "model")
    d_model = mt5.CONFIG["d_model"]

    texts = [" ".join([str(name), str(description)]) for name, description in zip(test["name"], test["description"])]
    tokens = [mt5.t5_tokenize(sp, text) for text in texts]
    ids = torch.tensor([t[0] for t in tokens], dtype=torch.long)
    mask = torch.tensor([t[1] for t in tokens], dtype=torch.long)
    with torch.no_grad():
        hidden = mt5.encode(weights, ids, mask)
    features = (hidden * mask[:, :, None].float()).reshape(len(texts), -1).numpy().astype(np.float32)
    (out / "features").mkdir(exist_ok=True)
    item_ids = test["item_id"].to_numpy(dtype=np.int64)
    np.save(out / "features" / "item_ids.npy", item_ids)
    np.save(out / "features" / "features.npy", features)

    model, optimizer = network.build(mt5.MAX_LENGTH * d_model, len(categories), adam_step=True)
    labels, sources = network.binarizers(categories)
    torch.save(network.checkpoint(model, optimizer, labels, sources), out / "checkpoint.pt")
    if "--no-reference" in sys.argv[3:]:
        return

    images = np.stack([image_input(data / "images" / f"{image_id}.jpg") for image_id in test["image_id"]])
    source_hot = torch.tensor(np.array([sources[s] for s in test["label_source"]]), dtype=torch.float32)
    with torch.no_grad():
        log_probabilities = model(torch.from_numpy(features), torch.from_numpy(images), source_hot)
    np.save(out / "reference_item_ids.npy", item_ids)
    np.save(out / "reference_probabilities.npy", log_probabilities.exp().numpy().astype(np.float32))


if __name__ == "__main__":
    main()
