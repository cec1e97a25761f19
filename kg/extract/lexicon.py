"""General English lexicon: class nouns (the type "the company" or "X, a model" points at) and the
entity-ruler patterns for job titles, which the small model often takes for organisations ("CPO")."""

from __future__ import annotations

CLASS_NOUNS = {
    "Organization": {"company", "firm", "group", "startup", "start-up", "corporation", "business", "giant",
                     "conglomerate", "organisation", "organization", "agency", "university", "bank",
                     "network", "maker", "manufacturer", "developer", "publisher", "lab", "laboratory",
                     "institute", "government", "ministry", "department", "team", "club", "party", "union",
                     "retailer", "carrier", "airline", "automaker", "chipmaker", "insurer", "lender",
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
                "vehicle", "game", "console", "assistant", "browser", "headset", "engine"},
}
NOUN_CLASS = {noun: cls for cls, nouns in CLASS_NOUNS.items() for noun in nouns}
# Roles held in an organisation: "its chief executive", "its staff" point back at an organisation, not at a
# place or a product ("president" and "leader" are left out: countries have them too)
STAFF_ROLES = {"boss", "executive", "chief", "ceo", "cfo", "cto", "coo", "chairman", "chairwoman", "director",
               "manager", "spokesperson", "spokesman", "spokeswoman", "founder", "co-founder", "employee",
               "staff", "engineer", "shareholder", "owner", "officer", "board", "treasurer", "professor",
               "researcher", "scientist", "analyst", "economist"}
# Class nouns that, with "the", point back at any thing of their class named before ("the company");
# the others ("the alliance", "the board") only at one named or called so, or they are new referents.
GENERIC_DESCRIPTIONS = {"company", "firm", "group", "corporation", "business", "startup", "start-up", "giant",
                        "conglomerate", "organisation", "organization", "maker", "manufacturer", "developer",
                        "retailer", "carrier", "lender", "insurer", "automaker", "chipmaker", "man", "woman",
                        "city", "country", "town", "nation", "product", "app", "platform", "service", "device",
                        "network"}
# Modifiers that make "the ... company" another one than any named before ("the rival company", "the
# parent company", "the first company"); other modifiers describe it ("the Stockholm-based company").
OTHER_REFERENT = {"other", "another", "new", "rival", "parent", "former", "previous", "first", "second", "third",
                  "last", "next", "same", "competing", "joint", "sister", "holding", "local", "national", "state",
                  "federal", "private", "public", "central", "foreign", "own"}

# Job titles before or beside a name ("CPO Chris Cox", "Chief Product Officer"); an entity ruler marks them
# TITLE ahead of the statistical NER, so they are read as roles, never as names.
TITLE_WORDS = ["President", "Vice President", "Chairman", "Chairwoman", "Chancellor", "Prime Minister",
               "Minister", "Senator", "Governor", "Mayor", "Secretary", "Commissioner", "Chief Executive"]
TITLE_PATTERNS = [
    {"label": "TITLE", "pattern": [{"TEXT": {"REGEX": r"^C[A-Z]{1,3}O$"}}]},  # CEO, CFO, CPO, CISO
    {"label": "TITLE", "pattern": [{"LOWER": "chief"}, {"IS_TITLE": True, "OP": "*"}, {"LOWER": "officer"}]},
    *({"label": "TITLE", "pattern": [{"TEXT": word} for word in title.split()]} for title in TITLE_WORDS),
]

VALUE_LABELS = {"MONEY", "PERCENT", "CARDINAL", "QUANTITY", "DATE", "TIME"}  # spaCy labels of values, not names
PLACE_LABELS = {"GPE", "LOC", "FAC"}
