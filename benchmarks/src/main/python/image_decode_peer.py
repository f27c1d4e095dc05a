"""The Python peer of ImageDecodeBenchmark, on the same sample JPEGs, one thread.

Usage (Debian's python3-skimage, python3-pil, python3-numpy):
    /usr/bin/python3 benchmarks/src/main/python/image_decode_peer.py IMAGES_DIR [COUNT] [REPEATS]
Measures images/s (median of REPEATS passes over the first COUNT files, sorted by name) for:
  pil_decode        PIL.Image.open(...).convert("RGB") to a uint8 array (libjpeg, the raw decode)
  skimage_pipeline  the original GLAMI-1M preprocessing: skimage.io.imread, then
                    skimage.transform.resize to 298x228 (float64 in [0, 1]), channels first
"""
import os
import statistics
import sys
import time

import numpy as np
from PIL import Image
from skimage import io, transform


def pil_decode(path):
    with Image.open(path) as image:
        return np.asarray(image.convert("RGB"))


def skimage_pipeline(path):
    image = io.imread(path)
    return np.transpose(transform.resize(image, (298, 228)), (2, 0, 1)).astype(np.float32)


def rate(function, paths, repeats):
    for path in paths[:20]:
        function(path)
    seconds = []
    for _ in range(repeats):
        start = time.perf_counter()
        for path in paths:
            function(path)
        seconds.append(time.perf_counter() - start)
    rates = sorted(len(paths) / s for s in seconds)
    return statistics.median(rates), rates[0], rates[-1]


def main():
    folder = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    paths = [os.path.join(folder, name) for name in sorted(os.listdir(folder))[:count]]
    for name, function in (("pil_decode", pil_decode), ("skimage_pipeline", skimage_pipeline)):
        median, low, high = rate(function, paths, repeats)
        print(f"{name}: {median:,.0f} images/s (min {low:,.0f}, max {high:,.0f}; {len(paths)} images x {repeats})")


if __name__ == "__main__":
    main()
