"""Save every public page of the seeded site (both languages) to a folder, to compare two versions of the code.

    DEBUG=1 .venv/bin/python bench/snapshot.py OUT_DIR [--max N]
    diff -r before/ after/

Pages are fetched in process with Django's test client, following links from the home pages (same site, GET,
no admin). CSRF tokens and CSP nonces are blanked so that only what a visitor sees can differ.
"""

import argparse
import os
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "skating.settings")
os.environ.setdefault("CACHE", "dummy")

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.links.append(href)


VOLATILE = [
    (re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"'), 'name="csrfmiddlewaretoken" value=""'),
    (re.compile(r'nonce="[^"]*"'), 'nonce=""'),
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--max", type=int, default=4000)
    args = parser.parse_args()
    setup_test_environment()
    client = Client(HTTP_HOST="127.0.0.1")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    queue, seen = ["/en/", "/nl/"], {"/en/", "/nl/"}
    while queue and len(seen) <= args.max:
        url = queue.pop(0)
        response = client.get(url)
        body = response.content.decode(errors="replace")
        for pattern, blank in VOLATILE:
            body = pattern.sub(blank, body)
        name = re.sub(r"[^A-Za-z0-9._-]", "_", url.strip("/")) or "root"
        (out / f"{name}.txt").write_text(f"{response.status_code} {response.get('Location', '')}\n{body}")
        if "html" not in response.get("Content-Type", ""):
            continue
        links = Links()
        links.feed(body)
        for href in links.links:
            href = urldefrag(href.replace("&amp;", "&"))[0]
            if href.startswith("?"):
                href = urlsplit(url).path + href
            if not href.startswith("/") or href.startswith(("//", "/admin", "/static")) or href in seen:
                continue
            seen.add(href)
            queue.append(href)
    print(f"{len(list(out.iterdir()))} pages saved in {out}")


if __name__ == "__main__":
    main()
