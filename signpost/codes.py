"""The small vocabularies shared by content files, the questions and matching.

Domain code speaks in these codes; templates turn them into words.
"""

# What a service does, in the order results show them: most urgent first.
SERVICES = ("remove", "report", "talk", "compensation", "legal", "prevention")

# Who the help is for.
ROLES = ("child", "survivor", "parent", "bystander", "worried", "professional")

# What happened. "unsaid" is an answer only, never a listing's situation.
SITUATIONS = ("shared", "fake", "threats", "grooming", "livestream", "offline")

# The age of the person in an image, which decides the takedown route: an image made
# under 18 goes to Take It Down, Report Remove or a hotline whatever the person's age
# now; StopNCII and its kind are for images of adults.
IMAGE_AGES = ("under-18", "adult")

# What would help.
NEEDS = ("remove", "report", "talk", "compensation", "law", "everything")

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")

# Listings with this service area apply in every jurisdiction.
ANYWHERE = "INT"

# How a law treats AI-made or edited sexual images of children (content/README.md says
# what each one means; the checker derives it from the provisions in force).
AI_IMAGE_RULINGS = ("explicit", "general", "unclear", "not_covered")

# What a single provision does for such images: names them (AI-made, computer-generated,
# realistic images of children who do not exist), covers them by a general definition
# (pseudo-images, realistic or virtual depictions), covers real children only, or unclear.
PROVISION_REACH = ("names-ai", "general", "real-only", "unclear")

# Where a change to the law stands.
PENDING_STATUS = ("proposed", "in-parliament", "agreed", "passed")

# What kind of page a fact rests on: an official body (government, regulator, court,
# e-Justice), the service's own website, or a secondary source (press, a directory,
# a law firm, a copy of a document).
SOURCE_KINDS = ("official", "own", "secondary")

# When the time limit for a compensation claim starts; "none": no fixed deadline;
# "not-stated": the official pages read do not say (a gap `content check` warns about).
DEADLINE_STARTS = ("offence", "report", "knowledge", "judgment", "majority", "none",
                   "not-stated")

# The rule for people who were children at the time ("not-stated": a gap, as above).
CHILD_RULES = ("from-majority", "extended", "no-limit", "discretion", "same", "not-stated")

# What kind of route a listing is, for coverage reports: one per listing.
KINDS = (
    "hotline",           # national hotline for reporting abuse material online
    "police",            # police reporting: online, non-emergency line, specialist unit
    "child-helpline",    # 116 111 and national child helplines
    "parent-helpline",   # support for parents and carers
    "survivor-support",  # support for adult survivors, and sexual violence services
    "victim-helpline",   # 116 006 and national victim support
    "takedown",          # tools and services that get images removed
    "prevention",        # for people worried about their own thoughts or behaviour
    "compensation",      # state compensation schemes and how to claim
    "legal-help",        # legal advice and representation
    "other",
)

# What a country is expected to have; coverage reports each as present, none or missing.
EXPECTED_KINDS = ("hotline", "police", "child-helpline", "parent-helpline",
                  "survivor-support", "victim-helpline", "takedown", "prevention",
                  "compensation")

# Regions used where no ISO 3166-2 code fits: England and Wales share one legal
# system (the code comes from BS 6879, the British standard behind ISO 3166-2:GB).
EXTRA_REGION_CODES = {"GB-EAW": "England and Wales"}

# Harmonised European numbers of social value (Commission Decision 2007/116/EC):
# reserved across the EU and EEA, though the phone-number data does not list every
# one for every country. A listing still needs its own source for the service.
EUROPEAN_116_NUMBERS = ("116000", "116006", "116111", "116117", "116123")
EU_EEA = frozenset("AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK "
                   "SI ES SE IS LI NO".split())
