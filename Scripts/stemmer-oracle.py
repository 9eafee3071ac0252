#!/usr/bin/env python3
"""Reference stems for PorterStemmerTests: prints `word<TAB>stem` for every English word of the
word list, stemmed by PyStemmer (the Snowball project's own C code for the English algorithm).

Words: lowercase ASCII words of the list, plus their possessive forms, so the stemmer's apostrophe
rules are checked too. Exit 2 when PyStemmer is missing, 3 when the word list is missing, so the
Swift test can report why it skipped. `--check` only tests that both are available.

Setup: pip install PyStemmer; apt-get install wamerican (for /usr/share/dict/american-english).
"""

import re
import sys

WORD_LIST = "/usr/share/dict/american-english"
WORD = re.compile(r"[a-z]+('s)?")


def main(arguments):
    try:
        import Stemmer
    except ImportError:
        print("PyStemmer is not installed (pip install PyStemmer)", file=sys.stderr)
        return 2
    path = arguments[1] if len(arguments) > 1 and arguments[1] != "--check" else WORD_LIST
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            entries = [line.strip() for line in handle]
    except OSError as error:
        print(f"word list {path} is unreadable: {error} (apt-get install wamerican)", file=sys.stderr)
        return 3
    if "--check" in arguments:
        return 0
    words = sorted({entry for entry in entries if WORD.fullmatch(entry)})
    # A few shapes the list lacks but the algorithm defines: plural possessives and a leading
    # apostrophe.
    words += [word + "'" for word in words[::50] if word.endswith("s") and "'" not in word]
    words += ["'" + word for word in words[::97] if "'" not in word]
    stemmer = Stemmer.Stemmer("english")
    out = sys.stdout
    for word, stem in zip(words, stemmer.stemWords(words)):
        out.write(f"{word}\t{stem}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
