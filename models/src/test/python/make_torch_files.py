"""Writes torch.save files for the Java reader of org.glamibench.torch, and what torch itself reads from them.

Run by the TorchFile*Test classes with Debian's Python (python3-torch 1.13, python3-numpy):
    /usr/bin/python3 models/src/test/python/make_torch_files.py OUT_DIR
writes into OUT_DIR:
  tensors.pt            {'state_dict': OrderedDict state dict of a small conv net (with _metadata and
                        BatchNorm's int64 num_batches_tracked), 'tensors': {name: tensor} of every dtype and
                        view kind (see TENSORS below), 'loss': numpy float32 scalar, 'nested': plain values}
  tensors.json          for each tensor of tensors.pt ('state_dict/<key>' and 'tensors/<name>'): dtype,
                        shape, stride, offset, 'float_bits' (int32 bits of .float(), C order) and, for
                        integer and bool dtypes, 'longs'; 'nested' as json.dumps writes it; 'loss_bits'
  pytorch_model.bin     a bare state dict, as Hugging Face saves one
  checkpoint.pt         like the published GLAMI-1M checkpoint: {epoch, model_state_dict,
                        optimizer_state_dict (after one Adam step), loss (numpy float32), label_binarizer
                        {int: one-hot list}, source_binarizer {str: one-hot list}}, storages tagged 'cuda:0'
  checkpoint.json       its tensors (as tensors.json), optimizer param_groups, the rest as JSON
  legacy.pt             torch.save(..., _use_new_zipfile_serialization=False)
  protocol4.pt          torch.save(..., pickle_protocol=4)
  protocol0.pt          a zip whose data.pkl is a text (protocol 0) pickle
  main_class.pt         a dict holding an object of __main__.Something
  truncated-<where>.pt  checkpoint.pt cut inside its first header, inside data.pkl, inside a storage and
                        inside the zip's central directory
  not-zip.pt, empty.pt  text, and nothing
  no-data-pkl.pt        a zip with only <archive>/version
  cut-pickle.pt         a valid zip whose data.pkl stops half way
  short-storage.pt      a valid zip whose data/0 is shorter than its tensor
  missing-storage.pt    a valid zip without data/1
  big-endian.pt         a valid zip with <archive>/byteorder 'big'
  little-endian.pt      a valid zip with <archive>/byteorder 'little' (as torch >= 2 writes), else small.pt:
                        {'w': float32 0..5, 'v': int64 ones(3)}
  view-beyond-storage.pt  a valid zip whose pickle says storage 0 holds 5 elements; its tensor needs 6
"""
import collections
import json
import math
import pickle
import pathlib
import struct
import sys
import zipfile

import numpy as np
import torch


class Something:
    """A class the reader must refuse by name (__main__.Something)."""

    def __init__(self):
        self.value = 1


def tensors():
    torch.manual_seed(11)
    base = torch.arange(24, dtype=torch.float32).reshape(4, 6) / 3
    shared = torch.arange(10, dtype=torch.int64) * 7 - 20
    large = torch.arange(3_000_017, dtype=torch.float32) / 7
    return {
        "f32": torch.tensor([0.1, -2.5, 1e-45, 3.4028235e38, -0.0, math.inf, math.nan], dtype=torch.float32),
        "f16": torch.tensor([0.1, -2.5, 6e-8, 65504.0, -0.0, -math.inf, math.nan, 1 / 3], dtype=torch.float16),
        "bf16": torch.tensor([0.1, -2.5, 1e-38, 3e38, -0.0, math.inf, math.nan, 1 / 3], dtype=torch.bfloat16),
        "f64": torch.tensor([[0.1, 1e-300], [1 / 3, -1e300]], dtype=torch.float64),
        "i64": torch.tensor([0, -1, 2**31, -2**63, 2**63 - 1, 2**24 + 1], dtype=torch.int64),
        "i32": torch.tensor([[0, -1], [2**31 - 1, -2**31]], dtype=torch.int32),
        "i16": torch.tensor([0, -1, 32767, -32768], dtype=torch.int16),
        "i8": torch.tensor([0, -1, 127, -128], dtype=torch.int8),
        "u8": torch.tensor([0, 1, 127, 128, 255], dtype=torch.uint8),
        "bool": torch.tensor([[True, False, True], [False, False, True]]),
        "transposed": base.t(),
        "narrowed": base[1:3, 2:5],
        "shared_a": shared[:6],
        "shared_b": shared[4:].view(2, 3),
        "scalar": torch.tensor(2.75),
        "empty": torch.zeros(0, 5),
        "parameter": torch.nn.Parameter(torch.randn(2, 3)),
        "large": large,
        "large_tail": large[1_000_003:],
    }


def net():
    torch.manual_seed(7)
    model = torch.nn.Sequential(
        torch.nn.Conv2d(3, 4, 3, bias=False), torch.nn.BatchNorm2d(4), torch.nn.ReLU(),
        torch.nn.Flatten(), torch.nn.Linear(16, 3))
    model.train()
    model(torch.randn(5, 3, 4, 4))
    return model


def describe(tensor, with_values=True):
    entry = {"dtype": str(tensor.dtype).replace("torch.", ""), "shape": list(tensor.shape),
             "stride": list(tensor.stride()), "offset": tensor.storage_offset()}
    if with_values:
        entry["float_bits"] = tensor.detach().float().contiguous().reshape(-1).view(torch.int32).tolist()
        if not tensor.dtype.is_floating_point:
            entry["longs"] = tensor.long().reshape(-1).tolist()
    return entry


def nested():
    return {
        "ints": [0, 1, -1, 255, 256, 65535, 65536, -2**31, 2**31 - 1, 2**31, 2**63 - 1, -2**63, 2**64, -2**70],
        "strs": ["", "ascii", "Žluťoučký kůň 🐎", "tab\tnewline\n"],
        "floats": [0.0, -0.0, 1.5, 1e300, 5e-324, math.inf, -math.inf],
        "none": None,
        "bools": (True, False),
        "tuple": (1, "a", (2.5, None)),
        "empty_tuple": (),
        "empty_list": [],
        "empty_dict": {},
        "int_keys": {1: "one", 2: "two"},
        "bytes": b"\x00\xffab",
        "empty_bytes": b"",
    }


def json_safe(value):
    if isinstance(value, bytes):
        return list(value)
    if isinstance(value, (list, tuple)):
        return [json_safe(v) for v in value]
    if isinstance(value, dict):
        return {str(k): json_safe(v) for k, v in value.items()}
    return value


def write_tensors(out):
    model = net()
    state = model.state_dict()
    assert hasattr(state, "_metadata") and state["1.num_batches_tracked"].dtype == torch.int64
    extra = tensors()
    assert extra["shared_a"].storage().data_ptr() == extra["shared_b"].storage().data_ptr()
    values = nested()
    loss = np.float32(0.3125)
    torch.save({"state_dict": state, "tensors": extra, "loss": loss, "nested": values}, out / "tensors.pt")
    expected = {f"state_dict/{k}": describe(v) for k, v in state.items()}
    expected.update({f"tensors/{k}": describe(v, not k.startswith("large")) for k, v in extra.items()})
    report = {"tensors": expected, "nested": json_safe(values),
              "loss_bits": struct.unpack("<i", loss.tobytes())[0]}
    (out / "tensors.json").write_text(json.dumps(report))
    torch.save(state, out / "pytorch_model.bin")


def write_checkpoint(out):
    torch.manual_seed(3)
    model = torch.nn.Sequential(torch.nn.Linear(6, 5), torch.nn.BatchNorm1d(5), torch.nn.ReLU(),
                                torch.nn.Linear(5, 4))
    optimizer = torch.optim.Adam(model.parameters())
    inputs, labels = torch.randn(8, 6), torch.tensor([0, 1, 2, 3, 0, 1, 2, 3])
    loss = torch.nn.functional.cross_entropy(model(inputs), labels)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    ids = [12, 45, 78, 1001]
    sources = ["admin", "combined-tag", "custom-tag", "quality-check", "unknown"]
    checkpoint = {
        "epoch": 2,
        "model_state_dict": model.state_dict(),
        "optimizer_state_dict": optimizer.state_dict(),
        "loss": np.float32(loss.item()),
        "label_binarizer": {i: [int(i == j) for j in ids] for i in ids},
        "source_binarizer": {s: [int(s == t) for t in sources] for s in sources},
    }
    tag_as_cuda = (1, lambda storage: "cuda:0", lambda storage, location: None)
    torch.serialization._package_registry.insert(0, tag_as_cuda)
    try:
        torch.save(checkpoint, out / "checkpoint.pt")
    finally:
        torch.serialization._package_registry.remove(tag_as_cuda)
    optimizer_state = checkpoint["optimizer_state_dict"]
    report = {
        "epoch": checkpoint["epoch"],
        "model_state_dict": {k: describe(v) for k, v in checkpoint["model_state_dict"].items()},
        "optimizer_state": {str(i): {k: describe(v) for k, v in s.items()}
                            for i, s in optimizer_state["state"].items()},
        "param_groups": json_safe(optimizer_state["param_groups"]),
        "loss_bits": struct.unpack("<i", checkpoint["loss"].tobytes())[0],
        "label_binarizer": json_safe(checkpoint["label_binarizer"]),
        "source_binarizer": checkpoint["source_binarizer"],
    }
    (out / "checkpoint.json").write_text(json.dumps(report))


def rewrite(source, target, change=lambda name, data: data, extra=None):
    """Copies the zip source to target (stored, as torch writes) with the archive folder renamed to target's
    stem; each entry goes through change(name below the archive folder, data), which returns the new data
    or None to drop the entry; extra adds entries {name below the archive folder: data}."""
    archive = target.stem
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as zout:
        for info in zin.infolist():
            name = info.filename.split("/", 1)[1]
            data = change(name, zin.read(info.filename))
            if data is not None:
                zout.writestr(f"{archive}/{name}", data)
        for name, data in (extra or {}).items():
            zout.writestr(f"{archive}/{name}", data)


def data_start(path, name):
    with zipfile.ZipFile(path) as z:
        info = z.getinfo(name)
    with open(path, "rb") as f:
        f.seek(info.header_offset)
        header = f.read(30)
    name_length, extra_length = struct.unpack("<HH", header[26:30])
    return info.header_offset + 30 + name_length + extra_length


def fewer_elements(pickled):
    """The pickle of small.pt with storage 0 (6 elements, persistent id ending BININT1 6, TUPLE) said to hold 5."""
    assert pickled.count(b"K\x06t") == 1
    return pickled.replace(b"K\x06t", b"K\x05t")


def write_errors(out):
    small = {"w": torch.arange(6, dtype=torch.float32), "v": torch.ones(3, dtype=torch.int64)}
    torch.save(small, out / "legacy.pt", _use_new_zipfile_serialization=False)
    torch.save(small, out / "protocol4.pt", pickle_protocol=4)
    torch.save({"x": Something()}, out / "main_class.pt")
    checkpoint = out / "checkpoint.pt"
    whole = checkpoint.read_bytes()
    archive = "checkpoint"
    biggest = max((i for i in zipfile.ZipFile(checkpoint).infolist() if "/data/" in i.filename),
                  key=lambda i: i.file_size)
    cuts = {"header": 10, "data-pkl": data_start(checkpoint, f"{archive}/data.pkl") + 20,
            "storage": data_start(checkpoint, biggest.filename) + biggest.file_size // 2,
            "directory": len(whole) - 10}
    for where, length in cuts.items():
        (out / f"truncated-{where}.pt").write_bytes(whole[:length])
    (out / "not-zip.pt").write_text("hello, I am not a zip\n")
    (out / "empty.pt").write_bytes(b"")
    with zipfile.ZipFile(out / "no-data-pkl.pt", "w") as z:
        z.writestr("archive/version", "3\n")
    small_file = out / "small.pt"
    torch.save(small, small_file)
    rewrite(small_file, out / "cut-pickle.pt", lambda name, data: data[:len(data) // 2] if name == "data.pkl" else data)
    rewrite(small_file, out / "short-storage.pt", lambda name, data: data[:-4] if name == "data/0" else data)
    rewrite(small_file, out / "missing-storage.pt", lambda name, data: None if name == "data/1" else data)
    rewrite(small_file, out / "protocol0.pt",
            lambda name, data: pickle.dumps({"a": 1}, protocol=0) if name == "data.pkl" else data)
    rewrite(small_file, out / "view-beyond-storage.pt",
            lambda name, data: fewer_elements(data) if name == "data.pkl" else data)
    rewrite(small_file, out / "little-endian.pt", extra={"byteorder": b"little"})
    rewrite(small_file, out / "big-endian.pt", extra={"byteorder": b"big"})


def main():
    out = pathlib.Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    write_tensors(out)
    write_checkpoint(out)
    write_errors(out)


if __name__ == "__main__":
    main()
