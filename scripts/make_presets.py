#!/usr/bin/env python3
"""Writes assets/presets/*.json, the sessions the window opens on.

The lecture's numbers are copied from its slides (the same as in
tests/data/seed_examples.json); larger inputs are made here from formulas, so
nothing is downloaded. Run it again after changing it; the output is
deterministic.
"""
import json
import math
import os

OUT = os.path.join(os.path.dirname(__file__), "..", "assets", "presets")

EJEMPLO1_INPUT = [
    [[1, 2, 0, 2, 1, 2], [0, 1, 2, 1, 3, 0], [1, 2, 1, 1, 0, 0],
     [2, 1, 4, 0, 0, 1], [2, 1, 0, 2, 1, 1], [2, 3, 1, 0, 1, 0]],
    [[0, 1, 2, 2, 0, 1], [1, 2, 0, 0, 2, 4], [4, 3, 2, 1, 2, 0],
     [0, 2, 2, 1, 0, 3], [2, 1, 3, 0, 0, 1], [2, 1, 0, 2, 1, 0]],
]
EJEMPLO1_WEIGHT = [[[[1, 0, 1], [0, 2, 0], [1, 1, 1]], [[0, 1, 1], [1, 0, 1], [1, 2, 1]]]]
MAXPOOL_SLICE = {"input": [[[1, 1, 2, 4], [5, 6, 7, 8], [3, 2, 1, 0], [1, 2, 3, 4]]],
                 "mode": "max", "kernel": 2, "stride": 2}
CIFAR_MODEL = {"input_shape": [32, 32, 3], "layers": [
    {"type": "conv2d", "filters": 32, "kernel_size": 3},
    {"type": "maxpool2d", "pool_size": 2},
    {"type": "conv2d", "filters": 64, "kernel_size": 3},
    {"type": "maxpool2d", "pool_size": 2},
    {"type": "conv2d", "filters": 128, "kernel_size": 3},
    {"type": "flatten"},
    {"type": "dense", "units": 10}]}


def session(title, conv, activation="none"):
    return {"title": title, "conv": conv, "activation": activation,
            "pool": MAXPOOL_SLICE, "model": CIFAR_MODEL}


def synthetic_image(channels, size):
    """Rings, a gradient and a diagonal stripe: edges in every direction."""
    image = []
    for c in range(channels):
        plane = []
        for y in range(size):
            row = []
            for x in range(size):
                r = math.hypot(y - size / 2, x - size / 2)
                ring = 1 if int(r / (4 + c)) % 2 == 0 else 0
                stripe = 1 if abs(x - y + 8 * c) < 3 else 0
                row.append(min(9, ring * 4 + stripe * 5 + (x + y * c) * 3 // size))
            plane.append(row)
        image.append(plane)
    return image


def classic_filters(channels, count):
    """Sobel x, Sobel y, box, sharpen, Laplacian, emboss, ... spread over channels."""
    kernels = [
        [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]],
        [[-1, -2, -1], [0, 0, 0], [1, 2, 1]],
        [[1, 1, 1], [1, 1, 1], [1, 1, 1]],
        [[0, -1, 0], [-1, 5, -1], [0, -1, 0]],
        [[0, 1, 0], [1, -4, 1], [0, 1, 0]],
        [[-2, -1, 0], [-1, 1, 1], [0, 1, 2]],
        [[-1, -1, -1], [-1, 8, -1], [-1, -1, -1]],
        [[1, 2, 1], [2, 4, 2], [1, 2, 1]],
    ]
    return [[kernels[(f + c) % len(kernels)] for c in range(channels)] for f in range(count)]


def dumps(value, indent=0):
    """JSON with one grid row per line, so a preset reads like the slide."""
    pad = "  " * indent
    if isinstance(value, dict):
        items = [f'{pad}  {json.dumps(k)}: {dumps(v, indent + 1).lstrip()}' for k, v in value.items()]
        return pad + "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, list) and value and isinstance(value[0], (list, dict)):
        items = [dumps(v, indent + 1) for v in value]
        return pad + "[\n" + ",\n".join(items) + "\n" + pad + "]"
    return pad + json.dumps(value, ensure_ascii=False)


def write(name, data):
    with open(os.path.join(OUT, name + ".json"), "w", encoding="utf-8") as f:
        f.write(dumps(data) + "\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    write("ejemplo1", session("Ejemplo 1: padding 1, stride 2",
                              {"input": EJEMPLO1_INPUT, "weight": EJEMPLO1_WEIGHT,
                               "stride": 2, "padding": 1}))
    write("ejemplo1_valid", session("Ejemplo 1 without padding",
                                    {"input": EJEMPLO1_INPUT, "weight": EJEMPLO1_WEIGHT,
                                     "stride": 2, "padding": 0}))
    write("large_64x64x3", session("64×64×3 input, 8 filters of 3×3",
                                   {"input": synthetic_image(3, 64),
                                    "weight": classic_filters(3, 8), "padding": 1}))


if __name__ == "__main__":
    main()
