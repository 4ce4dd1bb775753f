# meta.pat — facts about the document itself: its dateline.
# Captures day, month (name or number) and year (4 digits, or 2 in "10 Mar 15").

family date

define MONTHNAME (?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)

rule day-month-year
  match \b(?<day>\d{1,2})(?:st|nd|rd|th)? (?<month>{MONTHNAME}),? (?<year>{YEAR}|\d\d)\b
rule month-day-year
  match \b(?<month>{MONTHNAME}) (?<day>\d{1,2})(?:st|nd|rd|th)?, (?<year>{YEAR})\b
rule iso
  match \b(?<year>{YEAR})-(?<month>\d\d)-(?<day>\d\d)\b
