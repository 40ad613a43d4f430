#!/usr/bin/env python3
"""Writes assets/networks/fashion_examples.json: the first two images of each
class in Fashion-MNIST's test set (t10k, in file order), which the network
view shows when the data set is not installed. Needs the Debian package
dataset-fashion-mnist. Fashion-MNIST: Zalando Research, MIT licence."""
import gzip
import json
import os
import struct
import sys

DATA = "/usr/share/datasets/fashion-mnist"
PER_CLASS = 2


def read(name):
    with gzip.open(os.path.join(DATA, name), "rb") as f:
        return f.read()


def main():
    images = read("t10k-images-idx3-ubyte.gz")
    labels = read("t10k-labels-idx1-ubyte.gz")
    magic, count, rows, cols = struct.unpack(">IIII", images[:16])
    assert magic == 0x803 and (rows, cols) == (28, 28)
    taken = {c: 0 for c in range(10)}
    chosen = []
    for i in range(count):
        label = labels[8 + i]
        if taken[label] == PER_CLASS:
            continue
        taken[label] += 1
        start = 16 + i * rows * cols
        pixels = images[start:start + rows * cols]
        chosen.append({"test_index": i, "label": label,
                       "pixels": [list(pixels[r * cols:(r + 1) * cols]) for r in range(rows)]})
        if all(n == PER_CLASS for n in taken.values()):
            break
    chosen.sort(key=lambda e: (e["label"], e["test_index"]))
    out = os.path.join(os.path.dirname(__file__), "..", "assets", "networks", "fashion_examples.json")
    with open(out, "w") as f:
        f.write('{"source": "Fashion-MNIST test set (t10k-images-idx3-ubyte), Zalando Research, MIT licence",\n')
        f.write(' "examples": [\n')
        for n, e in enumerate(chosen):
            rows_text = ",\n   ".join(json.dumps(r, separators=(",", ":")) for r in e["pixels"])
            comma = "," if n + 1 < len(chosen) else ""
            f.write(f'  {{"test_index": {e["test_index"]}, "label": {e["label"]}, "pixels": [\n   {rows_text}]}}{comma}\n')
        f.write(" ]}\n")
    print(f"{len(chosen)} examples -> {os.path.normpath(out)}", file=sys.stderr)


if __name__ == "__main__":
    main()
