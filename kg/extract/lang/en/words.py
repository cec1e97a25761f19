"""English words: class nouns (the type "the company" or "X, a model" points at), pronouns, verbs that
make a construction (appointing, selling, saying), negators, hedges, value words, and the entity-ruler
patterns for job titles, which the small model often takes for organisations ("CPO")."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

CLASS_NOUNS = {
    "Organization": {"company", "firm", "group", "startup", "start-up", "corporation", "business", "giant",
                     "conglomerate", "organisation", "organization", "agency", "university", "bank",
                     "network", "maker", "manufacturer", "developer", "publisher", "lab", "laboratory",
                     "institute", "government", "ministry", "department", "team", "club", "party", "union",
                     "retailer", "carrier", "airline", "automaker", "carmaker", "chipmaker", "insurer", "lender",
                     "studio", "outlet", "newspaper", "broadcaster", "regulator", "court", "board", "alliance",
                     "coalition", "association", "federation", "council", "division", "unit", "subsidiary",
                     "league", "charity", "foundation", "committee"},
    "Person": {"man", "woman", "executive", "founder", "co-founder", "chief", "ceo", "chairman",
               "chairwoman", "president", "scientist", "researcher", "engineer", "professor", "minister",
               "billionaire", "entrepreneur", "investor", "author", "journalist", "spokesperson",
               "spokesman", "spokeswoman", "director", "manager", "leader", "official", "economist",
               "analyst", "pioneer", "boss", "officer"},
    "Place": {"city", "country", "state", "region", "province", "town", "capital", "nation", "island",
              "village", "county", "continent", "area"},
    "Product": {"product", "app", "application", "platform", "service", "model", "system", "device",
                "phone", "smartphone", "chatbot", "tool", "software", "chip", "processor", "car",
                "vehicle", "game", "console", "assistant", "browser", "headset", "engine", "camera", "camcorder",
                "radio", "player", "laptop", "computer", "tablet", "printer", "television", "handset", "gadget",
                "drug", "vaccine", "aircraft", "plane", "satellite", "controller", "robot", "program",
                "programme"},
}
NOUN_CLASS = {noun: cls for cls, nouns in CLASS_NOUNS.items() for noun in nouns}
# Roles held in an organisation: "its chief executive", "its staff" point back at an organisation, not at a
# place or a product ("president" and "leader" are left out: countries have them too)
STAFF_ROLES = {"boss", "executive", "chief", "ceo", "cfo", "cto", "coo", "chairman", "chairwoman", "director",
               "manager", "spokesperson", "spokesman", "spokeswoman", "founder", "co-founder", "employee",
               "staff", "engineer", "shareholder", "owner", "officer", "board", "treasurer", "professor",
               "researcher", "scientist", "analyst", "economist"}
# Roles a name before them says where they are held: "a Globex executive", "Tory leader Michael Howard"
ROLES_HELD_IN = STAFF_ROLES | {"leader", "president", "secretary", "minister", "chancellor", "head", "chair",
                               "editor", "lawyer", "partner", "member", "governor", "commissioner", "spokesperson"}
# Class nouns that, with "the", point back at any thing of their class named before ("the company");
# the others ("the alliance", "the board") only at one named or called so, or they are new referents.
DEFINITE_ARTICLES = {"the"}  # "business lobby group the CBI"
COMPETITION = {"competition", "rivalry"}  # "faced competition from Google": they compete
SOURCE = "from"
IN = "in"
GENERIC_DESCRIPTIONS = {"company", "firm", "group", "corporation", "business", "startup", "start-up", "giant",
                        "conglomerate", "organisation", "organization", "maker", "manufacturer", "developer",
                        "retailer", "carrier", "lender", "insurer", "automaker", "chipmaker", "man", "woman",
                        "city", "country", "town", "nation", "region", "product", "app", "platform", "service",
                        "device", "gadget", "network"}
# Modifiers that make "the ... company" another one than any named before ("the rival company", "the
# parent company", "the first company"); other modifiers describe it ("the Stockholm-based company").
OTHER_REFERENT = {"other", "another", "new", "rival", "parent", "former", "previous", "first", "second", "third",
                  "last", "next", "same", "competing", "joint", "sister", "holding", "local", "national", "state",
                  "federal", "private", "public", "central", "foreign", "own"}

# Job titles before or beside a name ("CPO Chris Cox", "Chief Product Officer"); an entity ruler marks them
# TITLE ahead of the statistical NER, so they are read as roles, never as names.
TITLE_WORDS = ["President", "Vice President", "Chairman", "Chairwoman", "Chancellor", "Prime Minister",
               "Minister", "Senator", "Governor", "Mayor", "Secretary", "Commissioner", "Chief Executive"]
# a government post: a department before the title ("Home Secretary"), a qualifier before either ("Shadow
# Home Secretary", "Deputy Prime Minister")
_QUALIFIERS = ["shadow", "deputy", "acting", "interim", "junior", "assistant"]
_DEPARTMENTS = ["home", "foreign", "education", "health", "defence", "defense", "trade", "culture", "transport",
                "environment", "treasury", "energy", "justice", "interior", "finance", "economy", "industry",
                "business", "work", "pensions", "and", "local", "government", "northern", "ireland", "scottish",
                "welsh", "agriculture", "affairs", "constitutional", "international", "development"]
_POSTS = ["secretary", "minister", "chancellor", "spokesman", "spokeswoman", "spokesperson"]
TITLE_PATTERNS: list[dict[str, Any]] = [
    {"label": "TITLE", "pattern": [{"LOWER": {"IN": _QUALIFIERS}}, {"LOWER": {"IN": _DEPARTMENTS}, "OP": "*"},
                                   {"LOWER": {"IN": [*_POSTS, "prime"]}}, {"LOWER": "minister", "OP": "?"}]},
    {"label": "TITLE", "pattern": [{"LOWER": {"IN": _DEPARTMENTS}, "IS_TITLE": True},
                                   {"LOWER": {"IN": _DEPARTMENTS}, "OP": "*"}, {"LOWER": {"IN": _POSTS}}]},
    {"label": "TITLE", "pattern": [{"TEXT": {"REGEX": r"^C[A-Z]{1,3}O$"}}]},  # CEO, CFO, CPO, CISO
    {"label": "TITLE", "pattern": [{"LOWER": "chief"}, {"IS_TITLE": True, "OP": "*"}, {"LOWER": "officer"}]},
    *({"label": "TITLE", "pattern": [{"TEXT": word} for word in title.split()]} for title in TITLE_WORDS),
]
# Amounts after a currency sign ("£3bn", "$20m", "€1.5 billion"), which the small model often leaves out
# or cuts from their sign: the same ruler marks them MONEY.
_SIGN = {"TEXT": {"IN": ["£", "$", "€", "¥", "US$"]}}
MONEY_PATTERNS: list[dict[str, Any]] = [
    {"label": "MONEY", "pattern": [_SIGN, {"TEXT": {"REGEX": r"^\d+(?:[.,]\d+)*(?:bn|m|tn|k)$"}}]},
    {"label": "MONEY", "pattern": [_SIGN, {"TEXT": {"REGEX": r"^\d+(?:[.,]\d+)*$"}},
                                   {"LOWER": {"IN": ["bn", "m", "tn", "k", "million", "billion", "trillion"]},
                                    "OP": "?"}]},
]

# the tokenizer's abbreviations that are a scale letter, whose full stop ends a sentence ("£300m.")
SCALE_ABBREVIATIONS = frozenset({"m.", "k."})

PRONOUN_CLASSES = {"he": "Person", "him": "Person", "his": "Person", "she": "Person", "her": "Person",
                   "hers": "Person", "it": "Thing", "its": "Thing", "they": "Group", "them": "Group",
                   "their": "Group"}
POSSESSIVE_PRONOUNS = {"its", "their", "his", "her"}
# inside a quotation, the speaker ("I") and the speaker's side ("we": their organisation)
SPEAKER_PRONOUNS = {"i": "Speaker", "me": "Speaker", "my": "Speaker", "myself": "Speaker", "we": "Speakers",
                    "us": "Speakers", "our": "Speakers", "ourselves": "Speakers"}
# "its" before a role held in an organisation: that organisation, whatever a nearer place is called
ITS = "its"
RELATIVE_PRONOUNS = {"who", "whom", "which", "that", "whose"}
DEFINITE = {"the", "this", "that"}  # determiners of a description that points back ("the company")
INDEFINITE = {"a", "an"}  # "is an academic": an adjective used as a noun
LEADING_FUNCTION_WORDS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her",
                          "our", "my", "your", "'s", "’s", "own", "such"}
# honorifics and forms of address before a name are not part of it ("Mr Sullivan", "Prof Ana Costa")
HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof", "prof.", "professor", "sir",
              "dame", "boss"}
ORIGIN_SUFFIX = "based"  # "the Stockholm-based company" tells where it is from
COMMON_ACRONYMS: set[str] = set()  # capitals that are common nouns: the English NER leaves "AI" alone
# control verbs whose complement carries the fact: "began to study X" states that S studied X
PRO_VERBS = {"do"}  # a verb standing for another one: "did so in 2002" says nothing of its own
ASPECTUAL = {"begin", "start", "continue", "keep", "go", "manage", "use"}
# nouns of an intention or agreement whose to-infinitive says what its holder means to do: "a deal to buy X"
INTENTION_NOUNS = {"deal", "agreement", "plan", "bid", "offer", "proposal", "attempt", "move", "effort",
                   "intention", "promise", "pledge", "threat", "talks", "push", "drive", "campaign", "scheme"}
# lemmas whose to-infinitive is planned, wished or forecast, not done: "plans to buy", "is expected to buy"
INTENTIONS = INTENTION_NOUNS | {"plan", "want", "hope", "intend", "aim", "seek", "propose", "expect", "promise",
                                "threaten", "offer", "try", "attempt", "wish", "vow", "pledge", "prepare", "set",
                                "due", "likely", "poise"}
FUTURE = {"will", "shall", "'ll", "wo"}  # auxiliaries of what is planned or forecast ("wo" of "won't")
# "appointed Ana Costa (as) its CFO", "was named chief executive": the one appointed holds the role
APPOINTING = {"appoint", "name", "elect", "hire", "choose", "select", "nominate", "promote", "install", "recruit",
              "reappoint", "re-elect", "tap", "make"}
# verbs of saying: a name that is the subject of what was said is what the speaker commented on
SPEECH = {"say", "comment", "tell", "state", "add", "note", "argue", "write", "claim", "warn", "insist", "explain",
          "remark", "declare", "announce", "complain", "admit", "acknowledge"}
# verbs of saying that themselves mean commenting on a topic ("LeCun commented: ..."): what their speaker
# talked about is a fact; after the others ("said") it is a clause about the article
COMMENTING = {"comment", "remark"}
COPULA = "be"
# verbs of holding or taking a share of a company, and the nouns of that share: "owns 8% of X", "bought a
# 10% stake in X"
STAKE_VERBS = {"own", "hold", "have", "buy", "acquire", "purchase", "take", "sell", "control", "build", "raise",
               "increase", "cut", "reduce"}
STAKE_NOUNS = {"stake", "holding", "shareholding", "share", "interest"}
STAKE_PREPOSITIONS = {"of", "in"}
# what a thing bought or sold "for" an amount was: "bought Initech for £20m" -> Initech, be bought for, £20m
PRICED = {"buy": "be bought for", "acquire": "be acquired for", "purchase": "be purchased for",
          "sell": "be sold for"}
FOR = "for"
SELL = "sell"
BUY = "buy"
LOCATED_IN = "be located in"  # what a place's name is said to have: "Leeds's Royal Armouries"
TO = "to"  # "sold X to Y", "refused to invest"
AS = "as"  # "served as CFO"
OF = "of"
COMPLEMENT_PREPOSITIONS = {OF}  # "the division of X": kept in a concept
ROLE_PREPOSITIONS = ("of", "at")  # "the CEO of OpenAI", "an engineer at Initech"
FIGURE_OWNER_PREPOSITIONS = ("at", "of", "for", "in")  # "profits at Globex", "shares in Initech"
PLURAL_FIGURES = {"sale": "sales", "earning": "earnings", "share": "shares"}  # figures named in the plural
# nouns of a priced act: an amount written on one is what its maker offered, paid or was fined ("a £1.3bn
# offer from Globex"), the maker its possessor or the name after one of these prepositions
PRICED_NOUNS = {"offer", "bid", "deal", "investment", "loan", "settlement", "fine", "takeover", "acquisition",
                "purchase", "payment", "donation", "bailout", "buyout", "merger", "order", "contract"}
BY = "by"  # the agent of a passive or of a noun: "the takeover of X by Y"
MAKER_PREPOSITIONS = ("from", BY)
# nouns that say a relation between their possessor (or the name after "by") and the name after one of their
# prepositions: "Globex's control over Nimbus" is Globex controlling Nimbus, "the takeover of X by Y"
NOMINAL_RELATIONS = {"control": ("control", ("over", "of")), "acquisition": ("acquire", ("of",)),
                     "takeover": ("take over", ("of",)), "purchase": ("buy", ("of",)), "sale": ("sell", ("of",)),
                     "ownership": ("own", ("of",)), "merger": ("merge with", ("with",)),
                     "investment": ("invest in", ("in",))}
TENTATIVE = {"possible", "potential", "proposed", "planned", "rumoured", "mooted", "failed", "abandoned"}
RIVAL = "rival"  # "Globex and rival Initech": Initech is Globex's rival
FIGURE_CHANGE_PREPOSITIONS = ("by", "to", "from")  # "raised its prices by 5%", "cut its forecast to $3bn"
AFFILIATIONS = ("from", "at", "of")  # "a pioneer from X", "an engineer at X", "the founder of X"
EXAMPLE_PREPOSITIONS = ("including", "like")  # "firms including Initech", "platforms like Threads"
SUCH = "such"  # "such as"
LIST_JOINERS = ("and", "or")  # "Google, Orbis and Apple"
QUANTIFIERS = ("one", "some", "many", "each", "all")  # "one of Y's N"
ADVERB_PARTICLES = {"down", "up", "out", "off", "over", "back", "away"}
# Modality: auxiliaries that make a clause possible rather than stated, conjunctions of a condition, and
# verbs whose complement is a claim, belief or fear rather than a fact ("claimed that X bought Y")
MODALS = {"could", "might", "may", "would", "should"}
CONDITIONS = {"if", "unless", "whether"}
# prepositions of a circumstance: what they take is not what the verb relates its subject to ("despite the
# launch, X said", "grew since the ruling", "like Y, X sold"); a date they take still dates the clause
CIRCUMSTANCES = {"despite", "notwithstanding", "amid", "since", "like", "unlike"}
# verbs whose object does what their to-infinitive says ("chose Leeds to host", "asked her to run"), not the
# subject (unlike a purpose: "used his blog to criticise")
OBJECT_CONTROL = {
    "advise", "allow", "appoint", "ask", "authorise", "authorize", "cause", "challenge", "choose", "commission",
    "compel", "convince", "enable", "encourage", "expect", "force", "get", "help", "hire", "instruct", "invite",
    "lead", "name", "need", "oblige", "order", "permit", "persuade", "press", "pressure", "recruit", "require",
    "select", "tell", "urge", "want", "warn",
}
# what a verb or noun of these says is claimed, not stated: "alleged that ...", "claims that ..."
CLAIMS = {"claim", "allege", "suggest", "speculate", "fear", "believe", "predict", "forecast", "rumour",
          "rumor", "hope", "wish", "suspect", "allegation", "speculation", "suggestion", "report", "belief"}
DENIALS = {"deny", "refute", "dismiss", "reject", "rebut", "dispute"}  # what these say is denied: "denied that ..."
NEGATORS = {"not", "n't", "never", "no", "neither", "nor", "nothing", "none", "nobody", "without"}
DATE_WORDS = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(?:monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|today|yesterday|tomorrow|year|years|month|months|week|weeks|day|"
    r"days|decade|decades|century|quarter|spring|summer|autumn|fall|winter|ago|last|next|past|recent|"
    r"season)\b", re.IGNORECASE)
HEDGES = re.compile(r"\b(?:may|might|could|would|should|whether|if|allegedly|reportedly|possibly|perhaps|"
                    r"likely|unlikely|rumou?rs?|allegations?|claims?)\b", re.IGNORECASE)

# Names: words of a name that say what kind it is, never a short form of it ("Group", "University"),
# designators that may be left off ("Initech Corporation" is "Initech") and head words that make a name an
# organisation or a place whatever the NER said ("... University", "... Labs"). The head is the last word.
CORPORATE = {"inc", "inc.", "corp", "corp.", "corporation", "co", "co.", "company", "ltd", "ltd.", "limited",
             "llc", "plc", "ag", "sa", "s.a.", "gmbh", "nv", "platforms", "group", "holdings", "technologies",
             "international", "incorporated", "party"}
NAME_HEADS = {
    "Organization": {"university", "institute", "college", "lab", "labs", "laboratory", "laboratories", "bank",
                     "agency", "ministry", "foundation", "association", "corporation", "inc", "inc.", "corp",
                     "corp.", "ltd", "llc", "plc", "council", "committee", "commission", "federation",
                     "airlines", "airways", "motors", "technologies", "holdings", "studios", "party"},
    "Place": {"city", "county", "province", "river", "valley", "island", "islands", "mountains", "street",
              "avenue", "bay", "lake", "peninsula", "desert", "strait"},
    "Event": {"show", "fair", "conference", "festival", "expo", "summit", "championship", "championships",
              "olympics", "congress", "convention"},
}
NAME_HEAD_FIRST = False
ACRONYM_SKIPS = {"of", "and", "the"}  # words an acronym leaves out
TRANSLATIONS: dict[str, str] = {}  # names other languages translate are translated into English: none here
PLURAL_ENDINGS = (("ies", "y"), ("s", ""))  # "the Tories" are the Tory party, "Lib Dems" the Lib Dem one

# "It is the first time ...", "That was a way to cut costs": a pronoun said to be one of these nouns stands for
# an event or a state of affairs, not for a thing named before
EVENT_PRONOUNS = {"it", "this", "that"}
EVENT_NOUNS = {"time", "way", "case", "step", "move", "sign", "reason", "result", "matter", "mistake", "blow",
               "boost", "setback", "shock", "surprise", "question", "issue", "problem", "chance", "opportunity"}

# Peoples' adjectives and the countries they say ("an Iranian cleric" is from Iran), and the offices a people's
# adjective says are the country's ("Iranian President": president of Iran; "an Iranian lawyer" is Iranian)
OFFICES_OF_STATE = {"president", "minister", "premier", "chancellor", "king", "queen", "prince", "princess",
                    "monarch", "emperor", "ambassador", "envoy", "leader", "secretary", "governor", "official",
                    "spokesman", "spokeswoman", "spokesperson"}
DEMONYMS = dict(line.split("\t") for line in
                (Path(__file__).with_name("demonyms.tsv")).read_text(encoding="utf-8").splitlines()
                if line and not line.startswith("#"))

# Values: scale words, currency words (after the signs every language shares) and numbers in words
SCALES = {"thousand": 10**3, "k": 10**3, "million": 10**6, "millions": 10**6, "m": 10**6, "mn": 10**6,
          "billion": 10**9, "billions": 10**9, "bn": 10**9, "b": 10**9, "trillion": 10**12, "trillions": 10**12,
          "tn": 10**12}
CURRENCIES = [("dollar", "USD"), ("euro", "EUR"), ("pound", "GBP"), ("sterling", "GBP"), ("yen", "JPY"),
              ("yuan", "CNY"), ("renminbi", "CNY"), ("real", "BRL"), ("reais", "BRL")]
NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "fifty": 50,
           "hundred": 100, "dozen": 12}
DATE_PREFIX = re.compile(r"^(?:the|in|on|early|late|mid|since)\s+", re.IGNORECASE)
DATE_FORMATS = ("%B %d, %Y", "%d %B %Y", "%B %Y", "%Y-%m-%d", "%b %d, %Y", "%d %b %Y", "%b %Y")
MONTHS: dict[str, int] = {}  # strptime reads English month names
