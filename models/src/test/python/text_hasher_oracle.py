"""Independent implementation of org.glamibench.models.input.TextHasher, as its javadoc defines it.

Prints the ids of the texts that TextHasherTest checks, for pasting into the test:
    /usr/bin/python3 models/src/test/python/text_hasher_oracle.py
"""
import unicodedata

MASK = (1 << 64) - 1
FNV_OFFSET = 0xcbf29ce484222325
FNV_PRIME = 0x100000001b3


def fmix64(k):
    k ^= k >> 33
    k = (k * 0xff51afd7ed558ccd) & MASK
    k ^= k >> 33
    k = (k * 0xc4ceb9fe1a85ec53) & MASK
    k ^= k >> 33
    return k


def bucket(kind, code_points, buckets):
    h = ((FNV_OFFSET ^ ord(kind)) * FNV_PRIME) & MASK
    for cp in code_points:
        h = ((h ^ cp) * FNV_PRIME) & MASK
    return fmix64(h) % buckets


def in_word(ch):
    # Java's Character.isLetterOrDigit: categories L* and Nd; plus combining marks Mn, Mc, Me
    cat = unicodedata.category(ch)
    return cat.startswith('L') or cat == 'Nd' or cat in ('Mn', 'Mc', 'Me')


def ids(name, description, buckets=1 << 16, min_n=3, max_n=5, max_ids=512):
    text = unicodedata.normalize('NFKC', name + ' ' + description).lower()
    words, current = [], []
    for ch in text:
        if in_word(ch):
            current.append(ch)
        elif current:
            words.append(current)
            current = []
    if current:
        words.append(current)
    out = []
    for word in words:
        if len(out) >= max_ids:
            break
        points = [ord(c) for c in word]
        out.append(bucket('w', points, buckets))
        framed = [ord('<')] + points + [ord('>')]
        for n in range(min_n, max_n + 1):
            for start in range(0, len(framed) - n + 1):
                if len(out) >= max_ids:
                    break
                out.append(bucket('g', framed[start:start + n], buckets))
    return out[:max_ids]


if __name__ == '__main__':
    cases = [
        ('Kilpi Ženske športne jakne črna Rosa-W', ''),
        ('Női blúz ONLY', 'Új termék címkével.'),
        ('Κίλπι ΜΠΛΟΥΖΑ', 'Ωραίο, 100% βαμβάκι'),
    ]
    for name, description in cases:
        print(repr(name), repr(description), ids(name, description))
    print('cap 7:', ids('Női blúz ONLY', 'Új termék címkével.', max_ids=7))
    print('16 buckets:', ids('ab', '', buckets=16, min_n=1, max_n=2))
