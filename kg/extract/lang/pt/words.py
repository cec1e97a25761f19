"""Portuguese words: class nouns, pronouns and clitics, determiners, verbs that make a construction
(reporting, appointing, selling), negators, hedges, value words (decimal comma, "mil", "bilhões",
"R$"), months, and the words of names."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

CLASS_NOUNS = {
    "Organization": {"empresa", "companhia", "grupo", "firma", "startup", "corporação", "sociedade", "organização",
                     "agência", "universidade", "banco", "laboratório", "instituto", "governo", "ministério",
                     "departamento", "equipe", "equipa", "clube", "partido", "sindicato", "fabricante",
                     "desenvolvedora", "editora", "operadora", "companhia aérea", "montadora", "seguradora",
                     "emissora", "jornal", "regulador", "tribunal", "conselho", "aliança", "associação",
                     "federação", "divisão", "unidade", "subsidiária", "fundação", "comitê", "comissão",
                     "gigante", "rede social", "plataforma"},
    "Person": {"homem", "mulher", "executivo", "executiva", "fundador", "fundadora", "cofundador", "cofundadora",
               "chefe", "presidente", "diretor", "diretora", "diretor-executivo", "diretora-executiva", "cientista",
               "pesquisador", "pesquisadora", "investigador", "investigadora", "engenheiro", "engenheira",
               "professor", "professora", "ministro", "ministra", "bilionário", "bilionária", "empresário",
               "empresária", "investidor", "investidora", "autor", "autora", "jornalista", "porta-voz",
               "gerente", "líder", "economista", "analista", "pioneiro", "pioneira", "padrinho", "madrinha"},
    "Place": {"cidade", "país", "estado", "região", "província", "vila", "capital", "nação", "ilha", "aldeia",
              "município", "continente"},
    "Product": {"produto", "aplicativo", "aplicação", "app", "serviço", "modelo", "sistema", "dispositivo",
                "telefone", "celular", "chatbot", "ferramenta", "software", "chip", "processador", "carro",
                "veículo", "jogo", "console", "assistente", "navegador", "óculos"},
}
NOUN_CLASS = {noun: cls for cls, nouns in CLASS_NOUNS.items() for noun in nouns}
# roles held in an organisation: "o seu diretor-executivo" points back at an organisation
STAFF_ROLES = {"chefe", "executivo", "executiva", "diretor", "diretora", "diretor-executivo", "diretora-executiva",
               "ceo", "cfo", "cto", "gerente", "porta-voz", "fundador", "fundadora", "cofundador", "cofundadora",
               "funcionário", "funcionária", "engenheiro", "engenheira", "acionista", "dono", "dona",
               "pesquisador", "pesquisadora", "cientista", "analista", "economista", "presidente"}
PARTS = {"divisão", "subsidiária", "unidade"}  # parts of an organisation: "sua divisão" is the organisation's
OWNED_ROLES = STAFF_ROLES | PARTS  # "a sua diretora", "sua divisão": a role or part of whoever "sua" is
GENERIC_DESCRIPTIONS = {"empresa", "companhia", "grupo", "firma", "corporação", "gigante", "fabricante",
                        "startup", "homem", "mulher", "cidade", "país", "produto", "plataforma", "serviço", "rede"}
OTHER_REFERENT = {"outro", "outra", "outros", "outras", "novo", "nova", "rival", "rivais", "antigo", "antiga",
                  "primeiro", "primeira", "segundo", "segunda", "último", "última", "próximo", "próxima", "mesmo",
                  "mesma", "concorrente", "controladora", "irmã", "local", "nacional", "estatal", "federal",
                  "privado", "privada", "pública", "público", "central", "estrangeiro", "estrangeira", "próprio",
                  "própria"}
# "ela" is a woman or anything whose noun is feminine ("a Meta"), an object clitic ("contratou-o") a person or a
# thing: "Any"
PRONOUN_CLASSES = {"ele": "Any", "ela": "Any", "eles": "Any", "elas": "Any", "dele": "Any", "dela": "Any",
                   "deles": "Any", "delas": "Any", "o": "Any", "a": "Any", "lo": "Any",
                   "la": "Any", "no": "Any", "na": "Any", "os": "Any", "as": "Any", "los": "Any", "las": "Any",
                   "nos": "Any", "nas": "Any", "lhe": "Any", "lhes": "Any", "seu": "Any", "sua": "Any",
                   "seus": "Any", "suas": "Any"}
POSSESSIVE_PRONOUNS = {"seu", "sua", "seus", "suas", "dele", "dela", "deles", "delas"}
# numa citação, quem fala ("eu") e o lado de quem fala ("nós": a sua organização)
SPEAKER_PRONOUNS = {"eu": "Speaker", "me": "Speaker", "mim": "Speaker", "meu": "Speaker", "minha": "Speaker",
                    "nós": "Speakers", "nos": "Speakers", "nosso": "Speakers", "nossa": "Speakers",
                    "nossos": "Speakers", "nossas": "Speakers"}
CLITICS = re.compile(r"-(o|a|os|as|lo|la|los|las|no|na|nos|nas|lhe|lhes)$", re.IGNORECASE)  # "contratou-o"
REFLEXIVE = re.compile(r"-se$", re.IGNORECASE)  # "voltou-se para": part of the verb ("voltar-se")
RELATIVE_PRONOUNS = {"que", "quem", "qual", "quais", "cujo", "cuja", "cujos", "cujas", "onde"}
DEFINITE = {"o", "a", "este", "esta", "esse", "essa", "aquele", "aquela"}
INDEFINITE = {"um", "uma"}
LEADING_FUNCTION_WORDS = {"o", "a", "os", "as", "um", "uma", "uns", "umas", "este", "esta", "estes", "estas",
                          "esse", "essa", "esses", "essas", "seu", "sua", "seus", "suas", "próprio", "própria"}
HONORIFICS = {"sr", "sr.", "sra", "sra.", "srta", "dr", "dr.", "dra", "dra.", "prof", "prof.", "profa", "profa.",
              "dom", "dona"}
ORIGIN_SUFFIX = "sediada"  # "a empresa sediada em Lisboa" is picked out by where it is
# verbs of saying: a name that is the subject of what was said is what the speaker commented on
SPEECH = {"dizer", "afirmar", "declarar", "comentar", "contar", "escrever", "anunciar", "explicar", "acrescentar",
          "argumentar", "alertar", "admitir", "reconhecer", "garantir", "defender", "criticar", "chamar"}
# verbos de dizer que são comentar um assunto ("LeCun comentou: ..."): de que falou é um facto
COMMENTING = {"comentar"}
APPOINTING = {"nomear", "contratar", "eleger", "escolher", "indicar", "promover", "designar", "recrutar"}
ASPECTUAL = {"começar", "continuar", "passar", "voltar", "conseguir", "ir"}
IMPERSONAL = {"haver", "ser", "estar", "fazer", "chover", "bastar", "tratar"}  # "há dúvida", "faz dois anos"
SELL = "vender"
BUY = "comprar"
AS = {"como"}
INFINITIVE_MARKS = {"a"}  # "recusou-se a investir", "começou a estudar": an infinitive its verb controls
AGENT_PREPOSITION = "por"  # "contratado pela Meta": who did it
OF = {"de", "do", "da", "dos", "das"}  # "de" and its contractions with the article
COMPLEMENT_PREPOSITIONS = OF  # "a divisão de robótica": kept in a concept
# a contraction of a preposition and an article is read as the preposition ("pela" Meta: "por")
CONTRACTIONS = {"do": "de", "da": "de", "dos": "de", "das": "de", "no": "em", "na": "em", "nos": "em", "nas": "em",
                "pelo": "por", "pela": "por", "pelos": "por", "pelas": "por", "ao": "a", "à": "a", "aos": "a",
                "às": "a", "num": "em", "numa": "em", "dum": "de", "duma": "de", "neste": "em", "nesta": "em",
                "nestes": "em", "nestas": "em", "nesse": "em", "nessa": "em", "nesses": "em", "nessas": "em",
                "naquele": "em", "naquela": "em", "deste": "de", "desta": "de", "desse": "de", "dessa": "de",
                "daquele": "de", "daquela": "de", "àquele": "a", "àquela": "a"}
# Peoples' adjectives (by lemma) and their countries; the offices such an adjective says are the country's
# ("o presidente iraniano": presidente do Irã); no name is compounded before a role ("a empresa romena")
DEMONYMS = dict(
    line.split("\t")
    for line in Path(__file__).with_name("demonyms.tsv").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
)
# nomes portugueses de lugares e instituições e os seus nomes ingleses: um nó só, na língua que for
TRANSLATIONS = dict(
    line.split("\t")
    for line in Path(__file__).with_name("names.tsv").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
)
OFFICES_OF_STATE = {"presidente", "ministro", "ministra", "primeiro-ministro", "primeira-ministra", "chanceler",
                    "rei", "rainha", "príncipe", "princesa", "embaixador", "embaixadora", "enviado", "líder",
                    "secretário", "secretária", "governador", "governadora", "porta-voz", "premiê"}
ROLES_HELD_IN: set[str] = set()
ROLE_PREPOSITIONS = {"de", "em"}  # "o diretor-executivo da Meta", "engenheira na Globex"
ADVERB_PARTICLES: set[str] = set()
# Modality (see the English words): "poderia comprar", "se ...", "alegou que ..."
MODALS = {"pode", "podem", "poderia", "poderiam", "poderá", "poderão", "deveria", "deveriam"}
CONDITIONS = {"se", "caso"}
# preposições de uma circunstância: o que regem não é o que o verbo relaciona ("apesar do lançamento")
CIRCUMSTANCES = {"apesar", "desde"}
FUTURE: set[str] = set()  # Portuguese says the future in the verb's form (Tense=Fut), not with an auxiliary
# lemmas whose infinitive is planned, wished or forecast, not done: "planeja comprar", "acordo para comprar"
INTENTIONS = {"planejar", "planear", "querer", "pretender", "esperar", "tentar", "prometer", "ameaçar", "visar",
              "procurar", "acordo", "plano", "proposta", "oferta", "tentativa", "intenção", "promessa"}
CLAIMS = {"alegar", "sugerir", "especular", "temer", "acreditar", "prever", "esperar", "suspeitar", "alegação",
          "especulação", "rumor", "boato", "suspeita"}
DENIALS = {"negar", "desmentir", "refutar", "rejeitar", "contestar"}  # o que dizem é negado: "negou que ..."
REPORTING = SPEECH | CLAIMS  # what a verb of these says may leave out its speaker as subject
NEGATORS = {"não", "nunca", "jamais", "nem", "nenhum", "nenhuma", "nada", "ninguém", "sem"}
HEDGES = re.compile(r"\b(?:pode|podem|poderia|poderiam|deve|deveria|talvez|se|caso|supostamente|alegadamente|"
                    r"possivelmente|provavelmente|rumores?|alegações?|suspeitas?)\b", re.IGNORECASE)
MONTHS = {"janeiro": 1, "fevereiro": 2, "março": 3, "abril": 4, "maio": 5, "junho": 6, "julho": 7, "agosto": 8,
          "setembro": 9, "outubro": 10, "novembro": 11, "dezembro": 12}
DATE_WORDS = re.compile(r"\d|\b(?:" + "|".join(MONTHS) + r"|segunda|terça|quarta|quinta|sexta|sábado|domingo|"
                        r"hoje|ontem|amanhã|ano|anos|mês|meses|semana|semanas|dia|dias|década|século|trimestre)\b",
                        re.IGNORECASE)

# Names: class nouns and designators never a short form; the head is a name's first word ("Universidade de
# Lisboa", "Banco do Brasil")
CORPORATE = {"s.a.", "sa", "ltda", "ltda.", "s/a", "grupo", "companhia", "cia", "cia.", "holding", "partido"}
NAME_HEADS = {
    "Organization": {"universidade", "instituto", "faculdade", "laboratório", "banco", "agência", "ministério",
                     "fundação", "associação", "companhia", "grupo", "conselho", "comissão", "federação",
                     "partido", "tribunal", "secretaria", "câmara", "assembleia", "polícia"},
    "Place": {"cidade", "rio", "serra", "ilha", "ilhas", "rua", "avenida", "baía", "lago", "praia", "estado"},
}
NAME_HEAD_FIRST = True
ACRONYM_SKIPS = {"de", "do", "da", "dos", "das", "e"}
PLURAL_ENDINGS = (("ões", "ão"), ("ães", "ão"), ("is", "l"), ("es", ""), ("s", ""))  # "os Verdes": o Partido Verde

# Values: "13,7" is 13.7 (decimal comma), "mil" a thousand
SCALES = {"mil": 10**3, "milhão": 10**6, "milhões": 10**6, "mi": 10**6, "bilhão": 10**9, "bilhões": 10**9,
          "bi": 10**9, "trilhão": 10**12, "trilhões": 10**12, "tri": 10**12}
CURRENCIES = [("dólar", "USD"), ("dólares", "USD"), ("real", "BRL"), ("reais", "BRL"), ("euro", "EUR"),
              ("euros", "EUR"), ("libra", "GBP"), ("libras", "GBP"), ("iene", "JPY"), ("ienes", "JPY"),
              ("yuan", "CNY")]
# "dólares americanos", "libras esterlinas": part of the currency's name
CURRENCY_QUALIFIERS = {"americano", "americanos", "esterlina", "esterlinas"}
NUMBERS = {"um": 1, "uma": 1, "dois": 2, "duas": 2, "três": 3, "quatro": 4, "cinco": 5, "seis": 6, "sete": 7,
           "oito": 8, "nove": 9, "dez": 10, "doze": 12, "quinze": 15, "vinte": 20, "trinta": 30, "cinquenta": 50,
           "cem": 100, "dúzia": 12}
DATE_PREFIX = re.compile(r"^(?:em|no|na|desde|de|a partir de|início de|fim de|final de)\s+", re.IGNORECASE)
DATE_FORMATS = ("%Y-%m-%d",)  # month names are read from MONTHS

# kg's relation vocabulary is English: "contratou" states the same fact as "hired", so a Portuguese phrase
# whose every word is known here becomes the English phrase's property, keeping its own words as its label
VERBS = {"contratar": "hire", "empregar": "employ", "recrutar": "recruit", "nomear": "appoint", "ingressar": "join",
         "trabalhar": "work", "fundar": "found", "cofundar": "co-found", "criar": "create", "estabelecer": "establish",
         "possuir": "own", "ter": "have", "controlar": "control", "operar": "operate", "adquirir": "acquire",
         "comprar": "buy", "vender": "sell", "lançar": "launch", "desenvolver": "develop", "construir": "build",
         "fabricar": "make", "produzir": "produce", "projetar": "design", "investir": "invest", "perder": "lose",
         "deixar": "leave", "sair": "leave", "demitir": "fire", "liderar": "lead", "dirigir": "run",
         "comandar": "run", "anunciar": "announce", "dizer": "say", "afirmar": "say", "comentar": "comment",
         "estudar": "study", "processar": "sue", "multar": "fine", "acusar": "accuse", "investigar": "investigate",
         "cortar": "cut", "reduzir": "reduce", "aumentar": "increase", "publicar": "publish", "usar": "use",
         "apoiar": "support", "enfrentar": "face", "convidar": "invite", "ser": "be", "querer": "want",
         "competir": "compete", "decidir": "decide", "tentar": "try", "recusar": "refuse", "planejar": "plan",
         "pretender": "intend", "concordar": "agree", "prometer": "promise", "ajudar": "help", "abrir": "open",
         "fechar": "close", "assinar": "sign", "ganhar": "win", "pagar": "pay", "receber": "receive",
         "reportar-se": "report", "recusar-se": "refuse", "reportar": "report", "realizar": "hold",
         "sediar": "host", "formar": "form",
         "depender": "depend", "contar com": "rely on", "descrever": "describe", "gastar": "spend",
         "gerar": "generate", "alcançar": "reach", "encontrar": "find", "ignorar": "ignore", "abandonar": "abandon",
         "precisar": "need", "culpar": "blame", "crescer": "grow", "cair": "fall", "subir": "rise",
         "adiar": "postpone", "cancelar": "cancel", "rejeitar": "reject", "aprovar": "approve",
         "negociar": "negotiate", "fornecer": "supply", "oferecer": "offer", "demitir-se": "resign",
         "renunciar": "resign", "substituir": "replace", "suceder": "succeed", "colaborar": "collaborate"}
PREPOSITIONS = {"de": "of", "em": "in", "para": "for", "com": "with", "por": "by", "sobre": "on", "a": "to",
                "contra": "against", "entre": "between", "desde": "since", "sem": "without"}
ROLES = {"diretor-executivo": "chief executive", "diretora-executiva": "chief executive", "presidente": "president",
         "fundador": "founder", "fundadora": "founder", "cofundador": "co-founder", "cofundadora": "co-founder",
         "engenheiro": "engineer", "engenheira": "engineer", "cientista-chefe": "chief scientist",
         "diretor": "director", "diretora": "director", "executivo": "executive", "executiva": "executive",
         "funcionário": "employee", "funcionária": "employee", "pesquisador": "researcher",
         "pesquisadora": "researcher", "cientista": "scientist", "professor": "professor", "professora": "professor",
         "gerente": "manager", "porta-voz": "spokesperson", "analista": "analyst", "economista": "economist",
         "diretor financeiro": "chief financial officer", "diretora financeira": "chief financial officer",
         "CEO": "CEO", "CFO": "CFO", "CTO": "CTO", "divisão": "division", "subsidiária": "subsidiary",
         "unidade": "unit"}
# read the other way round: a verb's participle with "por" ("contratado por"), these by name
PARTICIPLES = {"fazer": "feito", "abrir": "aberto", "escrever": "escrito", "pôr": "posto", "ver": "visto",
               "dizer": "dito", "cobrir": "coberto", "ganhar": "ganho", "gastar": "gasto", "pagar": "pago"}
INVERSES = {"fundador de": "fundado por", "fundadora de": "fundado por", "cofundador de": "cofundado por",
            "cofundadora de": "cofundado por", "fabricante de": "fabricado por", "criador de": "criado por",
            "criadora de": "criado por", "desenvolvedor de": "desenvolvido por",
            "desenvolvedora de": "desenvolvido por"}

# Job titles before or beside a name ("o CPO Chris Cox", "Diretor-Executivo"): an entity ruler marks them
# TITLE ahead of the NER, so they are read as roles, never as names
TITLE_WORDS = ["Presidente", "Vice-Presidente", "Diretor-Executivo", "Diretora-Executiva", "Primeiro-Ministro",
               "Primeira-Ministra", "Ministro", "Ministra", "Governador", "Governadora", "Prefeito", "Prefeita",
               "Senador", "Senadora", "Secretário", "Secretária"]
TITLE_PATTERNS: list[dict[str, Any]] = [
    {"label": "TITLE", "pattern": [{"TEXT": {"REGEX": r"^C[A-Z]{1,3}O$"}}]},  # CEO, CFO, CPO, in any language
    {"label": "TITLE", "pattern": [{"LOWER": "chief"}, {"IS_TITLE": True, "OP": "*"}, {"LOWER": "officer"}]},
    *({"label": "TITLE", "pattern": [{"TEXT": word}]} for word in TITLE_WORDS),
]
EXAMPLE_PREPOSITIONS = {"como", "incluindo"}  # "plataformas como Instagram e WhatsApp"
# abbreviations written in capitals that are common nouns, not names: "IA" (inteligência artificial), "TI", "PIB"
COMMON_ACRONYMS = {"IA", "TI", "PIB", "ONG", "ONGs", "PME", "PMEs", "RH", "P&D"}
