"""Boilerplate line patterns: heuristics as data.

Each family says why it exists and shows a line it catches. A pattern is
matched at the start of a stripped line (case-insensitive), and only on
lines of at most ``SHORT_WORDS`` words, so a body paragraph that happens to
begin with "Related" is never touched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SHORT_WORDS = 25


@dataclass(frozen=True, slots=True)
class Rule:
    reason: str
    pattern: str
    opens_list: bool = False  # a header: the teaser lines after it are related links


_SOCIAL = r"(?:facebook|twitter|x|instagram|linkedin|youtube|tiktok|telegram|whatsapp|threads|bluesky|mastodon|reddit|pinterest|flipboard|e-?mail)"

RULES: tuple[Rule, ...] = (
    # Ads and their labels left by scrapers: "Advertisement", "Story continues below advertisement".
    Rule(
        "ad",
        r"(?:advertisement|advertising|advert|sponsored(?: content| post)?|ad|ads|anzeige|werbung|publicit[ée]|publicidad|pubblicit[àa]|reklama|реклама)\s*[:.]?$",
    ),
    Rule(
        "ad", r"(?:story|article) continues (?:below|after)(?: (?:this )?(?:advertisement|ad))?\.?$"
    ),
    Rule(
        "ad",
        r"(?:continue reading|scroll to continue)(?: (?:below|with content|the main story))?\.?$",
    ),
    # Navigation of site chrome: "PREV 4 goals in 10 minutes…", "NEXT Hungarian Farmers'…".
    Rule("navigation", r"(?-i:PREV|NEXT|PREVIOUS)\b\s*[:>»|-]?\s*\S"),
    Rule("navigation", r"(?:previous|next) (?:article|story|post|page)\b"),
    Rule(
        "navigation",
        r"(?:read|see|view) (?:the )?(?:full|original|complete) (?:article|story|report|text)(?: here| on .{1,40})?\s*[.:>»]?$",
    ),
    Rule(
        "navigation",
        r"(?:back to (?:top|home)|skip to (?:main )?content|toggle navigation|jump to comments|go to comments|show comments|view comments|load more|show more|see more)\s*\.?$",
    ),
    Rule("navigation", r"last news in\b"),
    Rule(
        "navigation",
        r"(?:filed under|tags?|topics?|categories|category|keywords|mots-cl[ée]s|schlagw[öo]rter|etiquetas)\s*:",
    ),
    Rule(
        "navigation",
        r"(?:reading time|estimated reading time|tempo de leitura|tiempo de lectura|lesezeit|temps de lecture)\b.{0,30}$",
    ),
    Rule("navigation", r"(?:min(?:ute)?s?|minutes?) read\s*$"),
    Rule("navigation", r"\d+\s*(?:min(?:ute)?s?) read\b.{0,20}$"),
    Rule("navigation", r"also on [\w.-]+\.[a-z]{2,}\b"),
    Rule(
        "navigation",
        r"(?:home|news|world|politics|business|sport|sports)\s*(?:[>»/|]\s*[\w ]{1,30}){1,5}$",
    ),
    # Headers of related-links lists ("Related:", "DON'T MISS", "X - the latest news");
    # the teaser headlines under them are removed too.
    Rule(
        "related links",
        r"(?:related(?: articles?| stories| posts?| coverage| news| content| reading| links)?|more(?: stories| news| on this story| from [\w .'-]{1,40})?|also|see also|also read|read also|read more|more reading|recommended(?: for you| stories)?|you (?:may|might) (?:also )?(?:like|be interested in|enjoy)|most (?:read|popular|viewed|shared)(?: [\w ]{1,30})?|trending(?: now| stories)?|top stories|popular(?: now| stories)?|latest(?: news| stories| headlines)?|don'?t miss|further reading|lesen sie auch|mehr zum thema|[àa] lire aussi|lire aussi|leia (?:tamb[ée]m|mais)|lee tambi[ée]n|te puede interesar|читайте также)\s*(?:[:.…]|\.\.\.)?\s*$",
        opens_list=True,
    ),
    Rule(
        "related links",
        r".{3,120}\s[-–—:|]\s*(?:the )?(?:latest|breaking|live) (?:news|updates)\s*$",
        opens_list=True,
    ),
    # One-line teasers: "Read more: Tencent profit falls…", "SEE MORE: …", "Related: …".
    Rule(
        "related links",
        r"(?:read more|see more|related(?: post| article| story)?|more|also read|read also|see also|watch|listen|recommended|lesen sie auch|lire aussi|leia tamb[ée]m|lee tambi[ée]n)\s*:\s*\S",
    ),
    Rule("related links", r"\[\s*(?:related|read more|see also)\b[^\]]*\]\s*$"),
    Rule(
        "related links",
        r".{5,160}\[(?:insight|video|pics|photos|news|reaction|revealed|latest|analysis|poll|watch|live|update|warning|comment|gallery|explained)\]\s*\|?\s*$",
    ),
    # Share and follow furniture: "Share", "Like this story? Share it with a friend!".
    Rule(
        "share",
        rf"(?:share|tweet|pin|print|e-?mail|copy link|save|whatsapp|facebook|twitter|linkedin|reddit|flipboard|teilen|partager|compartir|condividi|compartilhar|поделиться)(?:\s*(?:this|the)?\s*(?:article|story|page|post|link))?(?:\s*(?:on|via|to)\s*{_SOCIAL})?\s*[:!]?$",
    ),
    Rule("share", r"(?:share|like|liked) (?:this|the) (?:article|story|post)\b.{0,60}$"),
    Rule("share", rf"share (?:on|via|to) {_SOCIAL}\b"),
    Rule("share", r"(?:click|tap) (?:here )?to (?:share|email|print|tweet)\b"),
    Rule("share", r"\d+\s*(?:shares?|comments?|views?|likes?)\s*$"),
    Rule("follow", rf"(?:follow|like) (?:us|me|him|her|them|\w+(?: \w+){{0,4}}) on {_SOCIAL}\b"),
    Rule("follow", r"(?:get|have) a (?:news )?tip\?"),
    Rule("follow", rf"(?:join|subscribe to) (?:us|our (?:\w+ )?channel) on {_SOCIAL}\b"),
    # Newsletter and subscription pitches: "Sign up for The Water Coolest today…".
    Rule(
        "subscribe",
        r"(?:sign up|subscribe|register|get (?:the latest|our|access)|start your day|join our|download our|get \w+ \w+ delivered)\b.{0,200}\b(?:newsletters?|inbox|subscriptions?|delivered|free|sign up|subscribe)\b",
    ),
    Rule("subscribe", r"(?:sign up|subscribe)(?: now| today| here)?\s*[.!]?$"),
    Rule("subscribe", r".{0,80}\bnewsletter\s*$"),
    # Comment sections and reader prompts left at the end: "Comments", "Tell us what YOU think...".
    Rule(
        "comments",
        r"(?:\d+\s*)?(?:comments?|reader comments|leave a (?:comment|reply)|join the (?:discussion|conversation)|post a comment|tell us what you think)\b.{0,20}$",
    ),
    # Copyright notices: "Copyright 2025 Reuters. All rights reserved."
    Rule("copyright", r"(?:©|copyright|\(c\))\s"),
    Rule("copyright", r".{0,80}\ball rights reserved\b"),
    # Photo and video captions and credits: "VideoTwo North Korean soldiers captured…".
    Rule(
        "caption",
        r"(?:video|photo|photos|image|picture|gallery|watch|foto|vid[ée]o|bild)(?=(?-i:[A-Z]))",
    ),
    Rule(
        "caption",
        r"(?:video|photo|photos|image|picture|gallery|foto|vid[ée]o|bild)\s*(?::|\||-|–)\s*.{2,200}$",
    ),
    Rule(
        "caption",
        r"(?:photo|photos|image|picture|illustration|graphic)s?\s*(?:credit|courtesy|by|source)?\s*[:©]",
    ),
    Rule(
        "caption",
        r".{2,200}(?:\((?:photo|image|picture|credit|source)\s*[:/][^)]*\)|(?:photo|image|credit)\s*:\s*[\w .&/-]{2,60})$",
    ),
    Rule("caption", r".{0,200}©\s*[\w .,&/-]{2,60}(?:,? \d{4})?$"),
    # Contributor and editing credits (wire style); the article body never needs them.
    Rule(
        "credit",
        r"\(?(?:reporting|additional reporting|writing|editing|compiled|translated|research) by\b[^\n]{0,300}$",
    ),
    Rule(
        "credit",
        r".{3,300}\b(?:contributed (?:reporting|to this (?:report|story|article))|contributed from)\b.{0,60}\.?$",
    ),
    Rule(
        "credit",
        r"(?:source|sources|with agencies|inputs from|with inputs from|quelle|fuente|fonte)\s*:\s*.{2,80}$",
    ),
    Rule(
        "credit",
        r"\(?this (?:is an unedited|story has not been edited|article was (?:auto-)?generated)\b.{0,200}\)?\s*$",
    ),
    # Bare timestamps without a date: "Updated at 1:23 p.m."
    Rule(
        "dateline",
        r"(?:last )?(?:updated|posted|published)\s*(?:at|on|:)?\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\.?)?\s*[A-Z]{0,4}\.?$",
    ),
    # Bylines: "By Jane Doe, Reuters", "Author: Jane Doe".
    Rule(
        "byline",
        r"(?:by|written by|words by|author|autor|auteur|por|par|von)\s*:?\s+(?-i:(?:[A-Z][\w.'-]+|[A-Z]\.)(?:\s+(?:[A-Z][\w.'-]+|[A-Z]\.|de|van|von|da|al|bin|el|la|le)){0,4}(?:\s*(?:,|and|&|und|et|y|e)\s+(?:[A-Z][\w.'-]+)(?:\s+[A-Z][\w.'-]+){0,3})*)\s*(?:[,|/-]\s*[\w .&()-]{1,40})?$",
    ),
)


def _compile(rules: tuple[Rule, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?P<r{i}>{r.pattern})" for i, r in enumerate(rules)), re.I)


RULES_RE = _compile(RULES)


def match_rule(line: str, words: int) -> Rule | None:
    """The first rule that matches ``line`` (at its start); long lines never match."""
    if words > SHORT_WORDS:
        return None
    m = RULES_RE.match(line)
    return RULES[int(m.lastgroup[1:])] if m and m.lastgroup else None
