"""The small vocabularies shared by content files, the questions and matching.

Domain code speaks in these codes; templates turn them into words.
"""

# What a service does, in the order results show them: most urgent first.
SERVICES = ("remove", "report", "talk", "compensation", "legal", "prevention")

# Who the help is for.
ROLES = ("child", "survivor", "parent", "bystander", "worried", "professional")

# What happened. "unsaid" is an answer only, never a listing's situation.
SITUATIONS = ("shared", "fake", "threats", "grooming", "livestream", "offline")

# What would help.
NEEDS = ("remove", "report", "talk", "compensation", "law", "everything")

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")

# Listings with this service area apply in every jurisdiction.
ANYWHERE = "INT"

# How a law treats AI-made or edited sexual images of children.
AI_IMAGE_RULINGS = ("explicit", "general", "unclear")
