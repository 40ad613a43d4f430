#!/usr/bin/env python3
"""PyTorch's side of training a whole network on Fashion-MNIST: the
lecture's model adapted to 28x28x1 pictures,

    Conv2d(1, 32, 3) ReLU MaxPool2d(2) Conv2d(32, 64, 3) ReLU MaxPool2d(2)
    Conv2d(64, 128, 3) ReLU Flatten Linear(1152, 10)

trained with cross-entropy and Adam (lr 1e-3) on batches of 64 shuffled
pictures, pixels scaled to [0, 1], in float32 on a fixed number of threads
with a fixed seed. Prints one JSON line per epoch: the seconds of training
alone (wall and CPU; not the loading, not the evaluation), the mean loss
over the epoch's pictures and the accuracy on the 10,000 test pictures as a
fraction.

Reads the gzip-compressed IDX files of Debian's dataset-fashion-mnist.
Run it with Debian's torch: /usr/bin/python3 scripts/bench_train_torch.py
"""
import argparse
import gzip
import json
import os
import struct
import time

import numpy as np
import torch
from torch import nn

DATA_DIR = "/usr/share/datasets/fashion-mnist"
BATCH = 64


def read_idx(path, magic, rank):
    """The values of an IDX file of unsigned bytes: the big-endian header
    (magic, then each dimension) and the bytes in C order."""
    with gzip.open(path, "rb") as f:
        data = f.read()
    header = 4 + 4 * rank
    found, *dims = struct.unpack(">" + "I" * (1 + rank), data[:header])
    if found != magic:
        raise SystemExit(f"{path}: magic 0x{found:08X}, expected 0x{magic:08X}")
    return np.frombuffer(data, dtype=np.uint8, offset=header).reshape(dims)


def load(data_dir, name):
    """Pictures as float32 N x 1 x 28 x 28 in [0, 1], labels as int64."""
    images = read_idx(os.path.join(data_dir, f"{name}-images-idx3-ubyte.gz"), 0x803, 3)
    labels = read_idx(os.path.join(data_dir, f"{name}-labels-idx1-ubyte.gz"), 0x801, 1)
    x = torch.from_numpy(images.astype(np.float32) / 255.0).unsqueeze(1)
    return x, torch.from_numpy(labels.astype(np.int64))


def model():
    return nn.Sequential(
        nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(64, 128, 3), nn.ReLU(),
        nn.Flatten(), nn.Linear(1152, 10))


def train_epoch(net, optimizer, x, y, generator):
    """One pass over the shuffled pictures; the mean loss per picture."""
    loss_fn = nn.CrossEntropyLoss()
    order = torch.randperm(len(x), generator=generator)
    total = 0.0
    net.train()
    for start in range(0, len(x), BATCH):
        batch = order[start:start + BATCH]
        optimizer.zero_grad()
        loss = loss_fn(net(x[batch]), y[batch])
        loss.backward()
        optimizer.step()
        total += loss.item() * len(batch)
    return total / len(x)


def accuracy(net, x, y):
    net.eval()
    with torch.no_grad():
        right = sum(int((net(x[k:k + 1000]).argmax(1) == y[k:k + 1000]).sum()) for k in range(0, len(x), 1000))
    return right / len(x)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--data-dir", default=DATA_DIR)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    generator = torch.Generator().manual_seed(args.seed)

    train_x, train_y = load(args.data_dir, "train")
    test_x, test_y = load(args.data_dir, "t10k")
    net = model()
    optimizer = torch.optim.Adam(net.parameters(), lr=1e-3)
    for epoch in range(1, args.epochs + 1):
        start, cpu_start = time.perf_counter(), time.process_time()
        loss = train_epoch(net, optimizer, train_x, train_y, generator)
        seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
        print(json.dumps({
            "epoch": epoch, "seconds": round(seconds, 3), "cpu_seconds": round(cpu_seconds, 3),
            "mean_loss": round(loss, 6), "test_accuracy": accuracy(net, test_x, test_y),
            "threads": args.threads, "torch": torch.__version__}), flush=True)


if __name__ == "__main__":
    main()
