"""Cue words for extraction, as data. Each family says why it exists.

Lower-case entries; multi-word entries are matched as phrases.
"""

from __future__ import annotations

# Titles before a name make it a person and give a role: "Admiral Rob Bauer",
# "Rep. Lee Seong-kweun", "Ukrainian President Volodymyr Zelenskyy".
TITLES = frozenset(["president", "vice-president", "prime", "minister", "premier", "chancellor", "minister", "secretary", "secretary-general", "king", "queen", "prince", "princess", "crown", "pope", "emperor", "sultan", "emir", "sheikh", "ayatollah", "admiral", "general", "gen.", "gen", "lieutenant", "lt.", "lt", "colonel", "col.", "col", "major", "maj.", "captain", "capt.", "capt", "sergeant", "sgt.", "sgt", "commander", "brigadier", "marshal", "corporal", "cpl.", "private", "pvt.", "colonel-general", "rep.", "rep", "representative", "sen.", "sen", "senator", "congressman", "congresswoman", "governor", "gov.", "gov", "mayor", "judge", "justice", "prosecutor", "attorney", "professor", "prof.", "prof", "dr.", "dr", "mr.", "mr", "mrs.", "mrs", "ms.", "ms", "miss", "sir", "dame", "lord", "lady", "baron", "rev.", "reverend", "father", "bishop", "archbishop", "cardinal", "imam", "rabbi", "patriarch", "ambassador", "envoy", "chairman", "chairwoman", "chairperson", "chair", "director", "spokesman", "spokeswoman", "coach", "spokesperson", "deputy", "chief", "inspector", "detective", "officer", "superintendent", "speaker", "leader", "foreign", "defence", "defense", "interior", "finance", "economy", "health", "justice", "home"])  # fmt: skip

# Title words that only count with another title word ("Foreign Minister") or as
# a leading "Chief ..." — alone they are ordinary words at the start of a name.
TITLE_MODIFIERS = frozenset(
    [
        "foreign",
        "defence",
        "defense",
        "interior",
        "finance",
        "economy",
        "health",
        "justice",
        "home",
        "deputy",
        "vice",
        "chief",
        "crown",
    ]
)

# Role nouns: what an appositive or description says someone is ("a retired
# general", "the elected official"); used to link descriptions to names.
ROLE_NOUNS = frozenset(["president", "minister", "premier", "chancellor", "secretary", "king", "queen", "prince", "leader", "dictator", "strongman", "admiral", "general", "commander", "colonel", "officer", "soldier", "lawmaker", "legislator", "official", "representative", "senator", "congressman", "governor", "mayor", "judge", "prosecutor", "lawyer", "professor", "researcher", "fellow", "scholar", "analyst", "expert", "economist", "scientist", "historian", "author", "co-author", "director", "chief", "head", "spokesman", "spokeswoman", "spokesperson", "ambassador", "diplomat", "envoy", "journalist", "reporter", "editor", "correspondent", "doctor", "physician", "nurse", "witness", "resident", "survivor", "activist", "founder", "chairman", "executive", "ceo", "manager", "mp", "politician", "adviser", "advisor", "negotiator", "investigator", "inspector", "captain", "pilot", "teacher", "farmer", "student", "mother", "father", "owner", "worker", "engineer", "priest", "driver", "shopkeeper", "nurse"])  # fmt: skip

# A description's head noun may be a synonym of the role the text gave
# ("a South Korean lawmaker" ... "the elected official").
ROLE_SYNONYMS = {
    "official": {"lawmaker", "legislator", "representative", "rep.", "rep", "senator", "mp",
                 "minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "officer",
                 "politician", "governor", "mayor", "diplomat", "ambassador"},
    "lawmaker": {"legislator", "representative", "rep.", "rep", "senator", "mp", "congressman",
                 "congresswoman", "politician"},
    "legislator": {"lawmaker", "representative", "rep.", "rep", "senator", "mp"},
    "general": {"gen.", "gen", "brigadier", "commander", "admiral", "officer"},
    "officer": {"general", "colonel", "captain", "major", "lieutenant", "commander", "officer"},
    "expert": {"analyst", "professor", "researcher", "fellow", "scholar", "economist"},
    "analyst": {"expert", "researcher", "fellow"},
    "academic": {"professor", "researcher", "scholar", "fellow"},
    "president": {"leader", "head"},
    "leader": {"president", "premier", "dictator", "strongman", "chairman", "head", "king"},
    "politician": {"lawmaker", "legislator", "senator", "mp", "rep.", "minister"},
}  # fmt: skip

# Head words that make a capitalised name an organisation.
ORG_WORDS = frozenset(["service", "services", "survey", "institute", "institution", "committee", "university", "college", "school", "academy", "party", "ministry", "agency", "council", "commission", "department", "office", "bureau", "authority", "authorities", "association", "organisation", "organization", "foundation", "fund", "bank", "company", "corporation", "corp", "corp.", "inc", "inc.", "ltd", "ltd.", "llc", "plc", "group", "union", "federation", "league", "alliance", "coalition", "front", "army", "navy", "forces", "force", "guard", "guards", "police", "court", "parliament", "assembly", "congress", "senate", "cabinet", "government", "administration", "centre", "center", "network", "news", "times", "post", "journal", "herald", "tribune", "press", "reuters", "board", "program", "programme", "project", "society", "trust", "club", "church", "hospital", "museum", "airlines", "airways", "railways", "media", "broadcasting", "television", "radio", "tv", "daily", "gazette", "review", "monitor", "watch", "initiative", "movement", "brigade", "regiment", "battalion", "division", "corps", "directorate", "secretariat", "tribunal", "chamber", "exchange", "laboratory", "lab", "observatory", "partners", "holdings", "systems", "technologies", "energy", "motors", "pharmaceuticals", "industries", "international", "commission", "secretariat", "command", "staff", "unit"])  # fmt: skip

# Organisations known by one word or an acronym that is not defined in the text.
KNOWN_ORGS = frozenset(["nato", "un", "eu", "afp", "ap", "reuters", "bbc", "cnn", "dw", "isw", "nis", "sbu", "iaea", "who", "imf", "osce", "icrc", "unicef", "unhcr", "kremlin", "pentagon", "hamas", "hezbollah", "taliban", "interpol", "europol", "amnesty", "fbi", "cia", "nsa", "mi5", "mi6", "gru", "fsb", "kgb", "un's", "opec", "wto", "wfp", "unesco", "nasa", "esa", "fifa", "uefa", "ioc", "oecd", "asean", "g7", "g20", "brics", "ecb"])  # fmt: skip

# Acronyms of countries: a place, not an organisation.
PLACE_ACRONYMS = frozenset(
    ["us", "usa", "u.s.", "u.s.a.", "uk", "u.k.", "uae", "dprk", "rok", "drc", "prc", "ussr"]
)

# Words that make a capitalised name a place (when no organisation word is there).
PLACE_WORDS = frozenset(["republic", "kingdom", "region", "oblast", "province", "county", "district", "island", "islands", "sea", "ocean", "river", "mountains", "peninsula", "strait", "gulf", "bay", "valley", "lake", "coast", "state", "states", "emirates", "territory", "territories", "city"])  # fmt: skip

# Places the city gazetteer lacks (regions, areas) but news names all the time.
EXTRA_PLACES = frozenset(
    [
        "europe",
        "asia",
        "africa",
        "america",
        "americas",
        "oceania",
        "antarctica",
        "middle east",
        "far east",
        "west bank",
        "gaza",
        "gaza strip",
        "crimea",
        "donbas",
        "donbass",
        "donetsk",
        "luhansk",
        "kherson",
        "zaporizhzhia",
        "kursk",
        "belgorod",
        "kashmir",
        "tibet",
        "xinjiang",
        "darfur",
        "sahel",
        "balkans",
        "caucasus",
        "scandinavia",
        "siberia",
        "korean peninsula",
        "indo-pacific",
        "asia-pacific",
        "north america",
        "south america",
        "latin america",
        "east asia",
        "southeast asia",
        "west africa",
        "east africa",
        "kyiv",
        "kiev",
        "washington",
        "north korea",
        "south korea",
        "taiwan",
        "kosovo",
        "palestine",
        "england",
        "scotland",
        "wales",
        "northern ireland",
        "hong kong",
        "macau",
    ]
)

# Names of events and works: capitalised but not a person, organisation or place.
EVENT_WORDS = frozenset(["war", "cup", "league", "games", "olympics", "summit", "day", "festival", "award", "prize", "act", "treaty", "agreement", "accord", "convention", "protocol", "election", "revolution", "crisis", "pandemic", "storm", "hurricane", "typhoon", "operation", "confidential", "book", "report", "conference", "forum", "week"])  # fmt: skip

# Nationalities and groups ("North Korean soldiers", "Ukrainians"), with the country.
DEMONYMS = {
    "american": "United States", "british": "United Kingdom", "russian": "Russia",
    "ukrainian": "Ukraine", "north korean": "North Korea", "south korean": "South Korea",
    "korean": "Korea", "japanese": "Japan", "chinese": "China", "german": "Germany",
    "french": "France", "italian": "Italy", "spanish": "Spain", "polish": "Poland",
    "israeli": "Israel", "palestinian": "Palestine", "iranian": "Iran", "iraqi": "Iraq",
    "syrian": "Syria", "turkish": "Turkey", "indian": "India", "pakistani": "Pakistan",
    "afghan": "Afghanistan", "egyptian": "Egypt", "saudi": "Saudi Arabia",
    "canadian": "Canada", "mexican": "Mexico", "brazilian": "Brazil",
    "australian": "Australia", "belarusian": "Belarus", "georgian": "Georgia",
    "lithuanian": "Lithuania", "latvian": "Latvia", "estonian": "Estonia",
    "finnish": "Finland", "swedish": "Sweden", "norwegian": "Norway", "danish": "Denmark",
    "dutch": "Netherlands", "belgian": "Belgium", "swiss": "Switzerland",
    "austrian": "Austria", "hungarian": "Hungary", "czech": "Czechia", "slovak": "Slovakia",
    "romanian": "Romania", "bulgarian": "Bulgaria", "serbian": "Serbia",
    "croatian": "Croatia", "greek": "Greece", "lebanese": "Lebanon", "jordanian": "Jordan",
    "yemeni": "Yemen", "sudanese": "Sudan", "ethiopian": "Ethiopia", "kenyan": "Kenya",
    "nigerian": "Nigeria", "south african": "South Africa", "venezuelan": "Venezuela",
    "colombian": "Colombia", "argentine": "Argentina", "argentinian": "Argentina",
    "chilean": "Chile", "peruvian": "Peru", "cuban": "Cuba", "vietnamese": "Vietnam",
    "thai": "Thailand", "filipino": "Philippines", "indonesian": "Indonesia",
    "malaysian": "Malaysia", "taiwanese": "Taiwan", "mongolian": "Mongolia",
    "kazakh": "Kazakhstan", "armenian": "Armenia", "azerbaijani": "Azerbaijan",
    "moldovan": "Moldova", "irish": "Ireland", "scottish": "Scotland", "welsh": "Wales",
    "english": "England", "portuguese": "Portugal", "libyan": "Libya", "tunisian": "Tunisia",
    "algerian": "Algeria", "moroccan": "Morocco", "somali": "Somalia", "qatari": "Qatar",
    "emirati": "United Arab Emirates", "kuwaiti": "Kuwait", "european": "Europe",
    "african": "Africa", "asian": "Asia", "western": "", "kurdish": "", "arab": "",
    "jewish": "", "muslim": "", "christian": "", "soviet": "Soviet Union",
    "new zealander": "New Zealand", "icelandic": "Iceland", "slovenian": "Slovenia",
    "bosnian": "Bosnia and Herzegovina", "albanian": "Albania", "haitian": "Haiti",
    "congolese": "DR Congo", "rwandan": "Rwanda", "ugandan": "Uganda", "malian": "Mali",
    "bangladeshi": "Bangladesh", "sri lankan": "Sri Lanka", "nepalese": "Nepal",
    "burmese": "Myanmar", "cambodian": "Cambodia", "singaporean": "Singapore",
}  # fmt: skip

# Capitals and seats that stand for a government ("Seoul put the figure at 1,000").
EXTRA_ALIASES = {"kiev": "Kyiv", "u.s.": "United States", "us": "United States",
                 "usa": "United States", "uk": "United Kingdom", "u.k.": "United Kingdom",
                 "dprk": "North Korea", "rok": "South Korea", "america": "United States",
                 "britain": "United Kingdom", "great britain": "United Kingdom"}  # fmt: skip

# Capitalised words that start sentences without being names ("However", "Analysts").
# The article's own lower-case vocabulary catches most others.
COMMON_CAPS = frozenset(["the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "my", "your", "him", "them", "in", "on", "at", "for", "from", "by", "with", "without", "as", "of", "to", "after", "before", "during", "since", "until", "while", "when", "where", "why", "how", "what", "who", "whom", "whose", "which", "if", "but", "and", "or", "so", "yet", "however", "meanwhile", "also", "still", "although", "though", "despite", "according", "last", "next", "first", "second", "third", "some", "several", "many", "most", "few", "all", "both", "each", "every", "other", "another", "such", "no", "not", "neither", "nor", "only", "even", "just", "now", "then", "today", "yesterday", "tomorrow", "earlier", "later", "here", "there", "shortly", "notably", "instead", "indeed", "moreover", "furthermore", "thus", "therefore", "asked", "speaking", "writing", "analysts", "officials", "experts", "authorities", "residents", "police", "witnesses", "critics", "soldiers", "troops", "video", "videos", "photos", "documents", "notes", "reports", "estimates", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "retired", "former", "ex", "late", "acting", "interim", "new", "more", "less", "over", "under", "about", "around", "nearly", "almost", "is", "are", "was", "were", "be", "been", "has", "have", "had", "do", "does", "did", "will", "would", "can", "could", "should", "may", "might", "must", "please", "read", "watch", "listen", "see", "click", "follow", "share", "subscribe", "sign", "related", "breaking", "update", "updated", "exclusive", "opinion", "analysis", "live", "photo", "image", "credit", "source", "sources", "let", "there's", "it's", "that's", "here's", "what's", "who's", "don't", "can't", "won't", "isn't", "aren't", "wasn't", "prisoners", "prisoner", "men", "women", "people", "children", "families", "officials'", "leaders", "soldier"])  # fmt: skip

# Name particles that may sit inside a name ("Institute for the Study of War",
# "Ludwig van Beethoven", "Abu Bakr al-Baghdadi").
CONNECTORS = frozenset(
    [
        "of",
        "for",
        "the",
        "de",
        "da",
        "del",
        "der",
        "van",
        "von",
        "al",
        "bin",
        "bint",
        "ibn",
        "du",
        "la",
        "le",
        "y",
        "&",
    ]
)

PRONOUNS = {"he": "person", "she": "person", "him": "person", "her": "person", "it": "org",
            "they": "plural", "we": "plural", "i": "self"}  # fmt: skip

# Reporting verbs: what makes a clause attributed speech. Inflections listed.
SPEECH_VERBS = ["said", "says", "say", "told", "tells", "tell", "added", "adds", "wrote", "writes", "noted", "notes", "warned", "warns", "stated", "states", "explained", "explains", "continued", "continues", "claimed", "claims", "claim", "argued", "argues", "insisted", "insists", "insist", "announced", "announces", "declared", "declares", "asked", "asks", "replied", "replies", "responded", "responds", "commented", "comments", "recalled", "recalls", "acknowledged", "acknowledges", "admitted", "admits", "confirmed", "confirms", "denied", "denies", "reported", "reports", "estimated", "estimates", "estimate", "believes", "believed", "believe", "thinks", "thought", "concluded", "concludes", "observed", "observes", "remarked", "remarks", "emphasized", "emphasizes", "emphasised", "emphasises", "stressed", "stresses", "suggested", "suggests", "urged", "urges", "tweeted", "posted", "predicted", "predicts", "cautioned", "cautions", "alleged", "alleges", "revealed", "reveals", "indicated", "indicates", "assured", "assures", "promised", "promises", "vowed", "vows", "pledged", "pledges", "conceded", "concedes", "calculated", "calculates", "considers", "considered", "accused", "accuses", "accuse", "disclosed", "discloses", "saying", "adding", "noting", "telling", "writing", "warning", "arguing", "insisting", "claiming", "explaining", "stressing", "urging", "asking", "questioned", "questions", "mocked", "mocks", "praised", "praises", "criticized", "criticised", "criticizes", "criticises", "blasted", "blasts", "slammed", "slams", "defended", "defends", "dismissed", "dismisses", "rejected", "rejects", "described", "describes", "proposed", "proposes", "threatened", "threatens", "demanded", "demands", "testified", "testifies", "mentioned", "mentions", "complained", "complains", "boasted", "boasts", "joked", "jokes", "quipped", "recounted", "reiterated", "reiterates", "repeated", "repeats", "countered", "counters", "retorted", "touted", "touts", "hailed", "hails", "lamented", "laments", "decried", "condemned", "condemns", "denounced", "denounces", "endorsed", "endorses", "maintained", "maintains", "contended", "contends", "asserted", "asserts", "charged", "charges", "speculated", "wondered", "hinted", "hints", "signaled", "signalled", "signals", "expects", "expected", "hopes", "hoped", "fears", "feared", "agreed", "agrees", "disputed", "disputes", "acknowledging", "announcing", "calling", "shows", "showed", "show", "found", "finds"]  # fmt: skip

# More cues by lemma, inflected below: verbs of communication (Levin's "say",
# "tell", "manner of speaking", "complain", "advise" and "promise" classes)
# and of judgment (praise, criticise, accuse; reported as a stance). Kept to
# verbs a news sentence uses with a speaker as subject; words that are mostly
# nouns or actions ("report", "post", "support", "attack") are left out.
_MORE_SPEECH = ["declare", "reply", "respond", "comment", "recall", "admit", "confirm", "remark",
                "emphasize", "emphasise", "stress", "suggest", "tweet", "predict", "caution",
                "allege", "reveal", "indicate", "assure", "promise", "vow", "pledge", "concede",
                "disclose", "testify", "mention", "complain", "boast", "joke", "quip", "recount",
                "reiterate", "lament", "maintain", "contend", "assert", "speculate", "hint",
                "advise", "recommend", "inform", "remind", "clarify", "reassure", "confide",
                "proclaim", "shout", "yell", "scream", "whisper", "mutter", "brag", "concur",
                "protest", "wonder", "forecast", "reckon", "attest", "affirm", "grumble", "gripe",
                "apologize", "apologise", "confess", "divulge", "interject", "muse", "opine",
                "summarize", "summarise", "write", "explain", "warn", "insist", "argue", "claim",
                "note", "announce", "acknowledge", "deny", "estimate"]  # fmt: skip
_MORE_STANCE = ["praise", "criticize", "criticise", "blame", "accuse", "condemn", "applaud",
                "commend", "scold", "chastise", "mock", "ridicule", "slam", "blast", "denounce",
                "decry", "deride", "dismiss", "reject", "hail", "fault", "lambaste", "berate",
                "rebuke", "castigate", "excoriate", "assail", "disparage", "belittle", "defend",
                "endorse", "threaten", "demand", "encourage", "implore", "plead", "urge", "dub",
                "label", "brand", "describe", "characterize", "characterise", "portray", "liken",
                "question", "dispute", "tout", "lament", "exhort", "cite", "compare", "oppose",
                "back", "support", "advocate", "outline", "champion", "favor", "favour",
                "embrace"]  # fmt: skip
_DOUBLED_FINAL = frozenset(["admit", "quip", "concur", "regret", "dub", "refer", "confer"])
_IRREGULAR = {"write": ["writes", "wrote", "writing", "written"],
              "tell": ["tells", "told", "telling"]}  # fmt: skip


def inflections(lemma: str) -> list[str]:
    """The -s, -ed and -ing forms of a regular verb ("reply": replies, replied, replying)."""
    if lemma in _IRREGULAR:
        return [lemma, *_IRREGULAR[lemma]]
    if lemma.endswith("e"):
        return [lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"]
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return [lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
    if lemma in _DOUBLED_FINAL:
        return [lemma, lemma + "s", lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"]
    ends_s = lemma.endswith(("s", "sh", "ch", "x", "z"))
    return [lemma, lemma + ("es" if ends_s else "s"), lemma + "ed", lemma + "ing"]


# inflected forms only: a bare lemma is as often a noun ("the demand", "a label")
# ("citing X" relays a source: never a cue of its own)
SPEECH_VERBS += [f for lemma in (*_MORE_SPEECH, *_MORE_STANCE) for f in inflections(lemma)[1:]
                 if f not in SPEECH_VERBS and f != "citing"]  # fmt: skip


# What kind of attribution a cue makes (issue #13): "speech" (said, told,
# wrote), "belief" (believes, expects, fears), "evidence" (a poll showed, a
# report found) or "stance" (praised, criticised,
# urged: an act towards something, reported without its words). Cues not
# listed are speech. The brief and cross-checking use speech and belief.
CUE_KINDS = {
    "belief": ["believes", "believed", "believe", "thinks", "thought", "expects", "expected",
               "hopes", "hoped", "fears", "feared", "considers", "considered", "suspects",
               "wondered", "speculated", "is convinced", "was convinced", "are convinced",
               "is also convinced", "is sure"],
    "stance": ["urged", "urges", "urging", "questioned", "questions", "mocked", "mocks",
               "praised", "praises", "criticized", "criticised", "criticizes", "criticises",
               "blasted", "blasts", "slammed", "slams", "defended", "defends", "dismissed",
               "dismisses", "rejected", "rejects", "described", "describes", "threatened",
               "threatens", "demanded", "demands", "touted", "touts", "hailed", "hails",
               "lamented", "laments", "decried", "condemned", "condemns", "denounced",
               "denounces", "endorsed", "endorses", "disputed", "disputes", "accused", "accuses",
               "accuse", "calling", "called for", "called on", "calls for", "calls on"],
    # what a poll, a report, a video shows; a cue only before "that" ("the poll
    # found that ..."; "police found a body" is no attribution)
    "evidence": ["shows", "showed", "show", "found", "finds"],
}  # fmt: skip
CUE_KINDS["stance"] += [f for lemma in _MORE_STANCE for f in inflections(lemma)[1:]
                        if f not in CUE_KINDS["stance"]]  # fmt: skip
# An aim reported without its words ("Holt wants to cut the levy", "the
# campaign plans to run ads"): a stance, and a cue only before "to" and a verb
# ("the plans", "she plans a trip" attribute nothing), but "wants" may take a
# noun ("Voters want answers").
INTENT_CUES = frozenset(["wants", "want", "wanted", "plans", "planned", "intends", "intended",
                         "aims", "aimed", "seeks", "sought", "seeking", "vowing", "pledging",
                         "promising", "threatening"])  # fmt: skip
TO_ONLY_CUES = INTENT_CUES - {"wants", "want", "wanted"}
CUE_KINDS["stance"] += [c for c in INTENT_CUES if c not in CUE_KINDS["stance"]]
# cues that attribute only when "that" follows
THAT_ONLY_CUES = frozenset(["alleged", "shows", "showed", "show", "found", "finds", "charges"])
# What shows or finds without "that": a poll, a study, a video ("The poll
# showed Holt ahead", "A study found 31 cases"); "police found a body" is no
# attribution.
EVIDENCE_NOUNS = frozenset(["poll", "polls", "survey", "surveys", "study", "studies", "report",
                            "reports", "research", "analysis", "analyses", "data", "figures",
                            "statistics", "video", "videos", "footage", "photos", "images",
                            "transcript", "records", "documents", "audit", "review", "census",
                            "average", "tally", "results", "findings", "investigation", "probe",
                            "inquiry", "memo", "filing", "filings", "tests", "model", "estimates",
                            "map", "chart", "analysts'", "evidence", "assessment", "autopsy",
                            "recording", "recordings", "emails", "tracker"])  # fmt: skip
CUE_KIND = {cue: kind for kind, cues in CUE_KINDS.items() for cue in cues}
# Cues by which a source denies the content it introduces ("X denied that ...").
DENIAL_CUES = frozenset(["denied", "denies", "deny", "rejected", "rejects", "disputed",
                         "disputes", "dismissed", "dismisses"])  # fmt: skip

# Multi-word reporting phrases (matched before single verbs).
SPEECH_PHRASES = [
    "called for",
    "called on",
    "calls for",
    "calls on",
    "points out",
    "pointed out",
    "is convinced",
    "was convinced",
    "is also convinced",
    "put the figure at",
    "puts the figure at",
    "put the toll at",
    "puts the toll at",
    "put the number at",
    "puts the number at",
    "was quoted as saying",
    "said in a statement",
    "told reporters",
    "went on",
    "is sure",
    "are convinced",
    "made clear",
    "put the crowd at",
    "puts the crowd at",
]

# Speech verbs for figures: who "estimated", "counted", "put the figure at".
FIGURE_VERBS = frozenset(["estimated", "estimates", "estimate", "reported", "reports", "said", "says", "believes", "believed", "calculated", "calculates", "counted", "counts", "recorded", "records", "confirmed", "confirms", "announced", "announces", "put", "puts"])  # fmt: skip

# What is counted, normalised: the word in the text -> the measure.
MEASURE_WORDS = {
    "killed": "killed", "kill": "killed", "killing": "killed", "dead": "killed",
    "died": "killed", "die": "killed", "drowned": "killed", "perished": "killed", "deaths": "killed", "death": "killed",
    "fatalities": "killed", "lives": "killed", "bodies": "killed", "slain": "killed",
    "wounded": "wounded", "wounding": "wounded", "injured": "wounded", "injuring": "wounded",
    "injuries": "wounded", "hurt": "wounded", "wounds": "wounded",
    "casualties": "casualties", "casualty": "casualties", "losses": "casualties",
    "captured": "captured", "capture": "captured", "prisoners": "captured",
    "prisoner": "captured", "pows": "captured", "pow": "captured",
    "defectors": "defected", "defected": "defected", "defect": "defected",
    "missing": "missing", "unaccounted": "missing",
    "rescued": "rescued", "saved": "rescued",
    "evacuated": "evacuated", "evacuees": "evacuated", "evacuation": "evacuated",
    "displaced": "displaced", "refugees": "displaced", "fled": "displaced",
    "homeless": "displaced",
    "arrested": "arrested", "arrests": "arrested", "detained": "arrested",
    "detentions": "arrested", "detainees": "arrested",
    "deployed": "deployed", "deploying": "deployed", "deploy": "deployed",
    "sent": "deployed", "sending": "deployed", "send": "deployed",
    "dispatched": "deployed", "stationed": "deployed", "preparing": "deployed",
    "mobilised": "deployed", "mobilized": "deployed", "strong": "deployed",
    "contingent": "deployed",
    "treated": "treated", "hospitalised": "treated", "hospitalized": "treated",
    "hospital": "treated",
    "affected": "affected", "destroyed": "destroyed", "damaged": "damaged",
    "retaking": "retaken", "retook": "retaken", "retaken": "retaken",
    "seized": "seized", "occupied": "occupied",
    "infected": "infected", "cases": "infected", "vaccinated": "vaccinated",
    "protesters": "protesters", "demonstrators": "protesters",
    "votes": "votes", "voted": "votes", "turnout": "turnout",
    "aboard": "aboard", "onboard": "aboard", "carrying": "aboard", "carried": "aboard", "survivors": "survived", "survived": "survived",
    "executed": "executed", "released": "released", "freed": "released",
    "exchanged": "released", "swapped": "released", "surrendered": "surrendered",
}  # fmt: skip

# A coordination of kill and injure words is one combined measure.
# two measure words of one count: what they make together ("killed or wounded"),
# or, for survivors, what happened to them ("20 survivors were hospitalised")
COMBINED = {frozenset({"killed", "wounded"}): "casualties",
            frozenset({"survived", "treated"}): "treated",
            frozenset({"survived", "missing"}): "missing"}  # fmt: skip

# Nouns that name who is counted; they are the subject, not the measure.
COUNT_NOUNS = frozenset(["people", "persons", "person", "civilians", "residents", "soldiers", "soldier", "troops", "fighters", "servicemen", "personnel", "men", "women", "children", "adults", "babies", "passengers", "crew", "migrants", "workers", "students", "patients", "citizens", "nationals", "inhabitants", "villagers", "protesters", "prisoners", "hostages", "police", "officers", "militants", "rebels", "insurgents", "recruits", "sailors", "pilots", "journalists", "families", "households", "homes", "houses", "buildings", "vehicles", "tanks", "aircraft", "planes", "drones", "missiles", "rockets", "shells", "ships", "boats", "units", "members", "voters", "victims", "defectors", "refugees", "volunteers", "mercenaries", "conscripts", "jobs", "calls", "applications", "fans", "suspects", "visitors", "tourists", "seats", "complaints", "flights", "trucks", "cases", "employees", "staff", "animals", "cattle", "officials", "lawmakers", "doctors", "nurses", "teachers", "miners", "firefighters", "rescuers", "farmers", "fishermen", "guards", "executives", "diplomats", "inmates", "pilgrims", "worshippers", "minors", "teenagers", "infants", "elderly"])  # fmt: skip

# Nouns after a number that make it a duration, age, distance or score, not a count.
NOT_COUNTED = frozenset(["years", "year", "months", "month", "weeks", "week", "days", "day", "hours", "hour", "minutes", "minute", "seconds", "second", "decades", "decade", "centuries", "century", "times", "time", "km", "kilometres", "kilometers", "miles", "mile", "metres", "meters", "feet", "foot", "km2", "km²", "kg", "tonnes", "tons", "degrees", "goals", "points", "percent-year-old", "year-old", "bn", "hectares", "acres", "litres", "liters", "gallons"])  # fmt: skip

# Head nouns that make a phrase a source worth keeping when no name is linked
# ("police said", "a senior official said", "one of them said").
DESCRIPTION_HEADS = ROLE_NOUNS | frozenset(["police", "agency", "service", "ministry", "army", "military", "government", "officials", "authorities", "office", "department", "spokesperson", "one", "other", "man", "woman", "prisoner", "soldier", "witness", "board", "court", "company", "newspaper", "broadcaster", "channel", "outlet", "report", "statement", "source", "sources", "observers", "monitor", "group", "intelligence", "them", "guard", "coastguard", "airline", "commission", "army", "navy", "media", "bureau", "organisers", "organizers", "crew", "member", "union", "council", "firm", "hospital", "committee", "regulator", "watchdog", "agency"])  # fmt: skip
