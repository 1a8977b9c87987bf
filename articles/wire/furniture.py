"""Page furniture in a browser copy of an agency's story page, and its photo block.

A copied page brings the site's own text along: navigation labels above the headline,
bylines and time stamps, "Read also" links inside the body, share buttons and tag lists
at the end. None of it is the story; the parser moves it to the desk's note. Each test
here looks at one line and answers what it is, or None when it is (or may be) copy.

Pure: no Django.
"""

import re
from dataclasses import dataclass

from .datelines import DATE


@dataclass(frozen=True)
class NoteLine:
    """A line kept out of the story: where it was, what it is, what it said."""

    line: int
    kind: str
    text: str

    def __str__(self):
        return f"line {self.line} ({self.kind}): {self.text}"


# --- labels above the headline -------------------------------------------------------------

# Words a navigation label is made of: "All news", "Home › World › Europe", "Latest".
_NAV_WORDS = {
    *("all", "news", "latest", "home", "top", "stories", "story", "breaking", "main", "menu", "more"),
    *("world", "national", "international", "regional", "region", "regions", "local", "nation"),
    *("business", "economy", "markets", "politics", "sport", "sports", "science", "tech", "technology"),
    *("culture", "society", "health", "environment", "opinion", "lifestyle", "entertainment"),
    *("press", "release", "releases", "newsroom", "english", "wire", "headlines", "feed", "and", "&"),
    *("europe", "asia", "africa", "americas", "pacific", "middle", "east", "india", "china", "russia"),
    # Russian pages: "Все новости", "Главная › Политика", "Лента новостей".
    *("все", "новости", "главная", "лента", "новостей", "последние", "политика", "экономика", "общество"),
    *("спорт", "культура", "наука", "происшествия", "мир", "в", "мире", "россия", "регионы", "бизнес"),
}
_BREADCRUMB = re.compile(r"\s*(?:›|»|>|/|\||•|·)\s*")


def label_parts(line):
    """The parts of a breadcrumb or navigation label ("Home › World" → Home, World)."""
    return [part for part in _BREADCRUMB.split(line) if part]


def label_kind(line, known=frozenset()):
    """What kind of label a line above the headline is: "section" (a known section name or slug,
    alone or in a breadcrumb), "navigation" (navigation words or a breadcrumb), "capitals" (a
    short line in capitals, an agency's desk label or a short headline), or None: never a sentence."""
    if line.endswith((".", "!", "?", ":")) or len(line) > 60:
        return None
    parts = label_parts(line)
    if any(part.casefold() in known for part in parts):
        return "section"
    words = [word.strip(",").casefold() for part in parts for word in part.split()]
    if (len(parts) > 1 and len(words) <= 8) or (len(words) <= 5 and all(w in _NAV_WORDS for w in words)):
        return "navigation"
    if line.isupper() and len(line.split()) <= 3:
        return "capitals"
    return None


# --- furniture lines ------------------------------------------------------------------------

_TIME = r"\d{1,2}[:.]\d{2}(?:[ \t]*[ap]\.?m\.?)?"
_NUMERIC_DATE = r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?"
_MONTH_WORD = (
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july"
    r"|august|september|october|november|december"
)
_STAMP_TOKEN = re.compile(rf"{DATE}|{_NUMERIC_DATE}|{_TIME}|\b\d{{4}}\b|\b(?:{_MONTH_WORD})\b", re.IGNORECASE)
_STAMP_FILLER = re.compile(
    r"\b(?:updated?|published|posted|last|first|modified|on|at|am|pm|gmt|utc|bst|cet|cest|est|edt|pst"
    r"|ist|msk|jst|kst|trt|hkt|today|yesterday|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday"
    # "Обновлено 11 сентября 2026, 14:25", "Сегодня в 14:25", "11 сен 2020 г."
    r"|обновлено|опубликовано|обновлен|сегодня|вчера|в|г)(?![\w])|[,|:•·()\-–—]",
    re.IGNORECASE,
)
_AGO = re.compile(
    r"\b(?:\d+|an?|one|two|few)\s+(?:sec(?:ond)?|min(?:ute)?|h(?:ou)?r|day|week|month)s?\s+ago\b"
    r"|\bjust now\b|\b\d+\s+min(?:ute)?s?\s+read\b"
    r"|(?:\d+|одну|один|две|два|пару|несколько)\s+(?:секунд|минут|час|дн|дей|недел|месяц)\w*\s+назад(?!\w)"
    r"|только что|\d+\s+мин\.?\s+чтения",
    re.IGNORECASE,
)


def is_time_stamp(line):
    """`11 SEP 2020, 14:25`, `Updated 2 hours ago`, `Published: Dec 2, 2026 9:41 AM EST`,
    `Anna Petrova |02.12.2026 - Update : 02.12.2026` (a name beside the time is let go with it)."""
    if len(line) > 90:
        return False
    if _AGO.search(line) and len(line.split()) <= 8:
        return True
    if not _STAMP_TOKEN.search(line):
        return False
    rest = _STAMP_FILLER.sub(" ", _STAMP_TOKEN.sub(" ", line)).split()
    # "Anna Petrova | 02.12.2026", "KYODO NEWS - Dec 2, 2026": a name set apart from the time.
    return len(rest) <= (3 if re.search(r"[|•·]| [-–—] ", line) else 0)


# "By Anna Petrova", "By ANNA PETROVA and LI WEI, Reuters": capitalised names, never "By the river".
_BYLINE = re.compile(
    r"^(?i:by|von|por|par|author:|written by|автор:?|текст:|авторы:)\s+[A-ZА-ЯЁ][\w.'’-]*"
    r"(?:[\s,]+(?:(?:and|и)\s+)?[A-ZА-ЯЁ][\w.'’-]*){0,8}"
    r"(?:\s*[,|]\s*[\w ]{1,40})?$"
)
_CREDITS_TAIL = re.compile(
    r"^\(?(?:reporting|writing|editing|additional reporting|compiled|translated|edited)\s+by\b.*\)?$"
    r"|^(?:editor|editors|reporter|source|sources|photo editor|web desk|agencies)\s*:.*$"
    r"|^(?:источник|источники|редактор|корректор|фото на анонсе)\s*:.*$"
    r"|^(?:staff (?:writer|reporter)|special correspondent|correspondent|our correspondent)\b.{0,40}$",
    re.IGNORECASE,
)
_RELATED = re.compile(
    r"^(?:read also|also read|read more|see also|related(?: coverage| stories| news| articles)?"
    r"|more on this(?: story)?|recommended|you may also like|don't miss|more from"
    r"|читайте также|читайте еще|читайте ещё|смотрите также|по теме|материалы по теме|еще по теме)(?!\w)"
    r"\s*[:|\-–—]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_TAGS = re.compile(
    r"^(?:tags|topics|keywords|tagged|filed under|теги|темы|метки)(?!\w)\s*[:|]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_SHARE_WORDS = {
    *("share", "shares", "facebook", "twitter", "x", "telegram", "whatsapp", "vk", "vkontakte", "linkedin"),
    *("email", "e-mail", "mail", "print", "copy", "link", "copied", "reddit", "pinterest", "messenger"),
    *("viber", "ok", "weibo", "wechat", "line", "this", "article", "on", "story", "comments", "comment"),
    *("save", "follow", "us", "bluesky", "threads", "flipboard", "whatsapp", "sms", "tweet", "send", "to"),
    *("поделиться", "вконтакте", "вк", "одноклассники", "телеграм", "дзен", "скопировать", "ссылку"),
    *("ссылка", "скопирована", "отправить", "комментарии", "печать", "распечатать"),
}
_LINE_FURNITURE = re.compile(
    r"^(?:advertisement|ad|sponsored|story continues below(?: advertisement)?|continue reading"
    r"|subscribe(?: now)?|sign up.*newsletter.*|listen(?: to this article)?|font size|a a a|\d+ comments?"
    r"|purchase licensing rights(?:, opens new tab)?|view (?:original|comments|gallery)\b.*"
    r"|show more|load more|back to top|\#{3}|-+\s*end\s*-+|\(end\)|\(ends\)|end|photo gallery"
    r"|(?:next|previous) (?:story|article)|print this article|report an error|most read|trending"
    r"|enditem|news provided by|follow us(?: on)?|©\s*\d{4}\b.*|all rights reserved\.?"
    r"|реклама|все права защищены\.?|подписывайтесь\b.*|подписаться|читать далее|показать ещё|показать еще"
    r"|нашли ошибку\?.*)$",
    re.IGNORECASE,
)
_HASHTAGS = re.compile(r"^(?:#\w+[\s,]*)+$")
# Press-release wires: who to call, and the issuer's name in capitals after SOURCE.
_CONTACT = re.compile(r"^(?:media |press |investor )?contacts?\s*:?.*$|^SOURCE\s+\S.*$", re.IGNORECASE)


def furniture_kind(line):
    """What page furniture `line` is ("time stamp", "byline", "share buttons", …), or None."""
    words = line.split()
    if not words:
        return None
    if _LINE_FURNITURE.match(line):
        return "page text"
    if _RELATED.match(line):
        return "related story link"
    if _TAGS.match(line) or _HASHTAGS.match(line):
        return "tags"
    if len(words) <= 12 and all(
        word.strip("|•·,/").casefold() in _SHARE_WORDS or word in "|•·/" for word in words
    ):
        return "share buttons"
    if _CONTACT.match(line) and len(words) <= 12:
        return "contact"
    if is_time_stamp(line):
        return "time stamp"
    if _BYLINE.match(line) and not line.endswith((".", "!", "?")):
        return "byline"
    if _CREDITS_TAIL.match(line):
        return "credits"
    return None


def furniture_below(line):
    """What the lines below a bare heading are: "Read also" and "Related coverage" put linked
    headlines there, "Tags" the tags, "News provided by" the issuer. None for other lines."""
    for pattern, kind in ((_RELATED, "related story link"), (_TAGS, "tags")):
        found = pattern.match(line)
        if found and not found["rest"]:
            return kind
    return "issuer" if line.casefold() == "news provided by" else None


def is_sentence(line):
    """A line of copy ends as a sentence does (a quote may close it)."""
    return line.rstrip("”’\"')»").endswith((".", "!", "?", "…")) or line.endswith((".”", '."', "?”", "!”"))


# --- the photo block ------------------------------------------------------------------------

_CREDIT_LINE = re.compile(
    r"^(?:©|\(c\)|copyright\b|photo\s*(?:credit)?\s*:|picture\s*:|image\s*:|credit\s*:|photograph\s*:"
    r"|photo by\b|foto\s*:|фото\s*:|фотография\s*:)\s*(?P<credit>.+)$",
    re.IGNORECASE,
)
# A credit at the end of the caption: "… (AP Photo/Jane Doe)", "… (Xinhua/Li Wei)",
# "… REUTERS/Jane Doe", "… © Agency/Name", "… Photo: Agency".
_CREDIT_TAIL = re.compile(
    r"^(?P<caption>.+?)\s*(?:"
    r"©\s*(?P<c1>.+)"
    r"|\((?P<c2>(?:[A-Z][\w.&-]*\s?){1,3}(?:photo|foto)?/[^()]+|photo(?: by|:)\s*[^()]+)\)"
    r"|\s(?P<c3>(?-i:[A-Z][A-Z.&-]{2,}(?:\s[A-Z]{2,})?/[A-Z][^/]+(?:/[^/]+)?))"
    r"|\s(?:photo|picture|image)\s*:\s*(?P<c4>.+)"
    r")\s*$",
    re.IGNORECASE,
)


def credit_of(line):
    """The credit a credit line gives ("© Agency/Name", "Photo: Agency/Name"), or None."""
    found = _CREDIT_LINE.match(line)
    return found["credit"].strip() if found else None


def caption_with_credit(line):
    """(caption, credit) when one line carries both, else None."""
    found = _CREDIT_TAIL.match(line)
    if found is None:
        return None
    credit = next(group for group in found.group("c1", "c2", "c3", "c4") if group)
    return found["caption"].strip(), re.sub(r"^photo(?: by|:)\s*", "", credit.strip(), flags=re.IGNORECASE)


def is_alt_text(line, caption, credit):
    """The image's alt text as a browser copies it: the caption and the credit run together,
    separated by two spaces (or only the caption again)."""
    flat = " ".join(line.split()).casefold()
    caption = " ".join(caption.split()).casefold()
    credit = " ".join(credit.split()).casefold()
    return flat in (caption, f"{caption} {credit}", f"{caption} © {credit}") or (
        "  " in line and flat.startswith(caption) and credit.split("/")[0][:12] in flat
    )


def split_alt_text(line):
    """An alt-text line on its own, "Caption  Credit/AGENCY": (caption, credit), else None."""
    caption, gap, credit = line.partition("  ")
    if not gap or "/" not in credit or not caption.strip():
        return None
    return caption.strip(), credit.strip().lstrip("©").strip()
