"""The same training epoch as `deep-mnist bench`, in vectorised numpy, for comparison.

784-256-128-10, ReLU, He initialisation, softmax and cross-entropy, momentum 0.9,
η = 0.05, 50,000 images in shuffled mini-batches; prints the best s/epoch of
--epochs epochs for each batch size, in float64 and float32. Used only by
benchmarks/compare-deep; the workbook itself never needs Python.
"""
import argparse
import gzip
import os
import time

import numpy as np


def load_images(directory):
    with gzip.open(os.path.join(directory, "train-images-idx3-ubyte.gz")) as f:
        pixels = np.frombuffer(f.read(), dtype=np.uint8, offset=16)
    with gzip.open(os.path.join(directory, "train-labels-idx1-ubyte.gz")) as f:
        labels = np.frombuffer(f.read(), dtype=np.uint8, offset=8)
    return pixels.reshape(-1, 784)[:50000], labels[:50000]


def epoch_seconds(images, labels, batch, dtype, rng):
    sizes = [784, 256, 128, 10]
    weights = [rng.standard_normal((o, i)).astype(dtype) * np.sqrt(2 / i).astype(dtype) for i, o in zip(sizes, sizes[1:])]
    biases = [np.zeros(o, dtype) for o in sizes[1:]]
    velocity_w = [np.zeros_like(w) for w in weights]
    velocity_b = [np.zeros_like(b) for b in biases]
    eta, mu = dtype(0.05), dtype(0.9)
    order = rng.permutation(len(labels))
    eye = np.eye(10, dtype=dtype)
    start = time.perf_counter()
    for first in range(0, len(order) - batch + 1, batch):
        rows = order[first:first + batch]
        x = images[rows].astype(dtype) * dtype(1 / 255)
        t = eye[labels[rows]]
        activations, zs = [x], []
        for l, (w, b) in enumerate(zip(weights, biases)):
            z = activations[-1] @ w.T + b
            zs.append(z)
            activations.append(np.maximum(z, 0) if l < 2 else z)
        z = zs[-1] - zs[-1].max(axis=1, keepdims=True)
        y = np.exp(z)
        y /= y.sum(axis=1, keepdims=True)
        delta = (y - t) / dtype(batch)
        for l in range(2, -1, -1):
            grad_w = delta.T @ activations[l]
            grad_b = delta.sum(axis=0)
            if l > 0:
                delta = (delta @ weights[l]) * (zs[l - 1] > 0)
            velocity_w[l] *= mu
            velocity_w[l] -= eta * grad_w
            velocity_b[l] *= mu
            velocity_b[l] -= eta * grad_b
            weights[l] += velocity_w[l]
            biases[l] += velocity_b[l]
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", default=os.environ.get("MNIST_DIR", "data/mnist"))
    parser.add_argument("--epochs", type=int, default=2)
    arguments = parser.parse_args()
    images, labels = load_images(arguments.data)
    rng = np.random.default_rng(1)
    blas = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
    print(f"numpy {np.__version__}, {blas['name']} {blas.get('version', '')}, "
          f"threads: {os.environ.get('OPENBLAS_NUM_THREADS', 'every core')}; 784-256-128-10 ReLU, momentum 0.9, "
          f"50,000 images, the best of {arguments.epochs} epochs:")
    for batch in (32, 64, 128):
        for dtype in (np.float64, np.float32):
            seconds = min(epoch_seconds(images, labels, batch, dtype, rng) for _ in range(arguments.epochs))
            print(f"batch {batch:4d}  {np.dtype(dtype).name:8s}  {seconds:.3f} s/epoch")


if __name__ == "__main__":
    main()
