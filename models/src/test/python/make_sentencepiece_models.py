"""Small SentencePiece models and the ids Python's sentencepiece gives for test texts.

Run by the SentencePiece tests with Debian's Python (python3-sentencepiece 0.1.97):
    /usr/bin/python3 models/src/test/python/make_sentencepiece_models.py OUT_DIR
Trains, on a generated corpus of product-like lines in the 13 GLAMI-1M languages, unigram models with the
normalizers nmt_nfkc (mT5-like special ids), nmt_nfkc_cf, identity (with byte fallback, extra whitespace
kept), and nmt_nfkc with user-defined and control symbols (whitespace as suffix), plus a BPE model; writes
them as OUT_DIR/<name>.model and OUT_DIR/expected.json:
    {"models": {name: {"file", "piece_count", "unk_id", "bos_id", "eos_id", "pad_id",
                       "pieces": [piece by id], "cases": [{"text", "ids"}...]}}}
Deterministic: fixed seeds, one training thread.
"""
import json
import pathlib
import random
import sys

import sentencepiece as spm

WORDS = {
    "cs": "šaty dámské černá bílá červená modrá bavlna kožená bunda kabát sukně tričko halenka letní zimní "
          "pánské boty tenisky kalhoty džíny velikost elegantní pohodlné řetízek žlutá světle tmavě šedá",
    "sk": "šaty dámske čierna biela červená modrá bavlna kožená bunda kabát sukňa tričko blúzka letné zimné "
          "pánske topánky tenisky nohavice džínsy veľkosť elegantné pohodlné ľahké žltá",
    "ro": "rochie femei neagră albă roșie albastră bumbac piele geacă palton fustă tricou bluză vară iarnă "
          "bărbați pantofi adidași pantaloni blugi mărime elegantă confortabilă ușoară țesătură",
    "el": "φόρεμα γυναικείο μαύρο λευκό κόκκινο μπλε βαμβάκι δερμάτινο μπουφάν παλτό φούστα μπλουζάκι "
          "καλοκαιρινό χειμερινό ανδρικά παπούτσια αθλητικά παντελόνι τζιν μέγεθος κομψό άνετο ΦΟΡΕΜΑ",
    "sl": "obleka ženska črna bela rdeča modra bombaž usnjena jakna plašč krilo majica bluza poletna zimska "
          "moški čevlji superge hlače kavbojke velikost elegantna udobna lahka",
    "hu": "ruha női fekete fehér piros kék pamut bőr dzseki kabát szoknya póló blúz nyári téli férfi cipő "
          "sportcipő nadrág farmer méret elegáns kényelmes könnyű hosszú rövid",
    "hr": "haljina ženska crna bijela crvena plava pamuk kožna jakna kaput suknja majica bluza ljetna zimska "
          "muške cipele tenisice hlače traperice veličina elegantna udobna lagana đon",
    "es": "vestido mujer negro blanco rojo azul algodón piel chaqueta abrigo falda camiseta blusa verano "
          "invierno hombre zapatos zapatillas pantalón vaqueros talla elegante cómodo ligero niño",
    "lt": "suknelė moteriška juoda balta raudona mėlyna medvilnė odinė striukė paltas sijonas marškinėliai "
          "palaidinė vasarinė žieminė vyriški batai sportbačiai kelnės džinsai dydis elegantiška patogi ąžuolas",
    "lv": "kleita sieviešu melna balta sarkana zila kokvilna ādas jaka mētelis svārki krekls blūze vasaras "
          "ziemas vīriešu kurpes botas bikses džinsi izmērs eleganta ērta viegla ģērbšanās ķēde ņemt",
    "tr": "elbise kadın siyah beyaz kırmızı mavi pamuk deri ceket mont etek tişört bluz yazlık kışlık erkek "
          "ayakkabı spor pantolon kot beden şık rahat hafif İstanbul ığdır ılık",
    "et": "kleit naiste must valge punane sinine puuvill nahk jope mantel seelik särk pluus suvine talvine "
          "meeste kingad tossud püksid teksad suurus elegantne mugav kerge õhuke üks",
    "bg": "рокля дамска черна бяла червена синя памук кожено яке палто пола тениска блуза лятна зимна "
          "мъжки обувки маратонки панталон дънки размер елегантна удобна лека щампа ъгъл",
}
BRANDS = ["Zara", "H&M", "Reserved", "Mango", "Nike", "Adidas", "Puma", "Tommy Hilfiger", "Calvin Klein", "Guess"]
SIZES = ["XS", "S", "M", "L", "XL", "XXL", "36", "38", "40", "42", "44", "100%", "2-pack"]

HARD_TEXTS = [
    "", " ", "   ", "\t", "\n", " \t\n ", "a", " a", "a ", "  a  b  ", "a\tb", "a\nb", "a\r\nb", "a  \t  b",
    "šaty\u00a0dámské", "\u00a0\u00a0NBSP\u00a0", "\u3000全角\u3000", "ＦＵＬＬ ｗｉｄｔｈ １２３", "ﬁne ﬂow ﬀ",
    "cafe\u0301 café", "e\u0301\u0301", "Ⅻ Ⅳ ⅻ", "x² H₂O ½ ™ ℃", "😀 👗👠", "👩\u200d👩\u200d👧", "emoji 😀 šaty 😀😀",
    "漢字 かな カナ 한국어", "עברית العربية", "ሰላም ᚠᛇᚻ", "\u200b", "a\u200bb", "\u200d\u200c", "\ufeffBOM",
    "\x01\x02control\x7f", "\u00ad soft\u00adhyphen", "ǅ ǈ ǋ", "ΣΊΣΥΦΟΣ ς σ", "İstanbul ıI iİ", "ß ẞ STRASSE",
    "DŽ dž Ǆ", "ﾊﾝｶｸ ｶﾀｶﾅ", "①②③ ⑴", "…", "‘quoted’ “double” «guillemets» „low“", "–—−", "Šaty Рокля Φόρεμα mix",
    "</s>", "<unk>", "<pad>", "a</s>b <unk> <s>", "<sep>", "x<sep>y", "<mask>", "XXL", "100% bavlna", "Ⅻsize",
    "\U0001d400\U0001d41a bold", "\U00010000", "\ufffd", "�replacement", "tab\tand\u000bvtab\u000cff",
    "\u2028line\u2029para", "\u0085nel", "ǰ̌", "ᾳ ᾼ", "ﬀﬃﬄ", "㎏ ㎡ ㍻", "Ａ－Ｚ", "ｱｲｳ", "\u2581 lower block \u2581\u2581",
    "   leading", "trailing   ", "   both   ", "multiple     spaces     here",
]


def corpus(seed, lines):
    rng = random.Random(seed)
    languages = sorted(WORDS)
    result = []
    for i in range(lines):
        words = WORDS[languages[i % len(languages)]].split()
        parts = [rng.choice(BRANDS)] + [rng.choice(words) for _ in range(rng.randint(2, 9))]
        parts.insert(rng.randint(1, len(parts)), rng.choice(words) + rng.choice(words)[rng.randint(0, 3):])
        if rng.random() < 0.3:
            parts.append(rng.choice("ABKMRTZ") + str(rng.randint(10, 99999)))
        if rng.random() < 0.5:
            parts.append(rng.choice(SIZES))
        if rng.random() < 0.2:
            parts[1] = parts[1].capitalize()
        result.append(" ".join(parts))
    return result


def test_texts():
    texts = list(HARD_TEXTS)
    texts += corpus(11, 130)
    rng = random.Random(12)
    every_word = [w for words in WORDS.values() for w in words.split()]
    for _ in range(60):
        mixed = " ".join(rng.choice(every_word) for _ in range(rng.randint(1, 6)))
        texts.append(rng.choice(["", " ", "  "]) + mixed.upper() if rng.random() < 0.3 else mixed)
    long_text = " ".join(rng.choice(every_word) for _ in range(400))
    texts.append(long_text[:2000])
    return texts


def train(out, name, lines, **options):
    spm.SentencePieceTrainer.train(sentence_iterator=iter(lines), model_prefix=str(out / name), num_threads=1,
                                   minloglevel=2, **options)
    return out / (name + ".model")


def main():
    out = pathlib.Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    lines = corpus(7, 4000)
    models = {
        "nfkc": train(out, "nfkc", lines, vocab_size=1000, pad_id=0, eos_id=1, unk_id=2, bos_id=-1),
        "nfkc_cf": train(out, "nfkc_cf", lines, vocab_size=800, normalization_rule_name="nmt_nfkc_cf"),
        "identity": train(out, "identity", lines, vocab_size=1200, normalization_rule_name="identity",
                          byte_fallback=True, remove_extra_whitespaces=False),
        "user_defined": train(out, "user_defined", lines, vocab_size=2000, treat_whitespace_as_suffix=True,
                              user_defined_symbols=["<sep>", "XXL", "100%", "Ⅻ", "šaty"],
                              control_symbols=["<mask>"]),
    }
    train(out, "bpe", lines, vocab_size=800, model_type="bpe")
    texts = test_texts()
    expected = {}
    for name, path in models.items():
        processor = spm.SentencePieceProcessor(model_file=str(path))
        expected[name] = {
            "file": path.name,
            "piece_count": processor.get_piece_size(),
            "unk_id": processor.unk_id(), "bos_id": processor.bos_id(),
            "eos_id": processor.eos_id(), "pad_id": processor.pad_id(),
            "pieces": [processor.id_to_piece(i) for i in range(processor.get_piece_size())],
            "cases": [{"text": text, "ids": processor.encode(text)} for text in texts],
        }
    (out / "expected.json").write_text(json.dumps({"models": expected}), encoding="utf-8")
    print("wrote", len(models), "models and", len(texts), "texts")


if __name__ == "__main__":
    main()
