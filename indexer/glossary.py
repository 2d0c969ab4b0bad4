"""Acronyms of policing and local government, with their long forms: the curated glossary.

A query word that is one of these acronyms also searches its long form, and a long form
typed out also searches the acronym; the pair counts as one concept of the query (see
:mod:`indexer.synonyms`). Minutes spell the name out on first use and abbreviate after,
or the other way round, so a resident's "IOPC complaints" must find "the Independent
Office for Police Conduct". Pairs mined from the archive itself at build time are added
to these (:mod:`indexer.acronyms`).

Each entry is ``ACRONYM: (long form, ...)``. Entries on one line of :data:`GROUPS` name
the same body or thing under an old and a new name (HMIC became HMICFRS, the IPCC became
the IOPC): a search for either finds both. Pairs in :data:`NARROWER` are a thing and a
kind of it (a police, fire and crime commissioner is a police and crime commissioner):
a search for the first also finds the second, not the other way round, so that "PFCC"
is not drowned by every "PCC".

:data:`AMBIGUOUS` acronyms are also everyday words ("SEND", "TEN"): they are expanded
only when typed in capitals, and a long form typed out does not search for them.
"""

from __future__ import annotations

GLOSSARY: dict[str, tuple[str, ...]] = {
    # Policing governance
    "PCC": ("Police and Crime Commissioner",),
    "OPCC": ("Office of the Police and Crime Commissioner",),
    "DPCC": ("Deputy Police and Crime Commissioner",),
    "PFCC": ("Police, Fire and Crime Commissioner",),
    "OPFCC": ("Office of the Police, Fire and Crime Commissioner",),
    "PCP": ("Police and Crime Panel",),
    "PFCP": ("Police, Fire and Crime Panel",),
    "PCSO": ("Police Community Support Officer",),
    "HMIC": ("Her Majesty's Inspectorate of Constabulary",),
    "HMICFRS": ("His Majesty's Inspectorate of Constabulary and Fire and Rescue Services",
                "Her Majesty's Inspectorate of Constabulary and Fire and Rescue Services"),
    "IOPC": ("Independent Office for Police Conduct",),
    "IPCC": ("Independent Police Complaints Commission",),
    "NPCC": ("National Police Chiefs' Council",),
    "APCC": ("Association of Police and Crime Commissioners",),
    "MOPAC": ("Mayor's Office for Policing and Crime",),
    "ACC": ("Assistant Chief Constable",),
    "DCC": ("Deputy Chief Constable",),
    "CFO": ("Chief Finance Officer",),
    "ICV": ("Independent Custody Visitor",),
    "ICVS": ("Independent Custody Visiting Scheme",),
    # Crime and community safety
    "ASB": ("anti-social behaviour", "antisocial behaviour"),
    "ASBO": ("anti-social behaviour order",),
    "VAWG": ("violence against women and girls",),
    "CSE": ("child sexual exploitation",),
    "CSA": ("child sexual abuse",),
    "CSP": ("Community Safety Partnership",),
    "FGM": ("female genital mutilation",),
    "RJ": ("restorative justice",),
    "DA": ("domestic abuse",),
    "IDVA": ("Independent Domestic Violence Advisor", "Independent Domestic Violence Adviser"),
    "ISVA": ("Independent Sexual Violence Advisor", "Independent Sexual Violence Adviser"),
    "MARAC": ("Multi-Agency Risk Assessment Conference",),
    "MASH": ("Multi-Agency Safeguarding Hub",),
    "SARC": ("Sexual Assault Referral Centre",),
    "OCG": ("organised crime group",),
    "ROCU": ("Regional Organised Crime Unit",),
    "NCA": ("National Crime Agency",),
    "CPS": ("Crown Prosecution Service",),
    "ANPR": ("automatic number plate recognition",),
    "CCTV": ("closed circuit television", "closed-circuit television"),
    "BWV": ("body worn video", "body-worn video"),
    "PSPO": ("Public Spaces Protection Order",),
    "CPN": ("Community Protection Notice",),
    "CBO": ("Criminal Behaviour Order",),
    "POCA": ("Proceeds of Crime Act",),
    "RIPA": ("Regulation of Investigatory Powers Act",),
    "DBS": ("Disclosure and Barring Service",),
    "YOT": ("Youth Offending Team",),
    "CAMHS": ("Child and Adolescent Mental Health Services",),
    "FRS": ("Fire and Rescue Service",),
    "FRA": ("Fire and Rescue Authority",),
    "KSI": ("killed or seriously injured",),  # "and" analyses the same: a stop word
    "RTC": ("road traffic collision",),
    "HMPPS": ("His Majesty's Prison and Probation Service", "Her Majesty's Prison and Probation Service"),
    "BTP": ("British Transport Police",),
    "NPAS": ("National Police Air Service",),
    # Council finance and governance
    "MTFS": ("Medium Term Financial Strategy",),
    "MTFP": ("Medium Term Financial Plan",),
    "MRP": ("Minimum Revenue Provision",),
    "RSG": ("Revenue Support Grant",),
    "NNDR": ("National Non-Domestic Rates",),
    "HRA": ("Housing Revenue Account",),
    "CIPFA": ("Chartered Institute of Public Finance and Accountancy",),
    "LGA": ("Local Government Association",),
    "FOI": ("Freedom of Information",),
    "GDPR": ("General Data Protection Regulation",),
    "ICO": ("Information Commissioner's Office",),
    "AGM": ("annual general meeting",),
    "LGR": ("local government reorganisation",),
    "LEP": ("Local Enterprise Partnership",),
    "MCA": ("Mayoral Combined Authority",),
    "OSC": ("Overview and Scrutiny Committee",),
    "KPI": ("key performance indicator",),
    "SLA": ("service level agreement",),
    "NDR": ("non-domestic rates",),
    "DSG": ("Dedicated Schools Grant",),
    "PWLB": ("Public Works Loan Board",),
    # Planning, environment, highways
    "S106": ("Section 106",),
    "CIL": ("Community Infrastructure Levy",),
    "TPO": ("Tree Preservation Order",),
    "HMO": ("House in Multiple Occupation", "Houses in Multiple Occupation"),
    "LDP": ("Local Development Plan",),
    "LDF": ("Local Development Framework",),
    "SPD": ("Supplementary Planning Document",),
    "NPPF": ("National Planning Policy Framework",),
    "LPA": ("Local Planning Authority",),
    "AONB": ("Area of Outstanding Natural Beauty",),
    "SSSI": ("Site of Special Scientific Interest",),
    "EIA": ("Environmental Impact Assessment",),
    "CPO": ("Compulsory Purchase Order",),
    "TRO": ("Traffic Regulation Order",),
    "CPZ": ("Controlled Parking Zone",),
    "PROW": ("Public Rights of Way", "Public Right of Way"),
    "NPA": ("National Park Authority",),
    "LLFA": ("Lead Local Flood Authority",),
    "SUDS": ("sustainable drainage systems", "sustainable urban drainage systems"),
    "LNR": ("Local Nature Reserve",),
    "BNG": ("biodiversity net gain",),
    "HGV": ("heavy goods vehicle",),
    # Education, health and care
    "SEND": ("Special Educational Needs and Disabilities",),
    "SEN": ("Special Educational Needs",),
    "EHCP": ("Education, Health and Care Plan",),
    "LSCB": ("Local Safeguarding Children Board",),
    "IJB": ("Integration Joint Board",),
    "ICB": ("Integrated Care Board",),
    "JSNA": ("Joint Strategic Needs Assessment",),
    "DFG": ("Disabled Facilities Grant",),
    # Licensing
    "TEN": ("Temporary Event Notice",),
    "DPS": ("Designated Premises Supervisor",),
    "SIA": ("Security Industry Authority",),
    "PHV": ("Private Hire Vehicle",),
}

#: Everyday words and the official names minutes use for the same thing: a resident's
#: "taxi" is the licensing committee's hackney carriage or private hire vehicle. Each
#: pair works as an acronym and its long form do (one concept, searched both ways).
EVERYDAY: dict[str, tuple[str, ...]] = {
    "taxi": ("hackney carriage", "private hire"),
}

#: Acronyms naming the same body under an old and a new name: one concept.
GROUPS: tuple[tuple[str, ...], ...] = (
    ("HMIC", "HMICFRS"),
    ("IOPC", "IPCC"),
    ("SEND", "SEN"),
)

#: (a thing, a kind of it): a search for the first also finds the second, not the
#: other way round.
NARROWER: tuple[tuple[str, str], ...] = (
    ("PCC", "PFCC"),
    ("OPCC", "OPFCC"),
    ("PCP", "PFCP"),
)

#: Words that minutes use for the same decision ("the request was declined" for a
#: refused request): a typed word of a group searches every word of it, as one concept
#: (Lucene's ``SynonymQuery``). The forms that trigger it are listed: "refused" does,
#: "refuse" (as in refuse collection) does not.
WORD_SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("refused", "refusal", "declined", "rejected", "rejection"),
    ("deferred", "deferral", "postponed", "postponement"),
    # British spelling: the stemmer leaves "licence" and "licensing" apart
    ("licence", "licences", "licensing", "licensed", "license", "licenses"),
)

#: Typed words that also search a word minutes use instead, one way only: "yearly"
#: (stemmed "year") also searches "annual", but "annual" must not search every "year".
ALSO_SEARCH: dict[str, tuple[str, ...]] = {
    "yearly": ("annual",),
}

#: Acronyms that are also common words: expanded only when typed in capitals, and never
#: searched for when their long form is typed.
AMBIGUOUS = frozenset({"SEND", "TEN", "MASH", "DA"})

#: Related terms of policing and local government (a thesaurus's RT entries): each line
#: is a set of expressions for closely related things that minutes and residents name
#: differently ("cyber crime" and "online fraud"; "sexual violence" and "rape"; the
#: "night-time economy" and "late-night" venues). Typed words that spell one of them (as
#: whole words, unquoted, not in exact mode) also search the others, as part of the same
#: concept but at RELATED_WEIGHT of a typed word's weight (query expansion with
#: down-weighted expansions, as Lucene's boosted SynonymQuery terms or Xapian's
#: OP_SYNONYM with a weight factor); the page says so ("also searched: …").
#: The list was written from knowledge of the field, not from failing queries. The rule
#: for adding a line: the expressions name things a resident asking about one would
#: want to read about the other; no member is a generic word that would drag in
#: unrelated minutes (write "knife crime", not "knife"); true synonyms and acronyms go
#: in GLOSSARY, EVERYDAY or WORD_SYNONYMS instead, at full weight.
RELATED: tuple[tuple[str, ...], ...] = (
    # crime and community safety
    ("cyber crime", "cybercrime", "online crime", "online fraud", "computer misuse", "cyber fraud"),
    ("fraud", "scams", "scam"),
    ("sexual violence", "rape", "sexual offences", "sexual assault", "sexual abuse"),
    ("domestic abuse", "domestic violence"),
    ("knife crime", "knife carrying", "bladed article", "bladed articles", "offensive weapon",
     "offensive weapons"),
    ("serious violence", "violent crime", "serious violent crime"),
    ("hate crime", "hate incident", "hate incidents"),
    ("modern slavery", "human trafficking", "forced labour"),
    ("shoplifting", "retail crime", "shop theft"),
    ("rural crime", "wildlife crime", "farm crime", "agricultural crime", "hare coursing"),
    ("drink driving", "drug driving", "drink drive"),
    ("speeding", "speed enforcement", "speed cameras", "speed limits", "community speedwatch"),
    ("burglary", "burglaries", "break-ins"),
    ("vandalism", "criminal damage", "graffiti"),
    ("county lines", "drug dealing", "drug supply"),
    ("reoffending", "re-offending", "recidivism", "offender management"),
    ("youth justice", "youth offending", "young offenders"),
    ("out of court disposals", "out of court resolutions", "community resolutions", "diversion schemes"),
    ("night-time economy", "night time economy", "late-night", "late night", "nightlife", "evening economy"),
    ("missing persons", "missing people", "missing children"),
    # policing
    ("officer numbers", "police numbers", "police uplift", "officer recruitment"),
    ("response times", "emergency response", "attendance times", "999 calls"),
    ("non-emergency number", "101 calls", "call handling", "contact centre"),
    ("neighbourhood policing", "community policing", "local policing"),
    ("front counter", "front counters", "front desk", "police station"),
    ("victim services", "victim support", "witness care"),
    ("mental health", "mental ill health", "mental illness"),
    ("taser", "tasers", "conducted energy device"),
    # council finance and governance
    ("council tax", "precept"),
    ("members allowances", "councillor allowances", "independent remuneration panel"),
    ("chief executive", "head of paid service"),
    # services, places, planning
    ("potholes", "pothole", "road repairs", "highway maintenance", "carriageway repairs"),
    ("fly-tipping", "illegal dumping", "waste crime"),
    ("bin collections", "bin collection", "refuse collection", "waste collection"),
    ("street lighting", "streetlights"),
    ("homelessness", "rough sleeping", "homeless", "temporary accommodation"),
    ("affordable housing", "social housing", "council housing", "affordable homes"),
    ("climate change", "climate emergency", "net zero", "carbon reduction", "decarbonisation"),
    ("public toilets", "public conveniences"),
    ("listed buildings", "heritage assets", "conservation areas"),
    ("playgrounds", "play areas", "play equipment"),
    ("dog fouling", "dog mess"),
    ("traffic calming", "speed bumps", "speed humps"),
    ("cycle lanes", "cycle paths", "cycleways"),
    ("footpaths", "footpath", "bridleways", "rights of way"),
    ("young people", "youth", "teenagers"),
    ("older people", "elderly", "older residents", "pensioners"),
)

#: The weight of a related term's occurrences against the typed word's (see RELATED).
RELATED_WEIGHT = 0.5
