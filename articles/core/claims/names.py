"""A speaker phrase split into role and name: "Kreml-Sprecher Dmitri Peskow" → ("Kreml-Sprecher", "Dmitri Peskow")."""

from __future__ import annotations

from collections.abc import Sequence

from .lexicon import AGENT_SUFFIXES, DETERMINERS, NAME_PARTICLES, ROLE_SUFFIXES
from .phrases import GENITIVE_LINKS


def _joined_by_small_words(content: Sequence[str]) -> bool:
    """Capitalised words joined by lower-case ones ("Bund für Umwelt und Naturschutz"): one name as written."""
    if len(content) < 3 or not (content[0][:1].isupper() and content[-1][:1].isupper()):
        return False
    inner = content[1:-1]
    return any(w[:1].islower() and w not in NAME_PARTICLES for w in inner)


def role_split(words: Sequence[str]) -> tuple[str | None, str | None]:
    """Split phrase words into (role, name): "Kreml-Sprecher Dmitri Peskow" → ("Kreml-Sprecher", "Dmitri Peskow")."""
    words = _without_affiliation(_without_place(_without_titles(words)))
    # "der" after "von" is part of a name ("Ursula von der Leyen"), not an article.
    content = [w for i, w in enumerate(words) if w.lower() not in DETERMINERS or words[i - 1 : i] == ["von"]]
    role_at = -1
    for index, word in enumerate(content):
        if word.lower().endswith(ROLE_SUFFIXES):
            role_at = index
    if role_at < 0:
        caps = [w for w in content if w[:1].isupper()]
        has_det = len(content) != len(words)
        if has_det and len(caps) == 1 and len(content) <= 3:
            return caps[0], None  # a description: "der Meeresbiologe"
        if len(caps) >= 3 and caps[0] == content[0] and not any(w.lower() in GENITIVE_LINKS for w in content):
            return caps[0], " ".join(caps[1:])  # "Landrat Paul Sommer"
        name_words = [w for w in content if w[:1].isupper() or w in NAME_PARTICLES]
        if not name_words or has_det:
            return None, None
        if _joined_by_small_words(content):
            return None, " ".join(content)  # an organisation keeps its name: "Landesamt für Gewässerkunde"
        return None, " ".join(name_words)
    if _attached_to_role(words, content[role_at]):
        return _strip_article(words), None  # "ein Sprecher der Polizei": a role of a body, no name
    role = " ".join(content[: role_at + 1])
    remaining = content[role_at + 1 :]
    if remaining[:1] and remaining[0][:1].isupper() and all(w[:1].isupper() or w in NAME_PARTICLES for w in remaining):
        return role, " ".join(remaining)  # "Kommissionspräsidentin Ursula von der Leyen"
    rest = [w for w in remaining if w[:1].isupper() and w not in ("(", ")")]
    if rest and not any(w.lower() in GENITIVE_LINKS for w in content[role_at + 1 :]):
        return role, " ".join(rest)
    return " ".join(content), None


_PLACE_LINKS = frozenset(("in", "im", "bei", "beim", "am"))
# Academic titles are no part of the name a voice is listed under ("Dr. Hannah Lemberg" is Hannah Lemberg).
_TITLE_WORDS = frozenset(("Dr.", "Prof.", "Dres.", "Dipl.-Ing.", "Mag."))
_AFFILIATION_LINKS = frozenset(("von", "vom", "aus"))


def _without_affiliation(words: list[str]) -> list[str]:
    """ "Der Hydrologe Markus Eichhorn von der Universität Talheim" → the person, without where they work:
    cut at "von/vom/aus" after two capitalised words ("Ursula von der Leyen" keeps its particle)."""
    for j in range(2, len(words) - 1):
        after_name = words[j - 1][:1].isupper() and words[j - 2][:1].isupper()
        article = words[j + 1].lower() in DETERMINERS or words[j + 1].lower() in ("einem", "einer")
        if words[j] in _AFFILIATION_LINKS and after_name and article and _institution(words[j + 2 :]):
            return words[:j]
    return words


_INSTITUTIONS = (*AGENT_SUFFIXES, "universität", "institut", "hochschule", "klinik", "stiftung", "stadt", "gemeinde")


def _institution(words: Sequence[str]) -> bool:
    """ "der Universität Talheim", "der Polizei" name a body; "der Leyen" (one last word) is a surname."""
    return len(words) >= 2 or (len(words) == 1 and words[0].lower().endswith(_INSTITUTIONS))


def _without_titles(words: Sequence[str]) -> list[str]:
    """Drop "Dr." and "Prof." whether they come as one word or as a word and its point (tokens)."""
    kept: list[str] = []
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else ""
        if word in _TITLE_WORDS or (word + "." in _TITLE_WORDS and following == "."):
            continue
        if word == "." and kept and index > 0 and words[index - 1] + "." in _TITLE_WORDS:
            continue
        kept.append(word)
    return kept


_ROLE_ATTACHMENTS = frozenset(("der", "des", "von", "vom"))


def _attached_to_role(words: Sequence[str], role: str) -> bool:
    """The last role noun is followed by a genitive or "von" phrase ("Sprecher der Polizei")."""
    at = max(i for i, w in enumerate(words) if w == role)
    return at + 1 < len(words) and words[at + 1].lower() in _ROLE_ATTACHMENTS


def _strip_article(words: Sequence[str]) -> str:
    return " ".join(words[1:] if len(words) > 1 and words[0].lower() in DETERMINERS else words)


def _without_place(content: list[str]) -> list[str]:
    """ "Jan Ott in Berlin" → "Jan Ott": after a name, "in X" says where the person spoke, not who."""
    for j in range(1, len(content)):
        previous = content[j - 1]
        if content[j] in _PLACE_LINKS and previous[:1].isupper() and not previous.lower().endswith(ROLE_SUFFIXES):
            return content[:j]  # "der Botschafter in Berlin" keeps its place: it is part of the role
    return content
