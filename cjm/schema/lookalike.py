"""Letters of other alphabets that look like Latin ones: `tіtle` with a Cyrillic і is not `title`.

A key typed on a Cyrillic or Greek keyboard layout, pasted from a page that
swapped letters, or pasted with an invisible character (a byte-order mark,
a zero-width space) looks right and is unknown. "Did you mean 'title'?" then
reads as nonsense; naming the character that differs tells what to retype.
"""

from __future__ import annotations

_PAIRS = (
    "аa еe оo рp сc уy хx іi јj ѕs ԁd һh ӏl ԛq ԝw "  # Cyrillic small letters
    "АA ВB ЕE КK МM НH ОO РP СC ТT ХX ІI ЈJ ЅS УY "  # Cyrillic capitals
    "ΑA ΒB ΕE ΖZ ΗH ΙI ΚK ΜM ΝN ΟO ΡP ΤT ΥY ΧX οo αa ιi κk νv ρp υu"  # Greek
)
_TO_LATIN = str.maketrans({pair[0]: pair[1] for pair in _PAIRS.split()})


def latin_twin(word: str) -> str | None:
    """The Latin word that `word` looks like, when some of its letters only look Latin; else None."""
    if word.isascii():
        return None
    import unicodedata

    twin = unicodedata.normalize("NFKC", word).translate(_TO_LATIN)
    twin = "".join(char for char in twin if unicodedata.category(char) != "Cf")  # invisible: U+FEFF, U+200B
    return twin if twin.isascii() and twin else None


def odd_letters(word: str) -> str:
    """`its 'і' is the Cyrillic letter і (U+0456)`: the first character of `word` that is not Latin,
    and how many more there are."""
    import unicodedata

    odd = [char for char in word if not char.isascii()]
    first, code = odd[0], f"U+{ord(odd[0]):04X}"
    more = f", and {len(odd) - 1} more like it" if len(odd) > 1 else ""
    name = unicodedata.name(first, "")
    if unicodedata.category(first) == "Cf":
        what = "a byte-order mark" if first == "\ufeff" else name.lower() or "a character"
        return f"it holds an invisible character, {what} ({code}){more}"
    script = name.split(" ")[0].capitalize() or "non-Latin"
    script = "full-width" if script == "Fullwidth" else script
    return f"its '{first}' is the {script} letter {first} ({code}){more}"


def how_to_retype(word: str) -> str:
    """How to type `word` again so that it is the Latin word it looks like."""
    import unicodedata

    if any(unicodedata.category(char) == "Cf" for char in word):
        return "after deleting the whole key: the invisible character goes with it"
    return "with the keyboard set to English"
