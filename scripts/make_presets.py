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


# "Ejemplo de convolución": the slide follows the CS231n demo (5×5×3 input,
# padding 1, two 3×3×3 filters at stride 2 -> 3×3×2) but prints only Filtro 2.
# Filtro 2 (w1, b1 = 0) is the slide's, in PyTorch's layout weight[1][c] =
# w1[:, :, c]. The input volume and Filtro 1 (b0 = 1) are ours, drawn from the
# demo's ranges (inputs 0..2, weights -1..1).
EJEMPLO_CONV_INPUT = [
    [[0, 1, 2, 0, 1], [2, 0, 1, 1, 0], [1, 2, 0, 2, 1], [0, 1, 1, 0, 2], [2, 0, 2, 1, 0]],
    [[1, 0, 0, 2, 1], [0, 2, 1, 0, 1], [2, 1, 2, 1, 0], [1, 0, 0, 2, 2], [0, 1, 2, 0, 1]],
    [[2, 1, 0, 1, 0], [1, 1, 2, 0, 2], [0, 2, 1, 1, 1], [2, 0, 1, 2, 0], [1, 2, 0, 0, 1]],
]
EJEMPLO_CONV_FILTRO1 = [
    [[1, 0, -1], [0, 1, 1], [-1, 0, 1]],
    [[0, 1, 0], [-1, 0, 1], [1, -1, 0]],
    [[-1, 1, 1], [0, 0, -1], [1, 0, 0]],
]
EJEMPLO_CONV_FILTRO2 = [
    [[0, -1, 1], [1, -1, -1], [-1, 1, 1]],
    [[1, 0, 0], [1, 1, 0], [1, -1, 0]],
    [[1, -1, 1], [0, -1, 0], [-1, 0, 1]],
]


def session(title, conv, activation="none", model=CIFAR_MODEL, note=None):
    """A session; `note` says where the numbers come from (the window ignores it)."""
    data = {"title": title}
    if note:
        data["note"] = note
    data.update({"conv": conv, "activation": activation, "pool": MAXPOOL_SLICE, "model": model})
    return data


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


def seven_filters():
    """Seven 5×5×3 filters of small integers, each looking for something else
    (vertical, horizontal and diagonal edges, a spot, a ring, a blur, a
    checkerboard texture), with the sign flipped on some colour channels."""
    def sign(v):
        return (v > 0) - (v < 0)
    patterns = [
        lambda dy, dx: sign(dx),
        lambda dy, dx: sign(dy),
        lambda dy, dx: sign(dx - dy),
        lambda dy, dx: {0: 2, 1: -1}.get(abs(dy) + abs(dx), 0),
        lambda dy, dx: 1 if max(abs(dy), abs(dx)) == 2 else -1,
        lambda dy, dx: 1,
        lambda dy, dx: 1 if (dy + dx) % 2 == 0 else -1,
    ]
    return [[[[pattern(y - 2, x - 2) * (-1 if (f + c) % 3 == 0 else 1) for x in range(5)]
              for y in range(5)] for c in range(3)] for f, pattern in enumerate(patterns)]


def test_picture(size=48):
    """A grayscale picture (0-255) with a disc, a square and two patches of
    stripes, one vertical and one horizontal: edges in every direction and
    two textures that Sobel x and Sobel y tell apart."""
    picture = []
    for y in range(size):
        row = []
        for x in range(size):
            value = 30
            if math.hypot(y - 13.5, x - 13.5) <= 9:
                value = 200
            if 6 <= y < 21 and 27 <= x < 42:
                value = 120
            if 28 <= y < 44 and 4 <= x < 22:
                value = 240 if x % 4 < 2 else 0
            if 28 <= y < 44 and 26 <= x < 44:
                value = 240 if y % 4 < 2 else 0
            row.append(value)
        picture.append(row)
    return [picture]


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
    write("ejemplo_convolucion", session(
        "Ejemplo de convolución: 5×5×3, 2 filtros 3×3×3, padding 1, stride 2 "
        "(entrada y Filtro 1 ilustrativos)",
        {"input": EJEMPLO_CONV_INPUT, "weight": [EJEMPLO_CONV_FILTRO1, EJEMPLO_CONV_FILTRO2],
         "bias": [1, 0], "stride": 2, "padding": 1},
        note="Filtro 2 (w1, b1 = 0) is the lecture's. The input volume and Filtro 1 "
             "(b0 = 1) are illustrative values in the ranges of the CS231n demo the "
             "slide follows (inputs 0..2, weights -1..1), not the slide's."))
    write("siete_filtros", session(
        "7 filtros 5×5×3 sobre una imagen 32×32×3: salida 28×28×7 (un canal por filtro)",
        {"input": synthetic_image(3, 32), "weight": seven_filters()},
        model={"input_shape": [32, 32, 3],
               "layers": [{"type": "conv2d", "filters": 7, "kernel_size": 5}]}))
    write("imagen_bordes", session(
        "Imagen 48×48 en grises: Sobel x, Sobel y y desenfoque 3×3 (bordes y texturas)",
        {"input": test_picture(),
         "weight": [[[[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]]],
                    [[[-1, -2, -1], [0, 0, 0], [1, 2, 1]]],
                    [[[1 / 9] * 3] * 3]],
         "padding": 1},
        note="What a convolution learns: Sobel x answers to vertical edges and stripes, "
             "Sobel y to horizontal ones, the box blur (each weight 1/9) averages "
             "texture away. The picture is drawn by scripts/make_presets.py."))


if __name__ == "__main__":
    main()
