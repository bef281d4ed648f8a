"""Reported (indirect) speech in one sentence: "X said that ...", "...,
X said", "according to X", "As X points out, ...", "Name: words", and who a
speaker relays ("citing X", "after an X briefing"). Negated attributions
("Neither X nor Y has confirmed ...") and nouns that look like cues ("the
alleged involvement") attribute nothing.
"""

from __future__ import annotations

import re

from corroborate.extract.clauses import (
    ACCORDING,
    AFTER_VERB_SPK,
    AGREE_CUES,
    AGREED_TO,
    AND_TAIL,
    ARTICLE_TAIL,
    AS_SAYS,
    AS_SAYS_AFTER,
    BRIEFING,
    CITING,
    COLON_SPK,
    LEAD_SUBJECT,
    LISTENER_AFTER_VERB,
    NEGATED,
    NEW_CLAUSE_AFTER,
    NOUN_CUE_AFTER,
    OBJECT_AFTER_VERB,
    PARENTHETICAL_REST,
    QUOTE_NEXT,
    RELATIVE_BEFORE,
    RELATIVE_CUE,
    TELL,
    THAT_AFTER,
    TIME_TRAILER,
    TO_VERB,
    TOPIC_THAT,
    Masked,
    clause_end,
    comma_in_quote,
    ends_with_comma,
    speaker_segment,
    trim,
)
from corroborate.extract.lexicon import (
    CUE_KIND,
    EVIDENCE_NOUNS,
    THAT_ONLY_CUES,
    TO_ONLY_CUES,
)
from corroborate.extract.speakers import Resolver, Source, singular_person


def cited_source(text: str, mk: Masked, a: int, b: int, resolver: Resolver) -> list[Source]:
    """Who a speaker relays: "citing X", "after an X briefing"."""
    sent = mk.text[a:b]
    if mk.has("citing", a, b) or mk.has("quoting", a, b):
        for m in CITING.finditer(sent):
            found = resolver.resolve(a + m.start("src"), a + m.end("src"))
            if found:
                return found
    bm = BRIEFING.search(sent) if mk.has("briefing", a, b) else None
    if bm:
        src = resolver.describe(text[a + bm.start("src") : a + bm.end("src")], a + bm.start(), None)
        if src:
            return [src]
    return []


def reported_speech(
    text: str, mk: Masked, s: int, e: int, resolver: Resolver
) -> list[tuple[int, int, list[Source], Source | None, str, tuple[int, int] | None]]:
    """Reported speech in one sentence: (start, end, sources, via, cue, content span)."""
    out: list[tuple[int, int, list[Source], Source | None, str, tuple[int, int] | None]] = []
    masked = mk.text
    sent = masked[s:e]
    m = COLON_SPK.match(sent) if ":" in sent[:40] else None
    if m:  # a headline's or a transcript's "Name: what they said"
        label = m["spk"]
        person = None
        if label.isupper() and len(label) > 2:
            person = resolver.person_named(label) or resolver.transcript_label(label)
        srcs = [person] if person else resolver.resolve(s + m.start("spk"), s + m.end("spk"))
        typ: str | None = srcs[0].entity.type if srcs and srcs[0].entity is not None else None
        if not srcs and mk.in_heading(s) and label.split()[-1].lower() in EVIDENCE_NOUNS:
            srcs = [Source(label, None, label)]  # a headline's "Poll: ..."
            typ = "evidence"
        if person or typ == "person" or (mk.in_heading(s) and typ in ("org", "evidence")):
            return [(s, e, srcs, None, ":", trim(text, s + m.end(), e))]
    m = AS_SAYS.match(sent) if "As " in sent[:4] else None
    if m:
        srcs = resolver.resolve(s + m.start("spk"), s + m.end("spk"))
        content = trim(text, s + m.end(), e)
        out.append((s, e, srcs, None, m["verb"], content))
        return out
    m = AS_SAYS_AFTER.search(sent) if " as " in sent else None
    if m:
        srcs = resolver.resolve(s + m.start("spk"), s + m.end("spk"))
        if srcs:
            return [(s, e, srcs, None, m["verb"], trim(text, s, s + m.start()))]
    for m in ACCORDING.finditer(sent) if mk.has("according", s, e) else ():
        srcs = resolver.resolve(s + m.start("src"), s + m.end("src"))
        if not srcs and _PROPER_NAME.fullmatch(m["src"].strip()):
            # "According to Politico, ...": a name the article gives no more of
            srcs = [Source(m["src"].strip(), None, m["src"].strip())]
        if not srcs:
            continue
        if m.start() <= 2:  # "According to X, CLAUSE."
            comma = sent.find(",", m.end())
            content = trim(text, s + comma + 1, e) if comma > 0 else None
        else:  # "CLAUSE, according to X."
            content = trim(text, s, s + m.start())
        out.append((s, e, srcs, None, "according to", content))
    if out:
        return out
    verbs = [
        vm
        for vm in mk.verbs_in(s, e)
        if "xxx" not in masked[max(s, vm.start() - 3) : min(e, vm.end() + 3)]
        and not NOUN_CUE_AFTER.match(masked, vm.end(), e)
    ]
    cited = cited_source(text, mk, s, e, resolver) if verbs else []
    for vm in verbs:
        vs, ve = vm.start(), vm.end()
        # "CLAUSE, said X." / "CLAUSE, X said."
        inverted = AFTER_VERB_SPK.match(masked[vs:e])
        if vm[0].lower() in TELL:
            inverted = None  # "..., told the Northern Courier": the listener, not the speaker
        if ends_with_comma(masked, s, vs) and inverted and len(inverted["spk"].split()) <= 6:
            a, b = vs + inverted.start("spk"), vs + inverted.end("spk")
            srcs = resolver.resolve(a, b)
            if srcs and (srcs[0].entity is not None or singular_person(srcs[0].description or "")):
                out.append((s, e, srcs, cited[0] if cited else None, vm[0], trim(text, s, vs)))
                continue
        if vm[0].lower() in ("continued", "continues"):
            continue  # only "..., she continued." signs speech; "As the search continued, ..." does not
        if ARTICLE_TAIL.search(masked, max(s, vs - 8), vs):
            continue  # "the alleged involvement": an adjective
        if (
            vm[0].lower() in THAT_ONLY_CUES
            and not THAT_AFTER.match(masked, ve, e)
            and not _evidence_subject(masked, s, vs, vm[0])
        ):
            continue  # "the two alleged soldiers", "police found a body": no attribution
        if vm[0].lower() in TO_ONLY_CUES and not TO_VERB.match(masked, ve, e):
            continue  # "she plans a trip", "the plans": no aim reported
        if NEGATED.search(masked, max(s, vs - 40), vs):
            # "Neither X nor Y has confirmed that ...", "X did not say ...": X
            # asserted nothing; never turn it into a statement by X
            continue
        infinitive = AGREED_TO.match(masked, ve, e)
        if infinitive and vm[0].lower() in AGREE_CUES:
            continue  # "if their leader agrees to swap them": an act, not a statement
        seg = speaker_segment(masked, s, vs)
        if infinitive and seg and RELATIVE_BEFORE.search(masked, max(s, seg[0] - 8), seg[0]):
            continue  # "the soldiers that Ukraine has claimed to capture": no content
        if seg and mk.in_heading(s) and "," in masked[seg[0] : seg[1]]:
            # a title-cased headline is no list of names: "Plan Could Pass, Ida Lunn Says"
            cut = masked.rfind(",", seg[0], seg[1]) + 1
            seg = (cut + len(masked[cut : seg[1]]) - len(masked[cut : seg[1]].lstrip()), seg[1])
        if AND_TAIL.search(masked, max(s, vs - 24), vs) or (
            vm[0].endswith("ing") and ends_with_comma(masked, s, vs)
        ):
            # "X bemoaned the unrest and said he thought ...", "X filed a motion,
            # arguing ...": the sentence's subject
            lead = LEAD_SUBJECT.match(masked, s, vs)
            span = (lead.start("spk"), lead.end("spk")) if lead else None
            if lead and lead["spk"].lower() in ("it", "there", "this", "that"):
                span = None  # "It will be recalled that ..., noting": no one
            named = resolver.resolve(*span) if span else []
            if named and named[0].entity is not None:
                seg = span
            elif out and vm[0].endswith("ing") and out[-1][0] < vs:
                # `"...," X said in a statement, adding that ...`: the last speaker
                sources, via = out[-1][2], out[-1][3]
                that = THAT_AFTER.match(masked, ve, e)
                out.append((s, e, sources, via, vm[0], trim(text, that.end() if that else ve, e)))
                continue
        srcs = resolver.resolve(*seg) if seg else []
        if not srcs and seg and _evidence_subject(masked, s, vs, vm[0]):
            # "Video of the incident shows ...": the evidence itself, unnamed
            phrase = " ".join(text[seg[0] : seg[1]].split()[:8])
            srcs = [Source(_clean_evidence(phrase), None, phrase)]
        if not srcs:
            # "Senator Ann Roe, Democrat of Ohio, said": the name before a bare
            # role; "In a meeting with the board Holt said": the name right
            # before the verb, after a fronted phrase with no comma
            found = _subject_before(masked, s, seg, vs, resolver)
            if found:
                seg, srcs = found
        if seg is None:
            if cited and ends_with_comma(masked, s, vs):
                out.append((s, e, cited, None, vm[0], trim(text, ve, e)))
            continue
        if not srcs and cited:
            srcs, cited = cited, []
        if not srcs:
            continue
        after_verb = ve
        if vm[0].lower() in TELL and (lm := LISTENER_AFTER_VERB.match(masked, ve, e)):
            after_verb = lm.end()  # "..., X told the Daily Ledger on Thursday."
        trailing = TIME_TRAILER.match(masked[after_verb:e])
        if vm[0].endswith("ing") or QUOTE_NEXT.match(masked, ve, e):
            trailing = None  # "During a speech, X attacked Y, saying, “...”": no parenthesis
        before_comma = ends_with_comma(masked, s, seg[0]) or comma_in_quote(text, s, seg[0])
        if before_comma and seg[0] > s + 10 and trailing:
            # "CLAUSE, a South Korean lawmaker said on Monday, citing X."; "The
            # bridge, Mr. Ostrow said, would make ...": the words around the attribution
            rest = PARENTHETICAL_REST.match(masked, ve + trailing.end(), e)
            content = trim(text, s, e if rest else seg[0])
            clause = (s, e if rest else seg[0])
        else:
            if NEW_CLAUSE_AFTER.match(masked, ve, e):
                continue  # "only if the council agrees, Sen. X told ...": no complement
            after = LISTENER_AFTER_VERB if vm[0].lower() in TELL else OBJECT_AFTER_VERB
            obj = after.match(masked, ve, e)
            cs = obj.end() if obj else ve
            topic = TOPIC_THAT.match(masked, cs, e)
            if topic:  # "said of the pace of the works that it was too slow"
                cs = topic.end()
            ends = clause_end(masked, cs, e)
            if RELATIVE_CUE.search(masked, max(s, vs - 40), vs):
                # "Holt, who has backed the levy since May, said ...": the
                # relative clause ends at its comma
                comma = masked.find(",", cs, ends)
                ends = comma if comma > 0 else ends
            content = trim(text, cs, ends)
            clause = (seg[0], ends)
        if cited:
            out.append((clause[0], clause[1], cited, srcs[0], vm[0], content))
        else:
            out.append((clause[0], clause[1], srcs, None, vm[0], content))
    return out


def _subject_before(
    masked: str, s: int, seg: tuple[int, int] | None, vs: int, resolver: Resolver
) -> tuple[tuple[int, int], list[Source]] | None:
    """A named subject the clause segment missed: the name an unresolved
    appositive follows, or a person's name ending right before the verb."""
    if seg is not None and ends_with_comma(masked, s, seg[0]):
        comma = masked.rfind(",", s, seg[0])
        head = speaker_segment(masked, s, comma)
        inside = resolver.ents.within(*head) if head else []
        # the head is one person's name, all of it ("In the Wells Fargo
        # scandal, people were charged" names no speaker)
        if (
            head
            and len(inside) == 1
            and inside[0][1] == head[1]
            and inside[0][2].type in ("person", "org", "place")
            and len(masked[head[0] : inside[0][0]].split()) <= 2  # a title at most
        ):
            return head, [Source(inside[0][2].name, inside[0][2])]
    end = vs
    while end > s and masked[end - 1] == " ":
        end -= 1
    last = [m for m in resolver.ents.within(max(s, end - 60), end) if m[1] == end]
    if last and last[-1][2].type == "person" and last[-1][0] > s:
        a = last[-1][0]
        return (a, end), [Source(last[-1][2].name, last[-1][2])]
    return None


_PROPER_NAME = re.compile(r"[A-Z][\w'’.&-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w'’.&-]*){0,3}")
_PASSIVE_AFTER = re.compile(
    r"\s+(?:on|in|at|near|by|inside|under|with|during|after|among|beside|outside|there|here)\b"
)
_PHRASE_BREAK = re.compile(
    r"\s(?:of|by|from|in|on|at|for|conducted|published|released|taken)\s|[–—,(]"
)


def _evidence_subject(masked: str, s: int, vs: int, cue: str) -> bool:
    """ "The poll showed ...", "A study by the city found ...": a what-shows cue
    whose subject is a poll, a study, a video (``EVIDENCE_NOUNS``)."""
    if CUE_KIND.get(cue.lower()) != "evidence":
        return False
    if _PASSIVE_AFTER.match(masked, vs + len(cue)):
        return False  # "Documents found on dead soldiers indicate ...": a participle
    seg = speaker_segment(masked, s, vs)
    if seg is None:
        return False
    phrase = masked[seg[0] : seg[1]]
    head = _PHRASE_BREAK.split(" " + phrase, maxsplit=1)[0].split()
    return bool(head) and head[-1].lower() in EVIDENCE_NOUNS


def _clean_evidence(phrase: str) -> str:
    return re.sub(r"^(?:a|an)\s+", "the ", phrase.strip(), flags=re.I)
