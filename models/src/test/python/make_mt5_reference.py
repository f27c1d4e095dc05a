"""Writes a small mT5 encoder, a small SentencePiece model and reference outputs for the Mt5*Test classes.

Usage (the tests run it into a temporary folder):
    /usr/bin/python3 models/src/test/python/make_mt5_reference.py OUT_DIR

The encoder is the T5 v1.1 / mT5 encoder as Hugging Face transformers' modeling_t5.py defines it
(transformers is not needed: it is written here in plain torch, float32), with random weights from a
fixed seed, saved with torch.save under Hugging Face key names. It writes:
  model/config.json, model/pytorch_model.bin, model/spiece.model   the model folder Java loads
      (shared.weight and encoder.embed_tokens.weight share one storage, as in Hugging Face; a few
      decoder.* tensors and lm_head.weight are there to be ignored)
  missing-key/, wrong-shape/, unexpected-key/                     config.json and a broken
      pytorch_model.bin (the key broken is in broken.json)
  hidden.json    batches of ids and attention masks with their last_hidden_state
  features.json  texts with their T5Tokenizer ids (padding max_length 32, truncation) and their
                 features: last_hidden_state times the mask (masked) or not (unmasked), token-major
"""
import json
import math
import pathlib
import random
import sys

import sentencepiece as spm
import torch

CONFIG = {
    "vocab_size": 300,
    "d_model": 32,
    "d_kv": 6,
    "d_ff": 64,
    "num_layers": 3,
    "num_decoder_layers": 3,
    "num_heads": 4,
    "relative_attention_num_buckets": 32,
    "relative_attention_max_distance": 128,
    "layer_norm_epsilon": 1e-6,
    "feed_forward_proj": "gated-gelu",
    "model_type": "mt5",
    "tie_word_embeddings": False,
}
MAX_LENGTH = 32
WORDS = ["dámské", "pánské", "šaty", "tričko", "boty", "kabát", "modrá", "černé", "bílý", "letní",
         "zimní", "bavlna", "kožené", "sukně", "kalhoty", "mikina", "svetr", "košile", "džíny", "tenisky", "sandály",
         "women", "men", "dress", "shirt", "shoes", "coat", "blue", "black", "white", "cotton", "leather",
         "robe", "chemise", "chaussures", "noir", "blanc", "Kleid", "Hemd", "Schuhe", "schwarz", "weiß",
         "size", "XL", "38", "42", "100%", "slim", "fit", "oversized", "midi", "maxi", "mini"]


def encoder_weights(generator):
    c = CONFIG
    d, inner, ff = c["d_model"], c["num_heads"] * c["d_kv"], c["d_ff"]

    def normal(*shape, std=1.0):
        return torch.randn(*shape, generator=generator) * std

    def linear(out_features, in_features):
        return normal(out_features, in_features, std=1.0 / math.sqrt(in_features))

    def norm():
        return 1.0 + normal(d, std=0.2)

    w = {"shared.weight": normal(c["vocab_size"], d)}
    w["encoder.embed_tokens.weight"] = w["shared.weight"]
    for i in range(c["num_layers"]):
        prefix = f"encoder.block.{i}.layer."
        for name in "qkv":
            w[prefix + f"0.SelfAttention.{name}.weight"] = linear(inner, d)
        w[prefix + "0.SelfAttention.o.weight"] = linear(d, inner)
        if i == 0:
            w[prefix + "0.SelfAttention.relative_attention_bias.weight"] = normal(
                c["relative_attention_num_buckets"], c["num_heads"], std=2.0)
        w[prefix + "0.layer_norm.weight"] = norm()
        w[prefix + "1.DenseReluDense.wi_0.weight"] = linear(ff, d)
        w[prefix + "1.DenseReluDense.wi_1.weight"] = linear(ff, d)
        w[prefix + "1.DenseReluDense.wo.weight"] = linear(d, ff)
        w[prefix + "1.layer_norm.weight"] = norm()
    w["encoder.final_layer_norm.weight"] = norm()
    return w


def full_state_dict(encoder):
    """The encoder plus decoder and lm_head tensors, as a T5ForConditionalGeneration checkpoint has them."""
    generator = torch.Generator().manual_seed(7)
    c = CONFIG
    state = dict(encoder)
    state["decoder.embed_tokens.weight"] = encoder["shared.weight"]
    state["decoder.block.0.layer.0.SelfAttention.q.weight"] = torch.randn(
        c["num_heads"] * c["d_kv"], c["d_model"], generator=generator)
    state["decoder.block.0.layer.1.EncDecAttention.k.weight"] = torch.randn(
        c["num_heads"] * c["d_kv"], c["d_model"], generator=generator)
    state["decoder.final_layer_norm.weight"] = torch.ones(c["d_model"])
    state["lm_head.weight"] = torch.randn(c["vocab_size"], c["d_model"], generator=generator)
    return state


def relative_position_bucket(relative_position):
    """Bidirectional buckets of key position minus query position, as modeling_t5.py computes them."""
    num_buckets = CONFIG["relative_attention_num_buckets"] // 2
    max_distance = CONFIG["relative_attention_max_distance"]
    buckets = (relative_position > 0).to(torch.long) * num_buckets
    distance = torch.abs(relative_position)
    max_exact = num_buckets // 2
    is_small = distance < max_exact
    if_large = max_exact + (torch.log(distance.float() / max_exact) / math.log(max_distance / max_exact)
                            * (num_buckets - max_exact)).to(torch.long)
    if_large = torch.min(if_large, torch.full_like(if_large, num_buckets - 1))
    return buckets + torch.where(is_small, distance, if_large)


def rms_norm(x, weight):
    variance = x.pow(2).mean(-1, keepdim=True)
    return weight * (x * torch.rsqrt(variance + CONFIG["layer_norm_epsilon"]))


def gelu_tanh(x):
    return 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * torch.pow(x, 3.0))))


def encode(w, ids, mask):
    """last_hidden_state of MT5EncoderModel for ids and mask ([batch, length] int64 tensors)."""
    c = CONFIG
    batch, length = ids.shape
    heads, d_kv = c["num_heads"], c["d_kv"]
    x = w["shared.weight"][ids]
    positions = torch.arange(length, dtype=torch.long)
    relative = positions[None, :] - positions[:, None]
    bias_table = w["encoder.block.0.layer.0.SelfAttention.relative_attention_bias.weight"]
    position_bias = bias_table[relative_position_bucket(relative)].permute(2, 0, 1).unsqueeze(0)
    mask_bias = (1.0 - mask[:, None, None, :].float()) * torch.finfo(torch.float32).min
    bias = position_bias + mask_bias

    def heads_of(t):
        return t.view(batch, length, heads, d_kv).transpose(1, 2)

    for i in range(c["num_layers"]):
        p = f"encoder.block.{i}.layer."
        h = rms_norm(x, w[p + "0.layer_norm.weight"])
        q = heads_of(h @ w[p + "0.SelfAttention.q.weight"].T)
        k = heads_of(h @ w[p + "0.SelfAttention.k.weight"].T)
        v = heads_of(h @ w[p + "0.SelfAttention.v.weight"].T)
        scores = torch.matmul(q, k.transpose(3, 2)) + bias
        attention = torch.softmax(scores.float(), dim=-1)
        context = torch.matmul(attention, v).transpose(1, 2).reshape(batch, length, heads * d_kv)
        x = x + context @ w[p + "0.SelfAttention.o.weight"].T
        h = rms_norm(x, w[p + "1.layer_norm.weight"])
        gated = gelu_tanh(h @ w[p + "1.DenseReluDense.wi_0.weight"].T) * (h @ w[p + "1.DenseReluDense.wi_1.weight"].T)
        x = x + gated @ w[p + "1.DenseReluDense.wo.weight"].T
    return rms_norm(x, w["encoder.final_layer_norm.weight"])


def padded_batch(rng, lengths, width):
    ids = [[rng.randrange(CONFIG["vocab_size"]) for _ in range(n)] + [0] * (width - n) for n in lengths]
    mask = [[1] * n + [0] * (width - n) for n in lengths]
    return torch.tensor(ids, dtype=torch.long), torch.tensor(mask, dtype=torch.long)


def hidden_cases(w):
    rng = random.Random(11)
    cases = []
    for lengths, width in [([1, 7, 20, 32], 32), ([32], 32), ([1], 1), ([160, 90], 160), ([0, 3], 5)]:
        ids, mask = padded_batch(rng, lengths, width)
        with torch.no_grad():
            hidden = encode(w, ids, mask)
        cases.append({"ids": ids.tolist(), "mask": mask.tolist(), "hidden": hidden.tolist()})
    return cases


def train_sentencepiece(folder):
    rng = random.Random(5)
    syllables = [a + b for a in "bcdfghjklmnprstvzšžč" for b in "aeiouyáéíů"]
    words = WORDS + ["".join(rng.choice(syllables) for _ in range(rng.randrange(1, 4))) for _ in range(600)]
    lines = [" ".join(rng.choice(words) for _ in range(rng.randrange(3, 12))) for _ in range(3000)]
    corpus = folder / "corpus.txt"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    spm.SentencePieceTrainer.train(input=str(corpus), model_prefix=str(folder / "spiece"), vocab_size=300,
                                   model_type="unigram", pad_id=0, eos_id=1, unk_id=2, bos_id=-1,
                                   character_coverage=1.0, num_threads=1, minloglevel=2)
    corpus.unlink()
    (folder / "spiece.vocab").unlink()
    return spm.SentencePieceProcessor(model_file=str(folder / "spiece.model"))


def t5_tokenize(sp, text):
    """What T5Tokenizer(padding="max_length", max_length=32, truncation=True) gives for one text."""
    ids = sp.encode(text)[:MAX_LENGTH - 1] + [sp.eos_id()]
    mask = [1] * len(ids) + [0] * (MAX_LENGTH - len(ids))
    return ids + [sp.pad_id()] * (MAX_LENGTH - len(ids)), mask


def feature_cases(w, sp):
    texts = ["Dámské šaty midi modrá",
             "",
             "shirt ",
             " ".join(WORDS),
             "Kleid schwarz weiß 100% cotton, size XL — robe noir ☃",
             "tenisky"]
    rows = [t5_tokenize(sp, text) for text in texts]
    ids = torch.tensor([r[0] for r in rows], dtype=torch.long)
    mask = torch.tensor([r[1] for r in rows], dtype=torch.long)
    with torch.no_grad():
        hidden = encode(w, ids, mask)
    masked = hidden * mask[:, :, None].float()
    return {"texts": texts, "ids": ids.tolist(), "mask": mask.tolist(),
            "masked": masked.reshape(len(texts), -1).tolist(),
            "unmasked": hidden.reshape(len(texts), -1).tolist()}


def write_model(folder, state):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "config.json").write_text(json.dumps(CONFIG, indent=2), encoding="utf-8")
    torch.save(state, folder / "pytorch_model.bin")


def write_broken(out, state):
    missing = dict(state)
    del missing["encoder.block.1.layer.1.DenseReluDense.wo.weight"]
    write_model(out / "missing-key", missing)
    (out / "missing-key" / "broken.json").write_text(
        json.dumps({"key": "encoder.block.1.layer.1.DenseReluDense.wo.weight"}), encoding="utf-8")

    wrong = dict(state)
    wrong["encoder.block.2.layer.0.SelfAttention.k.weight"] = torch.zeros(CONFIG["d_model"], CONFIG["d_model"])
    write_model(out / "wrong-shape", wrong)
    (out / "wrong-shape" / "broken.json").write_text(
        json.dumps({"key": "encoder.block.2.layer.0.SelfAttention.k.weight"}), encoding="utf-8")

    unexpected = dict(state)
    unexpected["encoder.block.1.layer.0.SelfAttention.relative_attention_bias.weight"] = torch.zeros(
        CONFIG["relative_attention_num_buckets"], CONFIG["num_heads"])
    write_model(out / "unexpected-key", unexpected)
    (out / "unexpected-key" / "broken.json").write_text(
        json.dumps({"key": "encoder.block.1.layer.0.SelfAttention.relative_attention_bias.weight"}),
        encoding="utf-8")


def main():
    out = pathlib.Path(sys.argv[1])
    torch.manual_seed(0)
    torch.set_num_threads(1)
    weights = encoder_weights(torch.Generator().manual_seed(3))
    state = full_state_dict(weights)
    write_model(out / "model", state)
    sp = train_sentencepiece(out / "model")
    write_broken(out, state)
    (out / "hidden.json").write_text(json.dumps({"cases": hidden_cases(weights)}), encoding="utf-8")
    (out / "features.json").write_text(json.dumps(feature_cases(weights, sp)), encoding="utf-8")


if __name__ == "__main__":
    main()
