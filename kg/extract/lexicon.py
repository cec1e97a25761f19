"""General English class nouns: the type a definite description ("the company") refers to."""

from __future__ import annotations

CLASS_NOUNS = {
    "Organization": {"company", "firm", "group", "startup", "start-up", "corporation", "business", "giant",
                     "conglomerate", "organisation", "organization", "agency", "university", "bank",
                     "network", "maker", "manufacturer", "developer", "publisher", "lab", "laboratory",
                     "institute", "government", "ministry", "department", "team", "club", "party", "union",
                     "retailer", "carrier", "airline", "automaker", "chipmaker", "insurer", "lender",
                     "studio", "outlet", "newspaper", "broadcaster", "regulator", "court", "board"},
    "Person": {"man", "woman", "executive", "founder", "co-founder", "chief", "ceo", "chairman",
               "chairwoman", "president", "scientist", "researcher", "engineer", "professor", "minister",
               "billionaire", "entrepreneur", "investor", "author", "journalist", "spokesperson",
               "spokesman", "spokeswoman", "director", "manager", "leader", "official", "economist",
               "analyst", "pioneer", "boss"},
    "Place": {"city", "country", "state", "region", "province", "town", "capital", "nation", "island",
              "village", "county", "continent", "area"},
    "Product": {"product", "app", "application", "platform", "service", "model", "system", "device",
                "phone", "smartphone", "chatbot", "tool", "software", "chip", "processor", "car",
                "vehicle", "game", "console", "assistant", "browser", "headset", "engine"},
}
NOUN_CLASS = {noun: cls for cls, nouns in CLASS_NOUNS.items() for noun in nouns}
