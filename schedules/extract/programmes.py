"""Which programme (and episode) a slot belongs to, and the programme's presenter and synopsis.

Evidence is taken nearest first: the slot's own words ("airs on Foreign Correspondent at",
"3.30 Tipi Tales:", "Insight, 8.30pm", "“Poldark” (9 p.m. ...)", "Foreign Correspondent’s ‘Leave
no dark corner’", "The Chaser’s Media Circus, which starts"), then the nearest heading above it
("Wild Canada: The Wild West"), then the release's headline.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial

from schedules.channels import PLAIN_LATIN, ChannelTable
from schedules.extract.lexicon import month_number, weekday_number
from schedules.extract.temporal import names_holiday
from schedules.extract.units import Unit

_SMALL = {"of", "the", "and", "for", "a", "an", "in", "on", "to", "with", "at", "from", "&", "+",
          "vs", "v", "de", "la", "le", "du", "or", "by", "is", "my", "our", "your", "no"}
_TOKEN = re.compile(r"[\w’'+&!?.#/*-]+|[:–|]")
_BOILERPLATE = re.compile(
    r"^(?:to top|read more|continue reading|press office|programme information|"
    r"skip to (?:main )?content|media (?:centre|room|releases?)|press releases?|contacts?:?|"
    r"share|related|you might also like|logo|source:.*|category|document sample|menu|home|"
    r"search|sign up.*|subscribe.*|advertisement|image:.*|photo:.*|picture:.*|caption:.*|"
    r"rss|posted .*|tags?:.*|comments?|leave a reply|high definition programme|"
    r"live event/outside broadcast|new|new series|premiere|repeat|episode \d+.*)$",
    re.IGNORECASE,
)
_PRONOUNS = {"It", "The series", "The show", "The programme", "The program", "This", "He", "She",
             "They", "We", "You", "I", "There", "Each", "Every", "Today", "Tonight", "Tomorrow",
             "Both", "Also", "Watch", "Catch", "Join", "Airs", "Premieres", "Premiering",
             "Starting", "Episode", "Series", "New", "From", "At", "On", "In", "And", "But",
             "Live", "Coverage", "Rounding"}
_AIR_VERB = re.compile(r"\s+(?:will\s+(?:now\s+)?(?:also\s+)?)?(?:air|airs|screens?|premieres?|"
                       r"returns?|debuts?|starts?|begins?|kicks off|is on|continues|launches|"
                       r"will be (?:broadcast|screened|shown)|(?:is|are) back|airing|screening|"
                       r"premiering|broadcasts?)\b")
_ON_TITLE = re.compile(r"\b(?:airs|screens|is|premieres|returns|continues|appears)?\s*on\s+")
# Its matches with a verb, which are the ones read: a bare "on" match never covers the start of
# a verb, and where a verb starts the pattern takes it, so these are found alike.
_VERB_ON_TITLE = re.compile(r"\b(?:airs|screens|is|premieres|returns|continues|appears)\s*on\s+")
# The words each pattern needs (substring tests spare most scans).
_KIND_WORDS = ("series", "show", "program", "documentary", "drama", "special", "comedy", "film",
               "strand", "podcast", "docuseries", "telemovie")
# Every _TITLE_THEN_KIND match ends with one of these ("miniseries" holds "series").
_THEN_KIND_WORDS = ("program", "series", "show", "documentary", "special", "podcast",
                    "broadcast")
_AIR_VERB_WORDS = ("air", "screen", "premier", "return", "debut", "start", "begin", "kicks off",
                   "is on", "continues", "launches", "will be", "back", "broadcast")
# What every match of a pattern holds: a search for it (in C, from a literal or a set of
# characters) spares the slower scan of most units.
_VERB_ON_NEEDS = re.compile(r"s\s*on\s")  # every verb of _VERB_ON_TITLE ends in "s"
_OF_NEEDS = re.compile(r"of\s+[A-Z0-9“\"‘]")  # _OF_TITLE: "of", spaces, its look-ahead
_POSSESSIVE_NEEDS = re.compile(r"[’']s\s+[‘'“\"]")  # _POSSESSIVE_QUOTE: "’s" and a quote
_QUOTED = re.compile(r"[“\"]([^”\"\n]{2,80})[”\"]")
# After a time, a channel perhaps, then a colon or dash and the title.
_AFTER_TIME = re.compile(r"(?:\s+on)?(?:\s+[A-Z][\w]*(?:\s+[A-Z0-9][\w]*){0,2})?\s*[:–—]\s+"
                         r"(?=[A-Z0-9“\"‘])")
# A listing row: the separators before its title, the marks that end it.
_ROW_LEAD = re.compile(r"^[\s,–—-]+")
_ROW_TITLE_END = re.compile(r"\s[–—-]\s|:|\(|\.\s")
_DASH_OR_COLON = re.compile(r"[:–—]")
_TITLE_STOP = re.compile(r"[,;(]|\s[–—-]\s|:\s")
_WATCH_TITLE = re.compile(r"\b(?:[Ww]atch|[Cc]atch|[Tt]une in (?:to|for))\s+(?=[A-Z“\"‘])")
# A quoted title, or one whose closing quote the sentence split left to the next unit
# ("... documentary epic, “Country Music." / "” The superb ...").
_QUOTED_OR_CUT = re.compile(r"[“\"]([^”\"\n]{2,80})(?:[”\"]|$)")
# "the second season of Killing Eve", "Four episodes of Frontline/World"
_OF_TITLE = re.compile(r"\b(?:seasons?|series|episodes?|instal{1,2}ments?|premiere|finale|edition|"
                       r"run|broadcast)\s+of\s+(?=[A-Z0-9“\"‘])")
# "the Not On Tobacco program", "The Classic 100 countdown": a title named by the word after it.
_TITLE_THEN_KIND = re.compile(
    r"\b[Tt]he\s+(?P<t>[A-Z0-9][\w’'&+/!-]*(?:\s+(?:[A-Z0-9][\w’'&+/!-]*|of|the|and|on|in|for|"
    r"a|to|at))*?)\s+(?:program|programme|series|show|documentary|special|miniseries|"
    r"mini-series|podcast|broadcast)s?\b")
# Media advisories label the event: "WHAT: Leadership Debate", "Programme: Tonight".
_LABEL_TITLE = re.compile(r"^\s*(?:WHAT|What|PROGRAMME|Programme|PROGRAM|Program|TITLE|Title|"
                          r"SHOW|Show|ENCORE|Encore|REPEAT|Repeat|PREMIERE|Premiere|RETURNING|"
                          r"Returning|NEW|New|SPECIAL|Special)\s*:\s*(?P<t>\S[^\n]{1,100})$",
                          re.MULTILINE)
# A line that opens with an episode's number ("Part One: “Across the Sierra” — Tuesday ...",
# "Episode one, “Low Water”, premieres ..."): the quoted or capitalised words are the episode,
# and the programme is named elsewhere.
_EPISODE_LEAD = re.compile(
    r"\s*(?P<label>(?:Episode|EPISODE|Ep\.?|EP\.?|Part|PART|Chapter|CHAPTER)\s+(?:\d{1,3}|[A-Za-z]+))"
    r"\s*(?:[,:–—-]\s*)?(?:[“\"‘](?P<quoted>[^”\"’\n]{2,80})[”\"’]"
    r"|(?P<plain>[A-Z][^,;:.(\n–—]{1,60}?)(?=\s+[–—-]\s|[,;.(]|$))?")
_RELEASE_NOTE = re.compile(r"\b(?:press|media|news) release\b|\bfile type\b|"
                           r"\bweek (?:commencing|beginning|\d)", re.IGNORECASE)
# A sentence's clause ends: where a title named before a time stops being about that time.
_CLAUSE_STOP = re.compile(r"[.;!?]\s|\n")
# Headings and headlines that name no programme: a byline, a file note, a bare label.
_NOT_A_TITLE = re.compile(
    r"^(?:by\s.*|file type.*|size:.*|editorial\b.*|agenda|schedule|highlights|overview|"
    r"background|notes?|synopsis|about|details|when|where|what|who|media release|"
    r"news release|for immediate release.*|embargoed.*|transmission(?: details?)?|tx|"
    # a part of a run, not its title ("Season 3 premiere", "Part One", "Week 2")
    r"(?:season|series|part|episode|ep\.?|chapter|week|round|night|day)\s+"
    r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|[ivx]{1,4})"
    r"(?:\s+(?:premiere|finale|launch|return))?|"
    r"continues|encore|repeats?|premieres?|finale|also\b.*|coming (?:up|soon)\b.*|"
    # a table's header row, a press office's name
    r"\|.*|(?:[\w’'&.-]+\s+){0,3}(?:media|press) (?:centre|center|room|office|releases?)|"
    # a media centre's filing line ("Category: BBC Two; Factual", "TX: BBC Two, Sunday 9pm")
    r"(?:category|genre|date|tx)\s*:.*)\W*$",
    re.IGNORECASE)
_POSSESSIVE_QUOTE = re.compile(r"([A-Z][\w’' :&+-]{1,60}?)[’']s\s+[‘'“\"]([^’'”\"\n]{2,80})[’'”\"]")
_KIND_TITLE = re.compile(r"\b(?:series|show|program(?:me)?|documentary|drama|special|comedy|film|"
                         r"miniseries|mini-series|strand|podcast|docuseries|telemovie)\s*,?\s+"
                         r"(?=[A-Z0-9“\"])")
_PRESENTER = [
    re.compile(r"(?:^|[.!?]\s+)(?P<name>[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+){1,2})\s+reports\b"),
    re.compile(r"\b(?:Reporter|Presenter|Host|Hosted by|Presented by|Introduced by|presented by|"
               r"hosted by|introduced by|fronted by)\s*:?\s+(?:[a-z]+\s+){0,3}?"
               r"(?P<name>[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+){1,2})"),
    re.compile(r"\b(?:presenter|host|reporter|correspondent|Correspondent)\s+"
               r"(?P<name>[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+){1,2})"),
]


# The literal words each presenter pattern needs (the last two open with one of them).
_PRESENTER_WORDS: list[tuple[str, ...]] = [
    ("reports",),
    ("Reporter", "Presenter", "Host", "Presented by", "Introduced by", "presented by",
     "hosted by", "introduced by", "fronted by"),
    ("presenter", "host", "reporter", "correspondent", "Correspondent"),
]


@dataclass(frozen=True)
class TitleGuess:
    programme: str
    episode: str | None
    source: str


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper() or tok[:1].isdigit() or tok[:1] in "“\"‘"


def leading_title(text: str, *, max_words: int = 10) -> str | None:
    """The Title Case phrase at the start of ``text`` ("Fight for Planet A: Our Climate ...")."""
    end = None
    # Tokens read lazily: the loop stops after a few words, the text may be a long sentence.
    # ``count``: the tokens taken, this one included (every one before it was taken).
    for count, m in enumerate(_TOKEN.finditer(text), start=1):
        tok = m.group()
        if _is_cap(tok):
            end = m.end()
        elif count == 1:
            return None
        elif tok not in _JOINERS and tok.lower() not in _SMALL:
            break
        if count > max_words + 4:
            break
        if tok.endswith(".") and len(tok) > 2 and tok not in _ABBREVIATIONS:
            break  # "... drama, The Salt Road. The series ...": the sentence ends here
    if end is None:
        return None
    title = _CUT.split(text[:end], maxsplit=1)[0].strip(" :–-|,")
    return title or None


# Tokens a title may hold between its capitalised words besides the small words.
_JOINERS = frozenset({":", "–", "|", "-"})
_ABBREVIATIONS = frozenset({"St.", "Mr.", "Mrs.", "Ms.", "Dr.", "Jr.", "Sr.", "Prof.", "Rev.",
                            "Mt.", "Ft.", "No.", "Vol.", "Pt.", "Ep.", "Ch."})
_CUT = re.compile(r"\s+(?:at|from|on|in|to)\s+(?=\d|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|MON|TUE|WED|"
                  r"THU|FRI|SAT|SUN)|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))")


def trailing_title(text: str, *, max_words: int = 10) -> str | None:
    """The Title Case phrase that ends ``text`` ("..., The Chaser’s Media Circus")."""
    start = None
    for count, m in enumerate(reversed(list(_TOKEN.finditer(text))), start=1):
        tok = m.group()
        if _is_cap(tok):
            start = m.start()
        elif tok not in _JOINERS and tok.lower() not in _SMALL:
            break
        if count > max_words + 4:
            break
    if start is None:
        return None
    title = text[start:].strip(" :–-|,")
    words = title.split()
    # A title may open with an article ("The Voice", "A Place to Call Home"); other small
    # words before it belong to the sentence ("in The Voice", "on Four Corners").
    while words and words[0].lower() in _SMALL \
            and not (words[0] in _ARTICLES and len(words) > 1 and _is_cap(words[1])):
        words = words[1:]
    while words and words[-1].lower() in _SMALL:  # "... Press Tour the" + "premiere dates"
        words = words[:-1]
    return " ".join(words) or None


_ARTICLES = frozenset({"The", "A", "An", "THE", "AN"})


_HAS_WHEN = re.compile(
    r"\d{1,2}(?:[:.]\d\d)?\s?[ap]\.?m\b|\b\d{1,2}[:.]\d\d\b|\bmidnight\b|\bnoon\b|"
    r"\b(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)(?:day)?,?\s+\d|"
    r"\b(?:MON|TUE|WED|THU|FRI|SAT|SUN)[A-Z]*,?\s+\d|"
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|"
    r"MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)|"
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d")


def has_when(text: str) -> bool:
    """Does the text state a date or a clock time?"""
    if _DIGIT.search(text) is None and "midnight" not in text and "noon" not in text:
        # every other form has a digit; this C-speed scan skips most headings
        return names_holiday(text)  # "BBC One, Christmas Day"
    return _HAS_WHEN.search(text) is not None


_DIGIT = re.compile(r"\d")


def is_heading(unit: Unit) -> bool:
    text = unit.text.strip()
    text = without_run_note(text)  # "THE TRAPLINE (new series)"
    # Every test must pass; the cheap ones go first (most units are long sentences).
    if not 2 <= len(text) <= 90 or (text.endswith((".", ",", ";")) and not text.endswith("...")):
        return False
    if has_when(text):
        return False
    if _BOILERPLATE.match(text) or "@" in text or "http" in text or "www." in text:
        return False
    words = _HEADING_WORD.findall(text)
    if not words or len(words) > 14:
        return False
    return _mostly_capitalised(words, 0.75)


_CAPS_RUN = re.compile(r"(?<![\w’'])[A-Z0-9][A-Z0-9’'&!?.-]*[A-Z0-9!?]"
                       r"(?:[ :]+(?:[A-Z0-9][A-Z0-9’'&!?.-]*[A-Z0-9!?]|[A-Z]|&))+(?![\w’'])")
_TWO_CAPITALS = re.compile(r"[A-Z]{3}")


def _has_caps_run(body: str) -> bool:
    return _TWO_CAPITALS.search(body) is not None


def _mostly_capitalised(words: list[str], share: float) -> bool:
    """Do capitalised words (or numbers) make up ``share`` of the words that are not small?"""
    caps = small = 0
    for w in words:
        if w[:1].isupper() or w[:1].isdigit():
            caps += 1
        if w.lower() in _SMALL:
            small += 1
    return caps >= max(1, (len(words) - small) * share)


def _has_any(text: str, words: tuple[str, ...]) -> bool:
    """Does ``text`` hold one of ``words``?"""
    for w in words:  # noqa: SIM110 (a plain loop: cheaper than ``any`` over a generator)
        if w in text:
            return True
    return False


def _air_verbs(body: str) -> Iterator[re.Match[str]]:
    """The broadcasting verbs of a unit ("returns", "airs", "will be broadcast")."""
    # every verb holds one of these words
    return _AIR_VERB.finditer(body) if _has_any(body, _AIR_VERB_WORDS) else iter(())


def _verb_on_titles(body: str) -> Iterator[re.Match[str]]:
    """``_VERB_ON_TITLE.finditer(body)``, scanned only when its verbs' last letter, "s", is
    followed by "on" and a space somewhere."""
    return _VERB_ON_TITLE.finditer(body) if _VERB_ON_NEEDS.search(body) else iter(())


def _of_titles(body: str, end: int | None = None) -> Iterator[re.Match[str]]:
    """``_OF_TITLE.finditer(body, 0, end)`` where the unit holds " of " (the test that was always
    made first) and an "of" the pattern's look-ahead accepts after it."""
    if " of " not in body or not _OF_NEEDS.search(body):
        return iter(())
    return _OF_TITLE.finditer(body, 0, len(body) if end is None else end)


def _may_be_possessive(body: str) -> bool:
    """Could ``_POSSESSIVE_QUOTE`` match? It needs "’s" or "'s" and a quote after them."""
    return ("’s" in body or "'s" in body) and _POSSESSIVE_NEEDS.search(body) is not None


_CLAUSE_SPLIT = re.compile(r",|(?<=[a-z0-9)”\"])[.!?;]\s+")


def _last_clause(text: str) -> str:
    """The clause ``text`` ends with: the subject of a verb that follows it."""
    return _CLAUSE_SPLIT.split(text)[-1]


def unlabelled(text: str) -> str:
    """"WHAT: Regional Leaders Debate" -> "Regional Leaders Debate"."""
    m = _LABEL_TITLE.match(text)
    return m.group("t").strip() if m else text


_TIME_WORDS = frozenset({"spring", "summer", "autumn", "fall", "winter", "week", "weekend",
                        "weekly", "weeknights", "today", "tonight", "tomorrow", "daily"})


def _only_dates(words: list[str]) -> bool:
    """Are the words only dates, weekdays and numbers ("Sundays", "September 2009")?"""
    for w in words:
        if w[:1].isdigit():
            continue
        # fewer than two letters? (two leading letters answer most words without counting)
        if not (len(w) > 1 and w[:2].isalpha()) and sum(c.isalpha() for c in w) < 2:
            continue
        if w.endswith(("’s", "'s")):
            w = w[:-2]  # "Sunday's"
        if w.lower() in _TIME_WORDS or month_number(w) is not None \
                or weekday_number(w) is not None:
            continue
        return False
    return True


def title_like(title: str, *, max_words: int = 10) -> bool:
    """Could ``title`` be a programme's name? Not a date ("September 2009", "10.10.11"), a
    byline, a file note or a label ("Agenda:"), nor a sentence: at most ``max_words`` words,
    most of them capitalised."""
    words = _HEADING_WORD.findall(title)
    if not words or len(words) > max_words:
        return False
    if not (words[0][:1].isupper() or words[0][:1].isdigit()):
        return False
    stripped = title.strip()
    if _BOILERPLATE.match(stripped) or _NOT_A_TITLE.match(stripped) \
            or _RELEASE_NOTE.search(title):
        return False
    if _only_dates(words):
        return False
    if any(w.lower() in _NEWS_VERBS for w in words[1:]):
        return False  # "Global Unveils Fall 2025 Premiere Dates": a news headline
    return _mostly_capitalised(words, 0.6)


def headline_title(headline: str, *, max_words: int = 8) -> str | None:
    """The programme a headline names: the headline itself when it reads as a title, else
    what follows a lower-case news verb ("Channel 4 announces The Night Shift Diaries")."""
    if title_like(headline, max_words=max_words):
        return headline
    for m in _HEADING_WORD.finditer(headline):
        if m.group(0) in _NEWS_VERBS:  # lower case: in a Title Case headline the rest is
            rest = headline[m.end():].strip(" :–-")  # as likely a phrase ("Fall Dates")
            return rest if rest[:1].isupper() and title_like(rest, max_words=max_words) \
                else None
    return None


# The verbs of a press office's news headline ("CBC Announces ...", "Nine Confirms ..."); a
# programme's own title rarely holds one.
_NEWS_VERBS = frozenset({
    "announces", "unveils", "reveals", "confirms", "orders", "renews", "commissions",
    "greenlights", "celebrates", "welcomes", "marks", "names", "adds", "sets", "secures",
    "lands", "signs", "partners", "teams", "expands", "acquires", "unveil", "announce"})


def tidy_case(title: str, document: str) -> str:
    """ALL CAPS titles take the mixed-case spelling the document uses elsewhere, if any."""
    letters = [c for c in title if c.isalpha()]
    if not letters or not all(c.isupper() for c in letters) or len(letters) < 4:
        return title
    for found in _spelled_alike(title, document):
        if found != title and any(c.islower() for c in found):
            return found
    return " ".join(w.lower() if w.lower() in _SMALL and i > 0 else _capitalised(w)
                    for i, w in enumerate(title.split()))


def _capitalised(word: str) -> str:
    """"SEVEN'S" -> "Seven's" (``str.title`` gives "Seven'S"), "SCI-FI" -> "Sci-Fi"."""
    return "-".join(part[:1] + part[1:].lower() for part in word.split("-"))


_VERB_FIRST = re.compile(r"(?:Airs?|Airing|Premier\w*|Screen\w*|Debut\w*|Watch|Catch|Starts?|"
                         r"Begins?|Returns?|Tune|Live|From|On|At|Also|AIRS?|AIRING|PREMIER\w*|"
                         r"SCREEN\w*|DEBUT\w*|STARTS?|BEGINS?|RETURNS?)\b")
# A station's call sign ("WHYY TV", "KQED", "CBLT-DT"): a channel, never a title.
_CALL_SIGN = re.compile(r"[CKW][A-Z]{2,3}(?:[- ]?(?:TV|DT|HD|FM|AM|\d{1,2}))?")
_EPISODE_LINE = re.compile(r"(?P<label>(?:Episode|EPISODE|Ep\.?|EP\.?|Part|PART|Chapter)\s+"
                           r"(?:\d{1,3}|[A-Z][a-z]+))(?:\s*(?:of\s+\w+)?\s*[:–—-]\s*(?P<title>\S.{0,80}))?$")
# A bracketed note on the run after a title: "(season 4)", "(New Series)", "(Season 3 Premiere)".
_RUN_NOTE = re.compile(r"\s*\((?:new|final|returning)?\s*(?:(?:season|series)\s*\d*|new|premiere|"
                       r"repeat|encore|r)(?:\s+(?:premiere|finale|launch))?\)\W*$", re.IGNORECASE)


# Labels, listing furniture and social-media names that headings and rows hold.
_JUNK_TITLE = re.compile(
    r"(?i:episode guide|broadcast details?|programme details?|program details?|listings?|"
    r"schedule|tonight|today|tomorrow|this (?:week|weekend|evening|\w+day)|first|moved|"
    r"repeated|english|irish|gaeilge|two-night|one-night|linkedin|twitter|facebook|instagram|"
    r"youtube|tiktok|threads|bluesky|whatsapp|e-?mail|print|copy link|"
    r"(?:channel|episodes?|duration|running time|slot|genre|category|tx|rpt|repeat|format|"
    r"presenter|host|producer|credits?|when|where)\s*:.*)")
_CONNECTORS = re.compile(r"(?:[\s,&+/]|\band\b|\bor\b|\bon\b|\bplus\b)*")


def without_run_note(title: str) -> str:
    """"THE TRAPLINE (new series)" -> "THE TRAPLINE"."""
    return _RUN_NOTE.sub("", title) if title.endswith(")") else title


_OWNER = re.compile(r"(\S+(?:\s\S+)?)[’']s\s+(?=\S)")


def _owner(text: str) -> re.Match[str] | None:
    """``_OWNER.match(text)``, tried only when the text holds the "’s" or "'s" it needs (the
    pattern backtracks through every word before failing)."""
    return _OWNER.match(text) if "’s" in text or "'s" in text else None


_CAPITALISED_REST = re.compile(r"\w+(?:\s+(?:[A-Z][\w’'-]*|of|the|and|in|on|for|a|to)){2,}$")
_CLOCK_ONLY = re.compile(r"[\d\s.:apm-]+", re.IGNORECASE)
_HEADING_WORD = re.compile(r"[\w’'+&!-]+")
# IGNORECASE folds these onto ASCII letters (i, i, s) where ``str.lower`` does not.
_ODD_FOLDS = ("\u0130", "\u0131", "\u017f")


def _lower_is_exact(word: str, text: str) -> bool:
    """Does comparing ``str.lower`` copies find exactly what an IGNORECASE literal finds? Yes when
    the word's letters are ASCII or plain Latin ones (whose IGNORECASE partners are exactly
    those ``str.lower`` relates them to) and neither string holds a character IGNORECASE folds
    differently; lower-casing then also keeps every offset."""
    if any(c in text or c in word for c in _ODD_FOLDS):
        return False
    return all(c.isascii() or c in PLAIN_LATIN or (not c.isalpha() and c.lower() == c == c.upper())
               for c in word)


def _spelled_alike(word: str, text: str) -> list[str]:
    """``re.findall(re.escape(word), text, re.IGNORECASE)``, faster when that is exact."""
    if not word or not _lower_is_exact(word, text):
        return re.compile(re.escape(word), re.IGNORECASE).findall(text)
    low_word, low_text = word.lower(), text.lower()
    out = []
    i = low_text.find(low_word)
    while i >= 0:
        out.append(text[i:i + len(word)])
        i = low_text.find(low_word, i + len(word))
    return out


class ProgrammeFinder:
    def __init__(self, text: str, units: list[Unit], *, channels: ChannelTable,
                 headline: str | None):
        self.text = text
        self.units = units
        self.channels = channels
        self.headline = headline
        self._is_heading: dict[int, bool] = {}  # by unit index, filled as headings are asked for
        self._named: dict[int, str | None] = {}  # by unit start, filled as units are asked
        self._low_text: str | None = None  # the text lower-cased, when first needed

    def not_channel(self, title: str | None, *, row: bool = False) -> str | None:
        if not title:
            return None
        # "COASTAL KITCHEN (season 4)", "Roomies (New Series)": the note on the run goes
        t = _RUN_NOTE.sub("", title).strip(" :–-|,.“”\"‘’'()")
        owner = _owner(t)
        if owner and self.channels.get(owner.group(1)) is not None:
            t = t[owner.end():]  # "CBC's THE NATURE OF THE NORTH", "AMC's The Walking Dead"
        t = self.without_channel_label(t)
        if t.count(")") > t.count("("):
            return None  # "2025) - HGTV": the tail of a dateline, not a title
        if len(t) < 2 or self.channels.get(t) is not None or has_when(t) \
                or _CALL_SIGN.fullmatch(t):
            return None
        # In a listing row a title may open with such a word ("12pm From The Heart Of Our
        # Nation:") when more capitalised words follow.
        if _VERB_FIRST.match(t) and not (row and _CAPITALISED_REST.match(t)):
            return None
        words = t.split()
        if t in _PRONOUNS or (words[0] in _PRONOUNS and len(words) <= 2):
            return None
        if _CLOCK_ONLY.fullmatch(t) or _only_dates(_HEADING_WORD.findall(t)):
            return None
        if _JUNK_TITLE.fullmatch(t) or self._only_channels(t):
            return None
        return t

    def _only_channels(self, t: str) -> bool:
        """"SBS and NITV", "Seven and 7plus": a list of channels, not a programme."""
        found = self.channels.find(t) if (" and " in t or "&" in t or "," in t) else []
        if len(found) < 2:
            return False
        rest = t
        for cm in reversed(found):
            rest = rest[:cm.start] + rest[cm.end:]
        return _CONNECTORS.fullmatch(rest) is not None

    def without_channel_label(self, title: str) -> str:
        """"BBC Four – Treasures of the Tideline", "TVNZ 1: Coast to Coast": press offices file
        a release under the channel, so a heading that opens with a channel's name and a
        separator names the programme after it (without this the channel, printed alone
        elsewhere, was read as the series and the programme as its episode)."""
        for sep in (" – ", " — ", " - ", ": ", " | "):
            if sep in title:
                head, rest = title.split(sep, 1)
                if rest.strip() and self.channels.get(head.strip()) is not None:
                    return rest.strip()
                return title
        return title

    def _appositive_subject(self, before: str) -> str | None:
        """"THE WIDE ROAD, an eight-part series hosted by Lena Park, premieres ...", "Australia
        Votes, ABC's election coverage, will be broadcast": the title is the subject before
        the appositive, not the words just before the verb (a host's name, a channel)."""
        if not before.rstrip().endswith(","):
            return None
        sentence = _CLAUSE_STOP.split(before)[-1]
        parts = sentence.split(",")
        if len(parts) != 3 or parts[2].strip():
            return None
        aside = parts[1].strip()
        owner = _owner(aside)
        if not (aside[:1].islower()
                or (owner and self.channels.get(owner.group(1)) is not None)):
            return None
        subject = parts[0].strip()
        cand = self.not_channel(leading_title(subject))
        return cand if cand and cand == subject and title_like(cand) else None

    @staticmethod
    def episode_line(text: str) -> str | None:
        """"Ep 1 - Dry Start" -> "Dry Start", "Part Two" -> "Part Two"; None for other text."""
        m = _EPISODE_LINE.match(text.strip())
        return (m.group("title") or m.group("label")).strip() if m else None

    def episode_lead(self, unit: Unit) -> str | None:
        """The episode a unit opens with ("Part One: “Across the Sierra” — ...": "Across the
        Sierra"; "Part Two — Tuesday 9pm": "Part Two"), or None."""
        body = unit.text
        if body.lstrip()[:1] not in "EePC":
            return None
        m = _EPISODE_LEAD.match(body)
        if m is None or number_word(m.group("label").split()[-1]) is None:
            return None
        return (m.group("quoted") or m.group("plain") or m.group("label")).strip()

    def in_unit(self, unit: Unit, time_span: tuple[int, int]) -> TitleGuess | None:
        text = self.text
        rel_start = time_span[0] - unit.start
        rel_end = time_span[1] - unit.start
        body = unit.text
        # "Foreign Correspondent’s ‘Leave no dark corner’"
        # (it needs "’s" or "'s": a substring test spares the scan of most units)
        m = _POSSESSIVE_QUOTE.search(body) if _may_be_possessive(body) else None
        if m:
            prog = self.not_channel(trailing_title(m.group(1)))
            if prog:
                return TitleGuess(prog, m.group(2).strip(), "possessive")
        # "airs on Foreign Correspondent at 8 pm"
        for m in _verb_on_titles(body):  # "airs on X" (a bare "on X" names no title)
            cand = self.not_channel(leading_title(body[m.end():]))
            if cand:
                return TitleGuess(cand, None, "airs-on")
        # “Poldark” (9 p.m. Sunday, Sept. 29)
        for m in _QUOTED.finditer(body) if "“" in body or '"' in body else ():
            if 0 <= rel_start - m.end() <= 4 or 0 <= m.start() - rel_end <= 4:
                cand = self.not_channel(m.group(1))
                if cand:
                    return TitleGuess(cand, None, "quoted")
        # Listing row: "3.30 Tipi Tales: Set in ...", "SAT 21:00 The Young Montalbano (b06y89)"
        if rel_start <= 4:
            rest = body[rel_end:]
            rest = _ROW_LEAD.sub("", rest)
            for cm in self.channels.find(rest):
                if cm.start <= 1:
                    rest = rest[cm.end:].lstrip(" ,–-")
                    break
            cand = leading_title(_ROW_TITLE_END.split(rest, maxsplit=1)[0])
            cand = self.not_channel(cand, row=True)
            if cand:
                return TitleGuess(cand, None, "row")
        # "Insight, 8.30pm"
        head = body[:rel_start].strip()
        if head and len(head) <= 60 and head.endswith((",", "–", "-", ":")):
            cand = self.not_channel(leading_title(head.rstrip(",–-: ")))
            if cand and len(cand) >= len(head.rstrip(",–-: ")) - 2:
                return TitleGuess(cand, None, "title-then-time")
        # "The Quiet Coast, RTÉ One, Sunday 3 March at 9.30pm": a short line that opens with
        # the title.
        if len(body) <= 120 and body[:1].isupper():
            first = _TITLE_STOP.split(body, maxsplit=1)[0]
            if " / " in first:  # "Gaillimh v Maigh Eo / Galway v Mayo": the English name
                first = first.rsplit(" / ", 1)[1]
            cand = self._title_at(first) if len(first) < min(len(body), 80) else None
            if cand and cand == first.strip() and title_like(cand, max_words=8):
                return TitleGuess(cand, None, "title-first")
        # "Tonight at 8.30pm on Nine: The Quiet Coast", "Thursday 7 March, 21.00: Night Owls"
        after = _AFTER_TIME.match(body, rel_end) if _DASH_OR_COLON.search(
            body, rel_end, rel_end + 40) else None
        if after is not None:
            cand = self.not_channel(leading_title(body[after.end():]))
            if cand and title_like(cand, max_words=8):
                return TitleGuess(cand, None, "time-then-title")
        # "Watch The Quiet Coast on Global, Tuesday ...", "Catch Night Owls weeknights at 6pm"
        for m in _WATCH_TITLE.finditer(body, 0, rel_start) if "atch" in body \
                or "une in" in body else ():
            cand = self._title_at(_TITLE_STOP.split(body[m.end():], maxsplit=1)[0])
            if cand and title_like(cand, max_words=8):
                return TitleGuess(cand, None, "watch")
        # "the second season of Killing Eve on Sunday, April 7 at 8:00 p.m.": the nearest
        # "season of", "episodes of" before the time, in its clause.
        of_title = None
        for m in _of_titles(body, rel_start):
            if _CLAUSE_STOP.search(body, m.end(), rel_start) is None:
                of_title = m
        if of_title is not None:
            cand = self.not_channel(leading_title(body[of_title.end():]))
            if cand and title_like(cand):
                return TitleGuess(cand, None, "of")
        # "... series Fight for Planet A: Our Climate Challenge", "the show, The Chaser’s ..."
        # (a title named before the time first: a later one is usually another programme's)
        kinds = list(_KIND_TITLE.finditer(body)) if _has_any(body, _KIND_WORDS) else []
        for m in kinds:
            cand = self.not_channel(leading_title(body[m.end():])) if m.start() < rel_start \
                else None
            if cand:
                return TitleGuess(cand, None, "kind")
        # CNN Explores “TV on the Edge” in New CNN Original Series Premiering Sunday at 9pm
        for m in _QUOTED.finditer(body) if "“" in body or '"' in body else ():
            cand = self.not_channel(m.group(1))
            if cand and title_like(cand, max_words=8):
                return TitleGuess(cand, None, "quoted")
        # "... a spot in The Voice Grand Finale, 7.00pm next Sunday"
        before = body[:rel_start].rstrip()
        if before.endswith((",", "–", "—")):
            clause = _CLAUSE_STOP.split(before[:-1])[-1]
            cand = self.not_channel(trailing_title(clause))
            if cand and title_like(cand):
                return TitleGuess(cand, None, "title-then-time")
        # "Q+A returns to Monday nights", "Superstorm Sandy: A Live Town Hall airs live"
        for m in _air_verbs(body):
            before = body[:m.start()]
            cand = self._appositive_subject(before)
            if cand:
                return TitleGuess(cand, None, "subject")
            clause = _last_clause(before)
            cand = self.not_channel(trailing_title(clause))
            if cand and title_like(cand):
                return TitleGuess(cand, None, "subject")
            if self._ends_with_channel(clause):
                # "HGTV will premiere Rust Belt Revival", "Bravo debuts Sandpiper After Dark"
                cand = self.not_channel(leading_title(body[m.end():].lstrip()))
                if cand and title_like(cand):
                    return TitleGuess(cand, None, "object")
        # "Fans can catch the arrivals on THE NORTHERN LIGHTS RED CARPET, live on CTV at 7 p.m.":
        # North American releases print titles in capitals; the nearest before the time.
        for m in reversed(_CAPS_RUN.findall(body, 0, rel_start) if _has_caps_run(body) else []):
            cand = self.not_channel(m)
            if cand and len(cand.split()) >= 2 and title_like(cand):
                return TitleGuess(cand, None, "capitals")
        for m in kinds:
            cand = self.not_channel(leading_title(body[m.end():]))
            if cand:
                return TitleGuess(cand, None, "kind")
        del text
        return None

    def _ends_with_channel(self, clause: str) -> bool:
        """Does ``clause`` end with a channel's name ("... - HGTV", "Bravo")?"""
        tail = clause.rstrip()
        found = self.channels.find(tail[-40:])
        return bool(found) and found[-1].end >= len(tail[-40:]) - 1

    def _title_at(self, text: str) -> str | None:
        """The title ``text`` opens with, without a trailing "on <channel>"."""
        cand = leading_title(text)
        if cand and " on " in cand:
            head, _, tail = cand.rpartition(" on ")
            if self.channels.get(tail) is not None:
                cand = head
        return self.not_channel(cand)

    def named_in(self, unit: Unit) -> str | None:
        """The programme a unit names without tying it to a time: "WHAT: Leadership Debate",
        "the must-watch series Fight for Planet A", "the second season of Killing Eve", "the
        Not On Tobacco program", "“Country Music.”", "Insight and Dateline return"."""
        if unit.start in self._named:
            return self._named[unit.start]
        body = unit.text
        found = None
        # The strongest evidence first, then the first title the unit names (a sentence's
        # subject usually comes first). Titles are read only for the places tried.
        for _, _, read in sorted(self._named_candidates(body), key=lambda c: c[:2]):
            cand = read()
            if cand and cand.endswith(("’", "'", "’s", "'s")):
                continue  # "episodes of Ken Burns’ latest ...": a maker, not the programme
            cand = self.not_channel(cand)
            if cand and title_like(cand):
                found = cand
                break
        self._named[unit.start] = found
        return found

    @staticmethod
    def _named_candidates(body: str) -> list[tuple[int, int, Callable[[], str | None]]]:
        """(strength, where, read the title) for each title a unit names: a label ("WHAT:") is
        the strongest evidence, the subject of a broadcasting verb the weakest (it is often a
        presenter: "Craig Reucassel returns"). Each pattern runs only when the words it needs
        are in the unit."""
        out: list[tuple[int, int, Callable[[], str | None]]] = []
        if ":" in body:
            for m in _LABEL_TITLE.finditer(body):
                out.append((0, m.start(), partial(m.group, "t")))
        if _may_be_possessive(body):
            for m in _POSSESSIVE_QUOTE.finditer(body):
                out.append((1, m.start(), partial(trailing_title, m.group(1))))
        for pattern in (_verb_on_titles(body), _of_titles(body),
                        _KIND_TITLE.finditer(body) if _has_any(body, _KIND_WORDS) else ()):
            for m in pattern:
                out.append((1, m.end(), partial(leading_title, body[m.end():])))
        if "he " in body and _has_any(body, _THEN_KIND_WORDS):
            for m in _TITLE_THEN_KIND.finditer(body):
                out.append((1, m.start("t"), partial(m.group, "t")))
        if "“" in body or '"' in body:
            for m in _QUOTED_OR_CUT.finditer(body):
                out.append((1, m.start(), partial(m.group, 1)))
        for m in _air_verbs(body):
            clause = _last_clause(body[:m.start()])
            out.append((2, m.start() - len(clause), partial(trailing_title, clause)))
        return out

    def in_context(self, unit_index: int, *, max_back: int, same_paragraph: bool
                   ) -> str | None:
        """The programme named nearest above unit ``unit_index`` (see :meth:`named_in`)."""
        here = self.units[unit_index] if unit_index < len(self.units) else None
        for i in range(unit_index - 1, max(unit_index - max_back, 0) - 1, -1):
            unit = self.units[i]
            if same_paragraph and (here is None or unit.paragraph != here.paragraph
                                   or self._heading_at(i)):
                return None  # the heading above is nearer than anything before it
            found = self.named_in(unit)
            if found:
                return found
        return None

    def main_title(self, *, within: int = 40) -> str | None:
        """The first programme the release names in its first ``within`` units (the last
        resort for a slot: a release names its programme near the top)."""
        for unit in self.units[:within]:
            found = self.named_in(unit)
            if found:
                return found
        return None

    def heading_before(self, unit_index: int, *, max_back: int = 8) -> str | None:
        # The nearest heading above, if it is at most ``max_back`` units up.
        for i in range(min(unit_index, len(self.units)) - 1, max(unit_index - max_back, 0) - 1,
                       -1):
            if self._heading_at(i):
                return self.units[i].text.strip()
        return None

    def episode_above(self, unit_index: int, *, max_back: int = 8) -> str | None:
        """An "Episode 1: Blossom" / "Part Two" line between a slot and the heading above it:
        "Blossom" (the printed title) or "Episode 1" (when only the number is printed)."""
        for i in range(min(unit_index, len(self.units)) - 1, max(unit_index - max_back, 0) - 1,
                       -1):
            if self._heading_at(i):
                return None
            m = _EPISODE_LINE.match(self.units[i].text.strip())
            if m:
                return (m.group("title") or m.group("label")).strip()
        return None

    def series_above(self, unit_index: int, *, max_back: int = 8) -> str | None:
        """"Australian Story" / "A Changing Mind" / "Monday 4 December 8:00 PM": when the heading
        above a slot sits right under another short title-like heading, the upper one names
        the series and the nearer one the episode."""
        for i in range(min(unit_index, len(self.units)) - 1, max(unit_index - max_back, 0) - 1,
                       -1):
            if self._heading_at(i):
                if i == 0 or not self._heading_at(i - 1):
                    return None
                upper = unlabelled(self.units[i - 1].text.strip())
                if title_like(upper, max_words=6) and self.not_channel(upper):
                    return upper
                return None
        return None

    def _heading_at(self, i: int) -> bool:
        if i not in self._is_heading:
            self._is_heading[i] = is_heading(self.units[i])
        return self._is_heading[i]

    def split(self, title: str, known: set[str]) -> TitleGuess:
        """"Wild Canada: The Wild West" -> programme + episode when the first part stands alone
        elsewhere in the text (or is another slot's programme)."""
        for sep in (": ", " – ", " - ", " | "):
            if sep in title:
                first, second = title.split(sep, 1)
                first, second = first.strip(), second.strip()
                if not first or not second or self.not_channel(first) is None:
                    continue  # ("TONIGHT: ABC News Special ...": no programme called Tonight)
                if first.casefold() in known or self.stands_alone(first, sep.strip()):
                    return TitleGuess(first, second, "split")
        return TitleGuess(title, None, "whole")

    def stands_alone(self, first: str, sep: str) -> bool:
        """Is ``first`` printed in the text (in any case) as a whole phrase, not followed by
        ``sep``? The pattern is tried only where the lower-cased phrase occurs in the
        lower-cased text, when that finds every place it can match (see
        :func:`_lower_is_exact`); a case-insensitive pattern opening with a look-behind is
        otherwise tried at every character."""
        alone = re.compile(rf"(?<![\w:]){re.escape(first)}(?![\w]|\s*{re.escape(sep)})",
                           re.IGNORECASE)
        if not first or not _lower_is_exact(first, self.text):
            return alone.search(self.text) is not None
        if self._low_text is None:
            self._low_text = self.text.lower()
        low_first = first.lower()
        i = self._low_text.find(low_first)
        while i >= 0:
            if alone.match(self.text, i):
                return True
            i = self._low_text.find(low_first, i + 1)
        return False

    def presenter(self) -> str | None:
        reports, label, title = _PRESENTER
        # The first pattern needs "reports" somewhere; the other two open with one of their
        # words, so they are tried only where one occurs.
        m = reports.search(self.text) if "reports" in self.text else None
        if m is None:
            m = _leftmost(label, self.text, _PRESENTER_WORDS[1])
        if m is None:
            m = _leftmost(title, self.text, _PRESENTER_WORDS[2])
        return m.group("name") if m else None


def _leftmost(pattern: re.Pattern[str], text: str, starts: tuple[str, ...]
              ) -> re.Match[str] | None:
    """``pattern.search(text)`` for a pattern every match of which opens with one of
    ``starts``: the pattern is tried only where one of them occurs (found by ``str.find``, in
    C), nearest first. (A pattern opening with ``\\b`` is otherwise tried at every character.)
    """
    found = []
    for word in starts:
        i = text.find(word)
        while i >= 0:
            found.append(i)
            i = text.find(word, i + 1)
    for i in sorted(set(found)):
        m = pattern.match(text, i)
        if m:
            return m
    return None


_NUMBER_WORDS = {w: i for i, w in enumerate(
    ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
     "twelve"], start=1)}


def number_word(word: str) -> int | None:
    """"3" -> 3, "Three" -> 3, "iv" -> None: the number of an episode label."""
    if word.isdecimal():
        return int(word)
    return _NUMBER_WORDS.get(word.lower())
