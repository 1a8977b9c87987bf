"""Organisation vocabulary: the words that make a name an organisation's, the lower-case nouns
that stand for one ("the ministry said"), and institutions named by their seat."""

from __future__ import annotations

from .lexicon import words

# Capitalised words that head an organisation's name.
ORG_WORDS = set(
    words(
        """
    ministry department office agency authority commission committee council bank company
    corporation corp corp. inc inc. ltd ltd. plc group holdings party union association
    federation institute university court police service services airlines airways railways
    railway fund foundation organisation organization bureau board parliament assembly senate
    congress duma kremlin government army navy command club society league alliance coalition
    network cooperative co-operative guard embassy consulate secretariat directorate
    inspectorate chamber tribunal trust exchange hospital school academy energy motors shipping
    securities partners capital media news times press radio television broadcasting studios
    commissariat gazette observer herald review journal post telegraph tribune industry
    industries fc united athletic wanderers rovers hotspur zoo museum gallery library libraries
    theatre theater orchestra college logistics foods homes estates properties developments
    construction technologies systems pharmaceuticals electronics engineering brewery insurance
    forum dairy dairies bakery distillery winery property utilities sociedad hospice clinic
    compañía empresa banco grupo société gesellschaft gmbh palace petroleum stores minerals
    metals works syndicate courier chronicle sentinel ledger courant inquirer examiner
    """
    )
)

# Institutions named by their building or seat: "the Kremlin said" is the presidency speaking,
# though a lone organisation word usually names nothing in particular.
INSTITUTIONS = {
    "kremlin",
    "white house",
    "pentagon",
    "vatican",
    "holy see",
    "élysée",
    "elysee",
    "downing street",
    "quai d'orsay",
    "bundestag",
    "knesset",
}

# Lower-case nouns that stand for an organisation in "the ministry said", and the category a
# name must have for the noun to stand for it ("the firm" is a company; "the trustees" a board).
ORG_NOUNS = {
    "ministry": "ministry",
    "company": "company",
    "firm": "company",
    "group": "group",
    "agency": "agency",
    "authority": "authority",
    "commission": "commission",
    "committee": "committee",
    "council": "council",
    "bank": "bank",
    "party": "party",
    "union": "union",
    "government": "government",
    "embassy": "embassy",
    "court": "court",
    "office": "office",
    "department": "department",
    "airline": "airline",
    "carrier": "airline",
    "regulator": "regulator",
    "operator": "company",
    "watchdog": "regulator",
    "club": "club",
    "foundation": "foundation",
    "institute": "institute",
    "university": "university",
    "hospital": "hospital",
    "board": "board",
    "chain": "company",
    "retailer": "company",
    "manufacturer": "company",
    "maker": "company",
    "chipmaker": "company",
    "carmaker": "company",
    "automaker": "company",
    "drugmaker": "company",
    "steelmaker": "company",
    "planemaker": "company",
    "miner": "company",
    "insurer": "company",
    "lender": "bank",
    "charity": "foundation",
    "federation": "federation",
    "association": "association",
    "police": "police",
    "army": "army",
    "military": "army",
    "kremlin": "kremlin",
    "prosecutors": "office",
    "organisers": "committee",
    "organizers": "committee",
    "bureau": "bureau",
    "service": "service",
    "trust": "foundation",
    "trustees": "board",
    "zoo": "zoo",
    "museum": "museum",
    "gallery": "museum",
    "library": "library",
    "theatre": "theatre",
    "orchestra": "theatre",
    "college": "university",
    "school": "school",
    "developer": "company",
    "housebuilder": "company",
    "supermarket": "company",
    "brewer": "company",
    "broadcaster": "company",
    "publisher": "company",
    "supplier": "company",
    "organisation": "group",
    "organization": "group",
    "family": "family",
    "couple": "family",
    "forum": "forum",
    "dairy": "company",
    "bakery": "company",
    "brewery": "company",
    "hospice": "hospital",
    "city": "council",
    "clinic": "hospital",
    "church": "church",
    "parish": "church",
    "distillery": "company",
    "winery": "company",
    "utility": "utility",
    "directorate": "directorate",
    "inspectorate": "directorate",
    "secretariat": "directorate",
    "tank": "group",  # "the Fiscal Watch think tank"
    "palace": "palace",  # "the palace said": the head of state's household speaking
    "band": "band",
    "paper": "publication",
    "newspaper": "publication",
    "magazine": "publication",
    "syndicate": "syndicate",
    "body": "group",  # "industry body Assocham", "the body said"
    "duo": "band",
    "trio": "band",
    "quartet": "band",
    "quintet": "band",
    "four-piece": "band",
    "five-piece": "band",
}

# Words that end a newspaper's or magazine's name: "the paper said" is the Northbay Courier.
PUBLICATION_WORDS = set(
    words(
        """
        herald times post gazette courier chronicle tribune journal sentinel ledger courant review
        observer telegraph mail express standard echo argus examiner inquirer bulletin weekly
        """
    )
)
