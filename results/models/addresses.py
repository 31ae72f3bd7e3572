"""Page addresses made of slugs, built without a full reverse() per link.

A season, rankings or profile page links to hundreds of races and skaters, and
reverse() costs about 40 µs a call. A slug can only hold letters, digits, '-' and
'_', so the address is reversed once per URL name, language and script prefix with
placeholders, and each link is that template with the slugs filled in.
"""

from functools import lru_cache

from django.urls import get_script_prefix, reverse
from django.utils.translation import get_language


@lru_cache(maxsize=256)
def _template(name, arity, language, script_prefix):
    marks = [f"slug{n}slot" for n in range(arity)]
    url = reverse(name, args=marks)
    for n, mark in enumerate(marks):
        url = url.replace(mark, f"{{{n}}}")
    return url


def slug_url(name, *slugs):
    """reverse(name, args=slugs) for URL patterns whose arguments are all slugs."""
    return _template(name, len(slugs), get_language(), get_script_prefix()).format(*slugs)
