"""Writes the nasty CSV fixtures and what pandas reads from them.

Run from the repository root with Debian's Python (python3-pandas):
    /usr/bin/python3 core/src/test/python/make_csv_fixtures.py
Writes core/src/test/resources/csv/*.csv (exact bytes) and *.pandas.json: each row as pandas
reads it with the original loader's call, pd.read_csv(path), NaN written as "", and the manifest
and class index hashes computed here from pandas' rows by the definitions in TestManifest and
ClassIndex (an implementation independent of the Java one).
"""
import hashlib
import json
import math
import pathlib

import pandas as pd

OUT = pathlib.Path("core/src/test/resources/csv")

FIXTURES = {
    # BOM, CRLF, quoted commas, doubled quotes, newlines inside quotes, scripts of several languages,
    # empty description and label_source, an extra column, no newline after the last row.
    "nasty-crlf-bom.csv": (
        "\ufeffitem_id,image_id,geo,name,description,category,category_name,label_source,image_url\r\n"
        "989034,863506,lt,\"Big Star Woman's Singlet T-shirt 150048 Knitte\",\"Material: 95%COTTON5%ELASTANE, "
        "\"\"soft\"\"\r\nSkalbti 30°C; ąčęėįšųūž\",53403,womens-tops-tank-tops-and-t-shirts,admin,http://x/1.jpg\r\n"
        "1009868,876723,si,Kilpi Ženske športne jakne črna Rosa-W,,86531,womens-sport-jackets,custom-tag,\r\n"
        "586781,544307,hu,Női blúz ONLY,Új termék címkével.,6,womens-blouses-and-shirts,,\r\n"
        "12,7,gr,\"Γυναικεία μπλούζα, μαύρη\",\"Υλικό: 100% βαμβάκι\nΠλύσιμο στους 30\",6,womens-blouses-and-shirts,admin,\"a,b\"\r\n"
        "13,8,bg,Мъжки маратонки Nike,\"Цвят: \"\"черен\"\"\",2811,mens-sneakers,custom-tag,\r\n"
        "14,9,tr,Erkek Spor Ayakkabı İnci ş ğ ı,\"\",2811,mens-sneakers,quality-check,\r\n"
        "15,10,lv,Sieviešu jaka ā ē ģ ī ķ ļ ņ,\"ends with quote \"\"\",86531,womens-sport-jackets,admin,"
    ),
    # Columns in another order, LF endings, a blank line between rows and at the end,
    # a field that is only a quoted empty string, a multi-line name.
    "reordered-lf.csv": (
        "category,name,geo,item_id,label_source,description,category_name,image_id\n"
        "39412,\"Ženski\nkupaći kostim\",hr,21,admin,\"\",bikinis,31\n"
        "\n"
        "132,\"Pantalón \"\"slim\"\", azul\",es,22,custom-tag,\"Talla: M, L\",womens-pants,32\n"
        "132,Moteriškos kelnės,lt,23,,plain text,womens-pants,33\n"
        "\n"
    ),
}


def cell(value):
    if isinstance(value, float) and math.isnan(value):
        return ""
    if hasattr(value, "item"):
        return value.item()
    return value


def escape(text):
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def manifest_sha256(rows):
    digest = hashlib.sha256(b"glami-bench-manifest-v1\n")
    for row in sorted(rows, key=lambda r: r["item_id"]):
        fields = [str(row["item_id"]), str(row["image_id"]), row["geo"], escape(row["name"]),
                  escape(row["description"]), str(row["category"]), escape(row["category_name"]),
                  escape(row["label_source"])]
        digest.update(hashlib.sha256(("\t".join(fields) + "\n").encode("utf-8")).digest())
    return digest.hexdigest()


def class_index_sha256(rows):
    names = {}
    for row in rows:
        names.setdefault(row["category"], row["category_name"])
    digest = hashlib.sha256(b"glami-bench-class-index-v1\n")
    for category in sorted(names):
        digest.update(f"{category}\t{names[category]}\n".encode("utf-8"))
    return digest.hexdigest()


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for name, text in FIXTURES.items():
        path = OUT / name
        path.write_bytes(text.encode("utf-8"))
        frame = pd.read_csv(path)
        columns = ["item_id", "image_id", "geo", "name", "description", "category", "category_name", "label_source"]
        rows = [{c: cell(row[c]) for c in columns} for _, row in frame.iterrows()]
        (OUT / (name[:-4] + ".pandas.json")).write_text(
            json.dumps({"pandas": pd.__version__, "manifest_sha256": manifest_sha256(rows),
                        "class_index_sha256": class_index_sha256(rows), "rows": rows}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(name, len(rows), "rows")


if __name__ == "__main__":
    main()
