# The peer the CLI is measured against: a regex-only pass in the style of Python scripts that clean
# Omnivore notes (omnivoreimport and the like). For every note: read it, unwrap proxied image URLs and
# rename a few frontmatter keys with regular expressions, and when the text changed write it to a
# temporary file and rename that over the note. No YAML parsing, no checks: the cheapest way to do
# roughly the same job.
import os
import re
import sys
from urllib.parse import unquote

PROXY = re.compile(r"https://proxy(?:-prod|-demo)?\.omnivore-image-cache\.app/[^/\s)\"']*,s[A-Za-z0-9_-]{43}/([^\s)\"']+)")
KEYS = re.compile(r"^(date_saved|saved|read_length|siteName|original_url|omnivore_url|state):", re.M)
FRONTMATTER = re.compile(r"\A\ufeff?---\r?\n(.*?)\r?\n---\r?\n", re.S)
RENAMES = {"date_saved": "saved", "saved": "saved", "read_length": "reading_time", "siteName": "site",
           "original_url": "url", "omnivore_url": "omnivore", "state": "status"}


def unwrap(match):
    target = match.group(1)
    if target.startswith("http%3A") or target.startswith("https%3A"):
        target = unquote(target)
    elif target.startswith("https:/") and not target.startswith("https://"):
        target = "https://" + target[len("https:/"):]
    return target


def tidy(text):
    head = FRONTMATTER.match(text)
    if head:
        block = KEYS.sub(lambda m: RENAMES[m.group(1)] + ":", head.group(1))
        text = text[: head.start(1)] + block + text[head.end(1):]
    return PROXY.sub(unwrap, text)


def main(vault):
    for folder, folders, files in os.walk(vault):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or not name.lower().endswith(".md"):
                continue
            path = os.path.join(folder, name)
            with open(path, encoding="utf-8", newline="") as f:
                text = f.read()
            new = tidy(text)
            if new != text:
                temporary = os.path.join(folder, f".{name}.peer-{os.getpid()}.tmp")
                with open(temporary, "w", encoding="utf-8", newline="") as f:
                    f.write(new)
                os.replace(temporary, path)


if __name__ == "__main__":
    main(sys.argv[1])
