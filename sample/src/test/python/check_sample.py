"""Independent check of a sample written by `glami-bench sample`, with pandas and scikit-learn.

Usage: python3 check_sample.py DIR [--size WxH] [--mlp]
  DIR: the GLAMI-1M-dataset folder (or the folder holding it).

Reads both CSVs the way the original GLAMI-1M loader does (pd.read_csv, no options), checks the
format and the published shares, then trains quick classifiers on train and reports top-1 on
test: text only (TF-IDF character n-grams of name + description, linear), image only (downscaled
pixels, standardised, 128 PCA components, logistic regression or a small MLP), both (the two
feature sets concatenated, linear; and the product of the two models' probabilities), next to
the majority-class prior.
"""
import argparse
import os
import sys
import time
import warnings

import numpy as np
import pandas as pd
from PIL import Image
from scipy import sparse
from sklearn.decomposition import PCA
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression, SGDClassifier
from sklearn.neural_network import MLPClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

COLUMNS = ["item_id", "image_id", "geo", "name", "description", "category", "category_name", "label_source"]
TEST_GEO_ROWS = {"cz": 11755, "sk": 19252, "ro": 2434, "gr": 3533, "si": 6332, "hu": 8024, "hr": 8117,
                 "es": 3405, "lt": 17906, "lv": 4181, "tr": 10792, "ee": 8911, "bg": 11362}
TRAIN_GEO_PERCENT = {"sk": 18.7, "lt": 13.8, "cz": 12.4, "tr": 11.2, "bg": 8.2, "hu": 6.6, "hr": 5.9,
                     "gr": 5.0, "ro": 4.9, "ee": 4.5, "si": 4.1, "es": 2.2, "lv": 2.1}


def check_format(folder):
    frames = {}
    for split in ("train", "test"):
        path = os.path.join(folder, f"GLAMI-1M-{split}.csv")
        df = pd.read_csv(path)
        assert list(df.columns) == COLUMNS, df.columns
        nan = df.isna().sum()
        assert nan.drop(["description", "label_source"]).sum() == 0, nan
        with open(path, "rb") as f:
            raw = f.read()
        roundtrip = df.to_csv(index=False).encode("utf-8")
        print(f"{split}: {len(df)} rows, {df.category.nunique()} categories, {df.geo.nunique()} geos, "
              f"{df.image_id.nunique()} images, empty descriptions {df.description.isna().mean():.1%}, "
              f"pandas to_csv round trip {'identical' if raw == roundtrip else 'DIFFERENT'}")
        geo = df.geo.value_counts(normalize=True) * 100
        wanted = TEST_GEO_ROWS if split == "test" else TRAIN_GEO_PERCENT
        total = sum(wanted.values())
        worst = max(abs(geo.get(g, 0) - 100 * v / total) for g, v in wanted.items())
        print(f"  geo shares: worst deviation from published {worst:.2f} points")
        print("  label_source %: " + ", ".join(f"{k}={v:.1f}" for k, v in
              (df.label_source.fillna("(empty)").value_counts(normalize=True) * 100).items()))
        shared = df.groupby("image_id").geo.nunique()
        print(f"  images listed in several geos: {(shared > 1).sum()}")
        frames[split] = df
    train, test = frames["train"], frames["test"]
    assert not set(train.image_id) & set(test.image_id), "image ids shared between splits"
    assert not set(train.item_id) & set(test.item_id) and train.item_id.is_unique and test.item_id.is_unique
    assert not train.item_id.is_monotonic_increasing
    return train, test


def image_features(folder, df, size):
    """Each row's photo, downscaled to size (w, h), as RGB floats in [0, 1]."""
    cache = {}
    rows = []
    for image_id in df.image_id:
        if image_id not in cache:
            with Image.open(os.path.join(folder, "images", f"{image_id}.jpg")) as image:
                image.draft("RGB", (size[0] * 2, size[1] * 2))
                small = image.convert("RGB").resize(size, Image.BOX)
                cache[image_id] = np.asarray(small, dtype=np.float32).ravel() / 255.0
        rows.append(cache[image_id])
    return np.stack(rows)


def main():
    # Quick models: the logistic regression stops at 300 iterations; 1000 give the same accuracy.
    warnings.filterwarnings("ignore", category=ConvergenceWarning)
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("--size", default="19x25", help="image size the image model sees (default 19x25)")
    parser.add_argument("--mlp", action="store_true", help="image model: small MLP instead of logistic regression")
    args = parser.parse_args()
    folder = args.folder
    if os.path.isdir(os.path.join(folder, "GLAMI-1M-dataset")):
        folder = os.path.join(folder, "GLAMI-1M-dataset")
    train, test = check_format(folder)
    y_train, y_test = train.category.to_numpy(), test.category.to_numpy()
    results = {"prior (majority class)": (y_test == train.category.value_counts().idxmax()).mean()}
    started = time.time()

    def text(df):
        return (df["name"] + " " + df["description"].fillna("")).tolist()

    def linear():
        return SGDClassifier(loss="log_loss", alpha=1e-5, max_iter=15, tol=None, n_jobs=2, random_state=0)

    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), min_df=3, sublinear_tf=True)
    xt_train, xt_test = vectorizer.fit_transform(text(train)), vectorizer.transform(text(test))
    text_model = linear().fit(xt_train, y_train)
    results["text only"] = (text_model.predict(xt_test) == y_test).mean()

    if os.path.isdir(os.path.join(folder, "images")):
        size = tuple(int(v) for v in args.size.split("x"))
        pixels = make_pipeline(StandardScaler(), PCA(n_components=128, whiten=True, random_state=0))
        xi_train = pixels.fit_transform(image_features(folder, train, size))
        xi_test = pixels.transform(image_features(folder, test, size))
        if args.mlp:
            image_model = MLPClassifier(hidden_layer_sizes=(256,), alpha=1e-2, max_iter=100,
                                        early_stopping=True, random_state=0)
        else:
            image_model = LogisticRegression(C=0.1, max_iter=300)
        image_model.fit(xi_train, y_train)
        results["image only"] = (image_model.predict(xi_test) == y_test).mean()
        # Early fusion: text n-grams and image components side by side, the image block scaled to
        # about the text block's (unit) norm.
        weight = 1.0 / np.sqrt(xi_train.shape[1])
        xf_train = sparse.hstack([xt_train, sparse.csr_matrix(xi_train * weight)]).tocsr()
        xf_test = sparse.hstack([xt_test, sparse.csr_matrix(xi_test * weight)]).tocsr()
        results["text + image (concat)"] = (linear().fit(xf_train, y_train).predict(xf_test) == y_test).mean()
        # Late fusion: product of the two models' class probabilities.
        proba = text_model.predict_proba(xt_test) * image_model.predict_proba(xi_test)
        results["text x image (late)"] = (text_model.classes_[proba.argmax(1)] == y_test).mean()
    for name, value in results.items():
        print(f"{name:24s} top-1 {value:.3f}")
    print(f"features and models: {time.time() - started:.0f} s")


if __name__ == "__main__":
    sys.exit(main())
