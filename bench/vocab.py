"""Word lists and sentence frames for the synthetic minutes archive.

Everything here is plain data; :mod:`bench.generate` draws from it with a seeded RNG.
Topics are ranked: the generator picks them with Zipf weights (rank 1 most often), so a
few (precept, plan delivery, county lines) dominate and a long tail appears rarely.
Slots in braces are filled by the generator: {place}, {town}, {n}, {pct}, £{money},
{year}, {month}, {surname}, {org}, {op}, {rare}.
"""

from __future__ import annotations

#: (body name, area, force name, county towns) for the dozen bodies in the archive.
BODIES: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("Hampshire and Isle of Wight Police and Crime Panel", "Hampshire", "Hampshire Constabulary",
     ("Winchester", "Southampton", "Portsmouth", "Basingstoke", "Andover", "Newport")),
    ("Surrey Police and Crime Panel", "Surrey", "Surrey Police", ("Guildford", "Woking", "Epsom", "Reigate", "Staines")),
    ("Sussex Police and Crime Panel", "Sussex", "Sussex Police", ("Brighton", "Crawley", "Eastbourne", "Worthing", "Hastings")),
    ("Kent and Medway Police and Crime Panel", "Kent", "Kent Police", ("Maidstone", "Canterbury", "Dover", "Ashford", "Chatham")),
    ("Thames Valley Police and Crime Panel", "Thames Valley", "Thames Valley Police",
     ("Oxford", "Reading", "Milton Keynes", "Slough", "Aylesbury", "Banbury")),
    ("Devon and Cornwall Police and Crime Panel", "Devon and Cornwall", "Devon and Cornwall Police",
     ("Plymouth", "Exeter", "Truro", "Torquay", "Barnstaple")),
    ("West Mercia Police and Crime Panel", "West Mercia", "West Mercia Police", ("Worcester", "Shrewsbury", "Hereford", "Telford")),
    ("Cheshire Police and Crime Panel", "Cheshire", "Cheshire Constabulary", ("Chester", "Warrington", "Crewe", "Macclesfield")),
    ("Wiltshire and Swindon Police and Crime Panel", "Wiltshire", "Wiltshire Police", ("Swindon", "Salisbury", "Trowbridge", "Chippenham")),
    ("Leicester, Leicestershire and Rutland Police and Crime Panel", "Leicestershire", "Leicestershire Police",
     ("Leicester", "Loughborough", "Hinckley", "Oakham")),
    ("Durham County Council Safer and Stronger Communities Overview and Scrutiny Committee", "Durham", "Durham Constabulary",
     ("Durham", "Darlington", "Consett", "Bishop Auckland")),
    ("Oxfordshire County Council Performance and Corporate Services Overview and Scrutiny Committee", "Oxfordshire",
     "Thames Valley Police", ("Oxford", "Banbury", "Bicester", "Witney")),
)

#: Sub-committees and working groups, used only when an archive is too big for the dozen
#: main bodies at a realistic number of meetings a year (the 1M archive).
SUBCOMMITTEES = (
    "Complaints Sub-Committee", "Precept Working Group", "Performance Working Group", "Finance Sub-Committee",
    "Police and Crime Plan Working Group", "Confirmation Hearing Sub-Committee", "Rural Crime Task and Finish Group",
    "Equalities Working Group", "Audit and Standards Committee",
)

FIRST_NAMES = tuple("""
Alan Alison Amanda Andrew Angela Anne Barry Bernie Bob Brian Carol Caroline Catherine Charles Chris Claire Colin
David Deborah Dennis Donna Edward Elaine Emma Eric Fiona Frances Gary Gareth Geoff Graham Hazel Helen Hugh Ian
Jan Jane Janet Jason Jean Jenny Jim John Jonathan Judith Julie Karen Kate Keith Ken Kevin Lisa Liz Louise Lynne
Malcolm Margaret Mark Martin Matthew Michael Mike Nick Nicola Nigel Pat Paul Pauline Peter Philip Rachel Ray Reg
Richard Rob Roger Ruth Sally Sam Sarah Simon Stephen Steve Sue Susan Terry Tim Tony Trevor Valerie Vanessa Wendy
""".split())

SURNAMES = tuple("""
Abbott Ahmed Allen Armstrong Ashworth Atkins Bailey Baker Ball Barker Barnes Barry Bateman Baxter Bell Bennett Bound
Bradley Brewer Brooks Burton Butler Carter Chapman Clarke Coates Cole Collins Cooper Cox Cunningham Dale Davies Dawson
Dixon Doyle Dunn Edwards Ellis Evans Farrow Fisher Fletcher Foster Fox Francis Furey Gardner Gibson Gill Graham Grant
Gray Green Griffith Hall Hamilton Harding Harris Harvey Hayes Hernandez Hill Holmes Hopkins Howard Hughes Hunt Jackson
James Jenkins Johnson Jones Kaur Kelly Kennedy Khan King Knight Lambert Lawrence Lee Lewis Lloyd Marsh Marshall Mason
Matthews Milton Mitchell Moore Morgan Morris Muschamp Murphy Murray Newman Nicholls Norris Owen Palmer Parker Patel
Pearce Perry Phillips Porter Powell Price Rahman Reed Reynolds Richards Roberts Robinson Rogers Rose Russell Sandher
Saunders Scott Shaw Simpson Singh Spencer Spoor Stevens Stone Sutton Taylor Thomas Thompson Turner Walker Walsh Ward
Warwick Waterhouse Watson Webb Wells West White Williams Wilson Wood Wright Young
""".split())

#: Building blocks for a long tail of place names ("Ashcombe", "Brackenhurst").
PLACE_HEADS = tuple("""
Ash Bark Brack Bram Brook Burn Chal Chel Chil Clay Cold Cran Dun Elm Fair Fern Frog Glen Hal Hart Hazel Holt Kings
Lang Lark Long Mar Mel Mill Nor Oak Pen Rad Ram Red Rook Salt Sand Shep Shir Stan Stock Sud Thorn Wal War Wel West Whit
Wick Wil Win Wood Yar
""".split())
PLACE_TAILS = tuple("""
bourne bury combe cote den don field ford gate ham hampton hurst ing ley marsh mere minster more ness stead stoke
ton well wick worth
""".split())

#: Rare words (a long tail that appears only a handful of times in a big archive).
RARE_WORDS = tuple("""
abeyance adjournment affray arbitrage asbestos balustrade bequest bivouac bollards burgeoning cadet cartography
catchment chattels cloister conurbation copse cordon coroner culvert curfew dereliction dovetail dredging dyke
embankment encampment escheat estuary falconry farriery ferry flytipping footbridge forensics gamekeeper gazebo
glebe graffiti gymkhana hamlet harbourmaster hedgerow heritage hovercraft impound inquest jetty kennels lamplighting
lifeboat lighthouse livery marina marquee menagerie metalwork moorland mooring narrowboat navvy orchard ordnance
paddock pavilion pedlar pier pillbox poaching pontoon quarry quayside racecourse regatta reservoir riverbank
roundabout saddlery salvage scaffolding scrapyard shipyard sluice smallholding spinney stables steeplechase
taxidermy thatching tidal towpath tramway turnpike underpass viaduct vineyard warren waterway weir wharf wicket
woodland yacht zoning
""".split())

#: Operation names ("Operation Kestrel"), a long tail of proper nouns.
OPERATIONS = tuple("""
Kestrel Falcon Sceptre Encompass Hawk Raptor Orochi Nightingale Bluebell Castle Fortress Lantern Harbour Sentinel
Shield Beacon Granite Viking Marlin Otter Badger Heron Osprey Merlin Compass Anchor Meridian Halo Tamar Trident
""".split())

ORGS = (
    "the Home Office", "HM Inspectorate of Constabulary", "the Crown Prosecution Service", "the Youth Offending Service",
    "the Community Safety Partnership", "the local health board", "the Fire and Rescue Service", "Neighbourhood Watch",
    "the National Crime Agency", "Victim Support", "the Probation Service", "the Local Government Association",
    "the Association of Police and Crime Commissioners", "the College of Policing", "Trading Standards",
    "the Independent Office for Police Conduct", "the Violence Reduction Unit", "the Safeguarding Children Partnership",
)

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")

# --------------------------------------------------------------------------- topics

#: (topic noun phrase variants, fact frames). Ranked: first is most frequent (Zipf).
TOPICS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("the precept", "the proposed precept", "the council tax precept"), (
        "the proposed precept would increase the Band D council tax by £{money} a year",
        "the precept proposal had been informed by a public consultation in which {pct} per cent of respondents supported an increase",
        "reserves would fall to £{money} million by {year} under the medium term financial plan",
        "the budget gap of £{money} million would be closed through efficiency savings and the use of reserves",
        "the government grant settlement for {year} had been lower than expected",
    )),
    (("delivery of the Police and Crime Plan", "the Police and Crime Plan", "the priorities of the Plan"), (
        "progress against the priorities of the Plan was reported quarterly to the working group",
        "{n} projects within the delivery plan had been completed since the last meeting",
        "the refreshed Plan placed greater emphasis on prevention and early intervention",
        "performance measures in the Plan were being revised following feedback from the Panel",
    )),
    (("county lines", "county lines drug dealing", "the exploitation of children through county lines"), (
        "{n} county lines had been closed down in {place} since {month}",
        "young people were being exploited to move drugs between {town} and {place}",
        "Operation {op} had led to {n} arrests linked to county lines activity",
        "safeguarding partners were working with schools in {town} to identify children at risk of exploitation",
    )),
    (("police officer recruitment", "the national uplift programme", "the recruitment of new officers"), (
        "the force had recruited {n} additional officers under the national uplift programme",
        "retention of student officers remained a challenge, with {pct} per cent leaving within two years",
        "the new intake of officers would be deployed to neighbourhood teams in {town}",
    )),
    (("domestic abuse", "domestic violence", "support for victims of domestic abuse"), (
        "reports of domestic abuse had risen by {pct} per cent over the past year",
        "the Commissioner had funded {n} independent domestic violence advisers",
        "a new perpetrator programme had been commissioned in partnership with {org}",
        "victims of domestic abuse in rural areas faced particular barriers to reporting",
    )),
    (("the 101 non-emergency service", "101 call handling", "the 101 service"), (
        "the average time to answer 101 calls had fallen to {n} minutes",
        "{pct} per cent of 101 calls were abandoned before being answered in {month}",
        "additional call handlers had been recruited to improve the 101 service",
        "an online reporting option had reduced demand on the 101 service",
    )),
    (("rural crime", "crime in rural communities", "rural and wildlife crime"), (
        "the rural crime team had recovered stolen farm machinery worth £{money} thousand",
        "farmers in {place} had reported repeated thefts of quad bikes and fuel",
        "the dedicated rural crime team would be expanded to {n} officers",
        "hare coursing and poaching remained a concern in {place}",
    )),
    (("modern slavery", "modern slavery and human trafficking", "labour exploitation"), (
        "{n} potential victims of modern slavery had been referred through the national referral mechanism",
        "officers had visited car washes and nail bars in {town} as part of Operation {op}",
        "awareness of modern slavery was growing, although it was not always visible to the public",
    )),
    (("knife crime", "serious violence", "knife crime among young people"), (
        "knife crime had fallen by {pct} per cent, although it remained above the national average",
        "the knife amnesty in {month} had removed {n} weapons from the streets",
        "the Violence Reduction Unit was working with schools in {town} on knife crime education",
    )),
    (("restorative justice", "restorative justice practices", "the restorative justice service"), (
        "{n} victims had taken part in restorative justice conferences in the past year",
        "restorative justice delivered real value in supporting victims and reducing reoffending",
        "the restorative justice films were being used in schools across {place}",
    )),
    (("road safety", "road casualties", "speeding in villages"), (
        "community speed watch volunteers had carried out {n} sessions in {place}",
        "the number of people killed or seriously injured on the roads had fallen to {n}",
        "residents of {place} had raised concerns about speeding through the village",
        "the roads policing unit had been strengthened with {n} new officers",
    )),
    (("anti-social behaviour", "antisocial behaviour in town centres", "nuisance behaviour"), (
        "anti-social behaviour in {town} town centre had increased over the summer months",
        "a public spaces protection order had been introduced in {place}",
        "{n} community protection notices had been issued since {month}",
    )),
    (("mental health", "mental health demand", "people in mental health crisis"), (
        "officers spent around {pct} per cent of their time dealing with people in mental health crisis",
        "the street triage scheme had been extended to {town}",
        "the Right Care, Right Person approach would transfer mental health calls to health partners",
    )),
    (("fraud and cyber crime", "online fraud", "cyber crime"), (
        "residents had lost £{money} thousand to online fraud in the past quarter",
        "the cyber ambassadors project was working with {n} schools",
        "older residents were being targeted by courier fraud in {place}",
        "reports to Action Fraud were passed back to the force slowly",
    )),
    (("the victims' services", "support for victims", "the Victims' Code"), (
        "the victims' hub had supported {n} victims since it opened",
        "compliance with the Victims' Code had improved to {pct} per cent",
        "funding for victims' services had been secured from {org} until {year}",
    )),
    (("neighbourhood policing", "visible policing", "police community support officers"), (
        "neighbourhood teams in {town} had been restored to full strength",
        "the number of police community support officers had fallen to {n}",
        "residents in {place} wanted to see more visible policing",
    )),
    (("the estates strategy", "the police estate", "police stations"), (
        "the police station in {place} would be sold and replaced by a shared front counter",
        "the estates programme would save £{money} million over five years",
        "a new investigation centre at {town} had reached the topping out stage",
    )),
    (("stop and search", "the use of stop and search", "disproportionality in stop and search"), (
        "black people were {n} times more likely to be stopped and searched than white people",
        "body worn video was used in {pct} per cent of stop and search encounters",
        "the independent scrutiny panel had reviewed {n} stop and search records",
    )),
    (("violence against women and girls", "the safety of women and girls", "VAWG"), (
        "the Safer Streets bid had secured £{money} thousand for lighting and CCTV in {town}",
        "a walk and talk scheme had been launched in {town}",
        "vetting of officers had been reviewed following national concern about misconduct",
    )),
    (("drug related harm", "drugs and alcohol", "drug treatment"), (
        "drug related deaths in {place} had risen for the third year running",
        "the drug intervention programme had been recommissioned with {org}",
        "Operation {op} had seized drugs with a street value of £{money} thousand",
    )),
    (("burglary", "residential burglary", "burglary of homes"), (
        "every residential burglary would now be attended by an officer",
        "burglary in {town} had fallen by {pct} per cent",
        "the solved rate for burglary remained low at {pct} per cent",
    )),
    (("youth offending", "young people at risk", "the youth commission"), (
        "the youth commission had consulted {n} young people on their priorities",
        "first time entrants to the youth justice system had fallen in {place}",
        "diversion schemes were helping young people in {town} avoid a criminal record",
    )),
    (("CCTV", "public space CCTV", "the CCTV partnership"), (
        "the CCTV partnership in {town} was seeking funding from district councils",
        "{n} new cameras had been installed in {place}",
    )),
    (("custody", "custody suites", "independent custody visiting"), (
        "independent custody visitors had made {n} visits in the past year",
        "the custody suite at {town} had been refurbished",
    )),
    (("hate crime", "hate crime reporting", "third party reporting centres"), (
        "hate crime reports had increased by {pct} per cent following national events",
        "third party reporting centres had been opened in {town}",
    )),
    (("collaboration with the fire service", "blue light collaboration", "fire and rescue governance"), (
        "the business case for the Commissioner to take on fire governance had been submitted to {org}",
        "a shared headquarters with the fire service in {town} had saved £{money} thousand",
    )),
    (("court backlogs", "the criminal justice system", "the local criminal justice board"), (
        "the backlog of Crown Court cases stood at {n} cases",
        "victims were waiting over {n} months for trials to be heard",
    )),
    (("missing persons", "missing children", "people reported missing"), (
        "{n} missing person reports had been received in {month}",
        "children in care accounted for {pct} per cent of missing episodes",
    )),
    (("wildlife crime", "heritage crime", "environmental crime"), (
        "the theft of lead from church roofs in {place} had been investigated",
        "raptor persecution had been reported on moorland near {place}",
    )),
    (("officer wellbeing", "staff wellbeing", "sickness absence"), (
        "sickness absence among officers had risen to {n} days a year",
        "the wellbeing van had visited stations across {place}",
    )),
    (("drones", "the drone unit", "aerial support"), (
        "the drone unit had been deployed {n} times to search for missing people",
        "the national police air service had reduced its presence in {place}",
    )),
    (("the night-time economy", "licensing", "late night levy"), (
        "a late night levy in {town} would raise £{money} thousand a year",
        "street pastors were supporting the night-time economy in {town}",
    )),
    (("counter terrorism", "the Prevent programme", "protective security"), (
        "{n} Prevent referrals had been made in {place}",
        "protective security advice had been given to venues in {town}",
    )),
    (("football policing", "policing of events", "major events"), (
        "the cost of policing football matches in {town} had reached £{money} thousand",
        "the summer festival at {place} had required {n} officers",
    )),
    (("body worn video", "digital evidence", "mobile data"), (
        "every frontline officer had been issued with body worn video",
        "the digital evidence management system had cost £{money} million",
    )),
    (("{rare}",), (
        "questions were raised about the {rare} near {place}",
        "the Panel heard about the {rare} at {place} and its effect on local residents",
        "a report on the {rare} in {place} would be brought to a future meeting",
    )),
)

#: Frames that wrap a fact into a sentence; {who} is the speaker as written in the text.
FACT_FRAMES = (
    "{who} explained that {fact}.",
    "{who} confirmed that {fact}.",
    "Members heard that {fact}.",
    "It was reported that {fact}.",
    "{who} advised that {fact}.",
    "The Panel noted that {fact}.",
    "{who} acknowledged that {fact}.",
    "{who} stated that {fact}.",
)
OPINION_FRAMES = (
    "{who} remained committed to improving {topic}.",
    "Members expressed concern about {topic} in {place}.",
    "{who} welcomed the progress made on {topic}.",
    "Further work on {topic} would be reported to the Panel in {month}.",
    "The Panel asked for more detail on {topic} at its next meeting.",
    "{who} recognised that {topic} remained a priority for residents.",
    "Partners including {org} were supporting work on {topic}.",
    "There had been a significant increase in demand relating to {topic}.",
)
QUESTION_FRAMES = (
    "In response to a question from Councillor {surname}, {who} confirmed that {fact}.",
    "Asked about {topic}, {who} explained that {fact}.",
    "Councillor {surname} asked whether {topic} was being given enough priority; {who} replied that {fact}.",
    "When asked about the funding for {topic}, {who} said that {fact}.",
)
COUNCILLOR_FRAMES = (
    "Councillor {fullname} raised concern about {topic} in {place}.",
    "Cllr {fullname} asked how {topic} would be measured.",
    "Councillor {fullname} commented that residents of {place} had raised {topic} at recent parish meetings.",
    "Councillor {fullname} thanked officers for the report on {topic}.",
)

#: Speaker roles with how the text names them.
ROLE_WHO = {
    "commissioner": ("The Commissioner", "The Police and Crime Commissioner", "The PCC"),
    "deputy_commissioner": ("The Deputy Commissioner", "The Deputy Police and Crime Commissioner"),
    "chief_constable": ("The Chief Constable",),
    "police_officer": ("The Assistant Chief Constable", "The Superintendent", "The Chief Superintendent"),
    "chief_executive": ("The Chief Executive", "The Chief Executive of the OPCC"),
    "opcc_officer": ("The Chief Finance Officer", "The OPCC Head of Performance", "An officer from the OPCC"),
    "council_officer": ("The Scrutiny Officer", "The Democratic Services Officer", "The Monitoring Officer"),
}

#: Recurring substantive items: (title frame, blurb frame, presenter role, topic rank bias, months it sits in).
SUBSTANTIVE_ITEMS = (
    ("Police and Crime Commissioner - Police and Crime Plan Delivery",
     "To receive a quarterly update from the Police and Crime Commissioner detailing delivery against the Police and Crime Plan.",
     "commissioner", 1, None),
    ("Proposed Precept {fy}",
     "To review the Commissioner's proposed precept for {fy} and make a report to the Commissioner.",
     "commissioner", 0, (1, 2)),
    ("Police and Crime Commissioner's Annual Report {pfy}",
     "To review and make recommendations on the Commissioner's annual report for {pfy}.",
     "commissioner", None, (6, 7, 9)),
    ("Performance Report",
     "To receive a report on the performance of the force against the measures in the Police and Crime Plan.",
     "chief_executive", None, None),
    ("Medium Term Financial Plan and Budget Monitoring",
     "To note the budget monitoring position and the medium term financial plan.",
     "opcc_officer", 0, None),
    ("Update on {topic}",
     "To receive an update on {topic} from the Office of the Police and Crime Commissioner.",
     "commissioner", None, None),
    ("Proactive Scrutiny: {topic}",
     "To consider the findings of the Panel's proactive scrutiny of {topic}.",
     "council_officer", None, None),
    ("Commissioner's Question Time",
     "To put questions to the Commissioner on any matter within the Commissioner's responsibilities.",
     "commissioner", None, None),
    ("Complaints against the Police and Crime Commissioner",
     "To receive an update on complaints received about the conduct of the Commissioner.",
     "council_officer", None, None),
)

#: Procedural items: (title, blurb, minutes frames). Minutes frames may use {fullname}, {names}, {date}.
PROCEDURAL_ITEMS = (
    ("Apologies for Absence", "To receive any apologies for absence.", (
        "Apologies were received from Councillors {names}.",
        "Apologies were received from Councillor {fullname}. Councillor {fullname2} attended as a substitute.",
        "There were no apologies for absence.",
    )),
    ("Declarations of Interest",
     "To invite Members to declare any disclosable pecuniary or other interest in matters on this agenda.",
     (
        "No declarations were made.",
        "There were no declarations of interest.",
        "Councillor {fullname} declared a personal interest as a member of the local Neighbourhood Watch.",
     )),
    ("Minutes of the Previous Meeting", "To confirm the minutes of the meeting held on {prev}.", (
        "The minutes of the meeting held on {prev} were confirmed as a correct record and signed by the Chairman.",
        "The minutes of the meeting held on {prev} were agreed as a true record of that meeting.",
    )),
    ("Public Questions", "To receive any questions from members of the public.", (
        "There were no public questions.",
        "One question had been received from a resident of {place} about {topic}; a written answer would be provided.",
    )),
    ("Work Programme", "To consider the work programme of the Panel.", (
        "The Panel noted the work programme and agreed to add an item on {topic}.",
        "The work programme was agreed.",
    )),
)

JOINED_FRAMES = (
    "Councillor {surname} joined the meeting at this point.",
    "Councillor {surname} left the meeting during this item.",
    "The meeting adjourned for a short break and reconvened at {time}.",
)

RESOLUTION_FRAMES = (
    "That the update on {topic} is noted.",
    "That the report is noted by the Panel.",
    "That the Panel supports the proposed precept for {fy} without qualification.",
    "That the Panel requests a further report on {topic} at its meeting in {month}.",
    "That the Commissioner's annual report is noted and the Panel's recommendations are forwarded to the Commissioner.",
    "That the working group considers {topic} as part of its next review.",
)

#: Syllables for a long tail of made-up proper nouns (surnames, streets, estates, firms).
TAIL_ONSETS = tuple("""
Ab Ad Al Am An Ar As Ba Be Bi Bo Bra Bre Bro Bu Ca Ce Cha Che Chi Cla Cle Co Cra Cro Da De Di Do Dra Du Ea El Em En
Fa Fe Fi Fo Fra Fu Ga Ge Gi Go Gra Gu Ha He Hi Ho Hu Ja Je Jo Ka Ke Ki Ko La Le Li Lo Lu Ma Me Mi Mo Mu Na Ne Ni No
Pa Pe Pi Po Pra Pu Qui Ra Re Ri Ro Ru Sa Se Sha She Si So Sta Ste Sto Su Ta Te Tha Thi Tho Ti To Tra Tu Va Ve Vi Wa
We Wi Wo Ya Yo Za
""".split())
TAIL_MIDDLES = ("", "l", "n", "r", "s", "th", "v", "nd", "ll", "rr", "st", "ck", "m", "d", "b")
TAIL_CODAS = tuple("""
by ton ley well son man ford ridge worth field ham wick more dale gate shaw croft er ett ins ard ow ock ing en
""".split())
STREET_KINDS = ("Road", "Lane", "Street", "Close", "Avenue", "Estate", "Park", "Way", "Green", "Drive")

#: Ordinary words of council business, for clauses that widen the vocabulary.
NOUNS = tuple("""
accountability accommodation allocation ambition appetite approach arrangement assessment assurance audit backlog
baseline benchmark boundary briefing budget campaign capability capacity caseload challenge charter checklist
commitment communication compliance consultation contract coordination council covenant criteria dashboard deadline
decision delegation demand deployment deputation disclosure efficiency engagement evaluation evidence expenditure
feedback footprint forecast framework funding governance grant guidance handover headcount inclusion indicator
infrastructure initiative inspection intelligence investment leadership legislation licence lobbying mandate
methodology milestone mitigation monitoring network objective obligation outcome outreach oversight partnership
pathway performance pilot pipeline policy portfolio presence pressure procurement programme proposal protocol
provision qualification questionnaire readiness recommendation reconciliation referral register resilience
response retention review roadmap safeguarding scheme scrutiny secondment settlement shortfall sponsorship
strategy submission succession supervision survey sustainability target tender threshold timetable training
transformation transparency trend turnover underspend uplift vacancy variance visibility volunteer workforce
workload workshop
""".split())
ADJECTIVES = tuple("""
additional adequate annual anticipated balanced bespoke broader careful challenging clear collaborative
comprehensive considerable consistent continuing credible critical dedicated detailed difficult disproportionate
early effective emerging encouraging essential evident excellent existing external financial flexible formal
frontline further genuine gradual helpful immediate improved independent informal innovative interim internal
joint key legal local longer major meaningful measurable modest national notable ongoing operational outstanding
overall particular persistent positive practical preventative previous proactive proportionate prudent quarterly
realistic recent regional relevant reliable robust rural serious significant specialist statutory steady strategic
stronger substantial sufficient sustainable targeted thorough timely transparent urgent useful visible vulnerable
wider
""".split())
CLAUSE_FRAMES = (
    "The {adj} {noun} for {place} was discussed.",
    "Members sought assurance on the {adj} {noun} and the {noun2} that supported it.",
    "A {adj} {noun} had been agreed with {org}.",
    "The {noun} at {street} in {place} was cited as an example of {adj} {noun2}.",
    "Officers would provide a {adj} {noun} before the next meeting.",
    "{tailname} of {firm} had contributed to the {adj} {noun}.",
    "The {noun} would be considered alongside the {adj} {noun2}.",
)
