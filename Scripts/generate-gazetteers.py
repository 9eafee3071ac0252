#!/usr/bin/env python3
"""Generate the Entities gazetteers from maintained Debian data.

Inputs (install with `apt-get install -y iso-codes wordnet-base miscfiles wamerican tzdata`):
  iso-codes     /usr/share/iso-codes/json/iso_3166-1.json, iso_3166-2.json, iso_3166-3.json
  wordnet-base  /usr/share/wordnet/data.noun, data.adj
  miscfiles     /usr/share/dict/propernames.gz, /usr/share/misc/cities.dat.gz
  wamerican     /usr/share/dict/american-english
  tzdata        /usr/share/zoneinfo (zone names carry the world's major city names)

Output: compact UTF-8 text files in Sources/Entities/Gazetteer/, one entry a line, sorted, so that
a regeneration on another machine gives a reviewable diff. Run from the repository root:
  python3 Scripts/generate-gazetteers.py
"""

import gzip
import json
import os
import re
import sys
import unicodedata

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "Entities", "Gazetteer")
ISO = "/usr/share/iso-codes/json"
WORDNET = "/usr/share/wordnet"
DICT = "/usr/share/dict"
MISC = "/usr/share/misc"
ZONEINFO = "/usr/share/zoneinfo"

# WordNet lexicographer file numbers (see lexnames(5WN)).
LEX_ACT, LEX_ANIMAL, LEX_ARTIFACT, LEX_COMMUNICATION = 4, 5, 6, 10
LEX_EVENT, LEX_GROUP, LEX_LOCATION, LEX_OBJECT, LEX_PERSON, LEX_TIME = 11, 14, 15, 17, 18, 28


# The small hand-kept part: names news writes that iso-codes does not carry.
DISPLAY_NAMES = {"RU": "Russia", "TR": "Turkey", "CZ": "Czech Republic"}
SHORT_FORMS = {
    "US": ("U.S.", "US", "USA", "U.S.A.", "United States of America", "America"),
    "GB": ("U.K.", "UK", "Britain", "Great Britain"),
    "RU": ("Russian Federation",),
    "NL": ("Holland",),
    "AE": ("UAE", "U.A.E."),
    "KR": ("Korea, Republic of",),
}


def fold(name):
    """ASCII form of a name ("Tōkyō" -> "Tokyo"), so that both spellings are found."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def looks_like_name(name):
    return bool(name) and name[0].isupper() and not any(c.isdigit() for c in name[:1])


def clean_lemma(lemma):
    lemma = re.sub(r"\([a-z]+\)$", "", lemma)
    return lemma.replace("_", " ")


def read_wordnet(path):
    """Yield (offset, lexfile, words, pointers) per synset line."""
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            fields = line.split(" | ")[0].split()
            offset, lexfile, count = fields[0], int(fields[1]), int(fields[3], 16)
            words = [clean_lemma(fields[4 + 2 * i]) for i in range(count)]
            rest = fields[4 + 2 * count:]
            pointer_count = int(rest[0])
            pointers = []
            for i in range(pointer_count):
                symbol, target, pos = rest[1 + 4 * i], rest[2 + 4 * i], rest[3 + 4 * i]
                pointers.append((symbol, target, pos))
            yield offset, lexfile, words, pointers


def main():
    entries = {}  # file name -> set of lines

    def add(file, line):
        line = line.strip()
        if line and "\t" not in line.split("\t", 1)[0][:0]:
            entries.setdefault(file, set()).add(line)

    def add_location(name, kind):
        for form in {name, fold(name)}:
            if looks_like_name(form):
                add("locations.tsv", f"{form}\t{kind}")

    # iso-codes: countries, former countries, subdivisions; aliases for countries.
    countries = json.load(open(f"{ISO}/iso_3166-1.json", encoding="utf-8"))["3166-1"]
    for c in countries:
        canonical = DISPLAY_NAMES.get(c["alpha_2"], c.get("common_name", c["name"]))
        if ", " in canonical:
            # "Virgin Islands, British" -> "British Virgin Islands"; "Congo, The Democratic Republic of the"
            # -> "Democratic Republic of the Congo".
            # "Saint Helena, Ascension and Tristan da Cunha" lists places: the first is the name.
            head, tail = canonical.split(", ", 1)
            reorder = tail.endswith((" of", " of the")) or " " not in tail
            canonical = f"{tail.removeprefix('The ')} {head}" if reorder else head
        add_location(canonical, "country")
        for other in (c["name"], c.get("official_name", ""), *SHORT_FORMS.get(c["alpha_2"], ())):
            if other and other != canonical and "," not in other:
                add_location(other, "country")
                add("country-aliases.tsv", f"{other}\t{canonical}")
                add("country-aliases.tsv", f"{fold(other)}\t{canonical}")
    for c in json.load(open(f"{ISO}/iso_3166-3.json", encoding="utf-8"))["3166-3"]:
        add_location(c["name"].split(",")[0], "country")
    for s in json.load(open(f"{ISO}/iso_3166-2.json", encoding="utf-8"))["3166-2"]:
        for name in re.split(r"\s*[\[\]()/]\s*", s["name"]):
            if len(name) > 2:
                add_location(name, "subdivision")

    # WordNet: instance nouns by lexicographer file, organisations and groups, demonyms.
    synsets = {}
    for offset, lexfile, words, pointers in read_wordnet(f"{WORDNET}/data.noun"):
        synsets[offset] = (lexfile, words, pointers)
    location_synsets = set()
    first_names = {}
    for offset, (lexfile, words, pointers) in synsets.items():
        instance = any(p[0] == "@i" for p in pointers)
        names = [w for w in words if looks_like_name(w)]
        if not names:
            continue
        hypernym_words = [w for p in pointers if p[0] in ("@i", "@") for w in synsets.get(p[1], (0, []))[1]]
        if lexfile == LEX_PERSON and instance:
            for w in names:
                add("people.txt", w)
                tokens = w.split()
                if len(tokens) >= 2 and tokens[-1][0].isupper() and len(tokens[-1]) > 2:
                    add("surnames.txt", tokens[-1])
                if len(tokens) >= 2 and tokens[0].isalpha() and len(tokens[0]) > 1:
                    first_names[tokens[0]] = first_names.get(tokens[0], 0) + 1
        elif lexfile == LEX_PERSON:
            # Capitalised common nouns of people: nationalities, religions, political followers.
            for w in names:
                if " " not in w and len(w) > 2 and not w.isupper():
                    add("groups.txt", w)
        elif lexfile in (LEX_LOCATION, LEX_OBJECT) and (instance or lexfile == LEX_LOCATION):
            location_synsets.add(offset)
            kind = "region"
            hyper = " ".join(hypernym_words).lower()
            if re.search(r"\b(american state|county|province|district|canton|department|region of)\b", hyper):
                kind = "subdivision"
            elif re.search(r"\b(city|town|port|capital|metropolis|municipality|village)\b", hyper.replace("city state", "")):
                # Before countries: a "state capital" (Helena, Montana) is a city, not a state.
                kind = "city"
            elif re.search(r"\b(country|state|kingdom|republic|nation|sultanate|principality)\b", hyper):
                kind = "country"
            elif re.search(r"\b(sea|ocean|river|lake|gulf|bay|strait|channel|sound|waterfall)\b", hyper):
                kind = "water"
            elif re.search(r"\b(island|archipelago|isle)\b", hyper):
                kind = "island"
            elif re.search(r"\b(mountain|peak|volcano|range|desert|valley|plateau|peninsula)\b", hyper):
                kind = "landform"
            for w in names:
                add_location(w, kind)
        elif lexfile == LEX_GROUP:
            for w in names:
                add("organizations.txt", w)
        elif lexfile in (LEX_ACT, LEX_EVENT, LEX_TIME) and instance:
            for w in names:
                add("events.txt", w)
        elif lexfile == LEX_ARTIFACT and instance:
            for w in names:
                add_location(w, "facility")
        elif lexfile == LEX_COMMUNICATION and instance:
            for w in names:
                add("works.txt", w)
    # A first word shared by several famous people's names is a given name ("George", not "Real").
    for name, count in first_names.items():
        if count >= 2:
            add("given-names.txt", name)
    # Capitalised adjectives: demonyms ("Japanese", pertaining to Japan), religions and
    # movements ("Jewish", "Marxist").
    for offset, lexfile, words, pointers in read_wordnet(f"{WORDNET}/data.adj"):
        for w in words:
            if looks_like_name(w) and " " not in w and len(w) > 2 and not w.isupper():
                add("groups.txt", w)
    # Plurals of the people words: "Iraqis", "Chechens", "Afrikaners" (not "Chineses").
    for w in list(entries.get("groups.txt", ())):
        if w[-1].islower() and not re.search(r"(ese|ss|sh|ch|s|x|z|y)$", w):
            add("groups.txt", w + "s")

    # miscfiles: given names and cities (with their country).
    with gzip.open(f"{DICT}/propernames.gz", "rt", encoding="latin-1") as f:
        for line in f:
            add("given-names.txt", line)
    with gzip.open(f"{MISC}/cities.dat.gz", "rt", encoding="latin-1") as f:
        for line in f:
            m = re.match(r"Name\s*:\s*(.+)", line)
            if m:
                add_location(m.group(1).strip(), "city")

    # tzdata: zone names such as America/New_York or Asia/Tokyo.
    for area in ("Africa", "America", "Antarctica", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific"):
        for root, _, files in os.walk(os.path.join(ZONEINFO, area)):
            for f in files:
                if f[0].isupper():
                    add_location(f.replace("_", " "), "city")

    # wamerican: lowercase common words; capitalised entries are untyped proper-name evidence.
    with open(f"{DICT}/american-english", encoding="utf-8") as f:
        for line in f:
            word = line.strip()
            if not word or word.endswith("'s"):
                continue
            if word[0].islower():
                add("common-words.txt", word)
            elif word[0].isupper() and "'" not in word:
                add("proper-nouns.txt", word)

    os.makedirs(OUT, exist_ok=True)
    for file, lines in sorted(entries.items()):
        with open(os.path.join(OUT, file), "w", encoding="utf-8") as f:
            for line in sorted(lines):
                f.write(line + "\n")
        print(f"{file}: {len(lines)}", file=sys.stderr)


if __name__ == "__main__":
    main()
