# common.pat — macros every other rule file may use. Loaded first.
#
# Text is normalised before matching: curly quotes are ' and ", dashes are -,
# white space is one space, a paragraph is one line. {Q} is an optional quote
# mark, as in: rated "inadequate".

define Q ["']?
define W [A-Za-z][A-Za-z'-]*
# A capitalised word (names, places).
define CAP [A-Z][A-Za-z'-]*
# A space and a word, for "up to N words" ({SPWORD}{0,6}?): a macro, so
# that the exported set repeats a subroutine call, not a 32-byte class.
define SPWORD (?: [\w'-]+)
# The same for the next word of a name or a place, in its several spellings
# ("up to N more words" again: calls, not copies of a class, in the
# exported set).
define CAPNEXT (?: [A-Z][\w'-]+)
define CAPNEXTP (?: [A-Z][\w'-]*+)
define CAPNEXTQ (?: [A-Z][\w'’-]*)
define NAMENEXT (?: [A-Z][a-z'.-]+)
define PLACEWORD (?: [\w'’&.-]+)
define HWORD (?: [\w-]+)
# The same, but not a negation: the words between a council and its grade
# ("Rutland's care leavers service was") never say "not", "never" or "-n't"
# ("Rutland has never been rated inadequate" gives it no grade).
define SPWORDPOS (?: (?!(?:not|never)\b)(?![\w'-]*n't\b)[\w'-]+)
# Macros keep their own flags: a (?i) around {NAME} does not reach inside it.
# Cardinals as words, composed: "twenty-six", "one hundred and two".
words -i UNITWORD zero | one | two | three | four | five | six | seven | eight | nine | ten | eleven | twelve | thirteen | fourteen | fifteen | sixteen | seventeen | eighteen | nineteen
words -i TENSWORD twenty | thirty | forty | fifty | sixty | seventy | eighty | ninety
define NUMWORD (?i:(?:{TENSWORD}(?:[ -]{UNITWORD})?|{UNITWORD}|a dozen|(?:one |a )?hundred(?: and (?:{TENSWORD}(?:[ -]{UNITWORD})?|{UNITWORD}))?))
define DIGITS \d{1,3}(?:,\d{3})+|\d+
define NUM (?:{DIGITS}|{NUMWORD})(?![\w%])

# A place's name as written: "Sutton-in-Ashfield", "Southend-on-Sea",
# "Newcastle upon Tyne", "Isle of Wight" (councils.pat, ratings.pat).
define PLACENAME [A-Z][\w'-]*(?:[ -](?:[A-Z][\w'-]*|on|upon|in|le|under|by|the|de|of))*

# A year of this century or the last: "2019", "1998".
define YEAR (?:19|20)\d\d
# A year or a span of years: "2019", "2013/14", "2024-25", "2013-2014".
define YEARS {YEAR}(?:[/-](?:19|20)?\d\d)?

# ---- grades (shared by ratings.pat and council_ratings.pat) -------------------
# Grades: verb forms can follow a figure directly ("88 performed well"),
# adjectives follow a linking phrase ("were judged to be inadequate"). A
# grade may be capitalised as Ofsted's own pages and Easy Read guides write
# it ("were rated Good", "got Requires improvement").
define IMPROVE (?:(?:[Rr]equires?|[Rr]equired|[Rr]equiring|need(?:s|ed)?|needing) improvement(?: to be good)?)
define GRADEV (?:perform(?:s|ed|ing)? (?:excellently or well|excellently|well|adequately|poorly|badly)|{Q}{IMPROVE}(?: or (?:worse|below|lower|inadequate)(?![\w-]))?{Q})
define GRADEA (?:{Q}(?:[Gg]ood or (?:better|outstanding)|outstanding or good|excellent or good|at least good|inadequate or {IMPROVE}|{IMPROVE} or inadequate|not (?:providing |yet )?good enough|not (?:yet )?(?:rated |judged )?good(?: or (?:better|outstanding))?|(?:less|worse|lower) than {Q}good|below {Q}good|short of {Q}good|(?i:outstanding)|[Ee]xcellent|[Gg]ood(?! (?:morning|afternoon|evening|night|luck|news|Friday|Samaritans?|Shepherd)\b)|(?i:inadequate)|[Aa]dequate|[Ss]atisfactory|poor|(?:are|is|were|was)n't (?:good(?: enough| yet)?|yet good)|(?:the |(?:Ofsted|the \w+)'s )?(?:top|highest|lowest|bottom) (?:grade|rating|judgement|category|of the scale)|the (?:top two|two top|two highest) (?:grade|rating)s)(?![\w]|-(?!\d)){Q})
define GRADE (?:{GRADEV}|{GRADEA})
# A grade as a table writes it in a cell: capitalised, then a figure, a
# cell border or the row's end ("Derby Requires improvement 24% 16%",
# "| Walsall | Good |"). For council_ratings/table-row and the council
# support rule councils/table-grade, which must agree on what a row is:
# CELLSEP is what may stand between the name and the grade (a footnote
# star, a cell border, a dash or a colon: "1. Trafford – Outstanding (2023)").
define CELLSEP \*?(?: \|| [-–—]|:)?
# After a dash or a colon the grade may be in lower case ("• Barnet –
# outstanding (good, 2021)").
# The current grades as plain words, in any case. Caseless inside: a macro
# is a subroutine, which keeps the options of its definition, so a (?i:)
# around a call to it would change nothing.
define GRADEPLAIN (?i:outstanding|good|requires improvement(?: to be good)?|inadequate|adequate)
# A grade cell ends the row or comes before a figure, a bracket, a border or
# the earlier grade's cell ("Good  Requires improvement to be good (2021)").
define TABLEGRADE (?:Outstanding|Good|Requires improvement(?: to be good)?|Inadequate|Adequate|(?<=[-–—:] ){GRADEPLAIN})(?= [\d£(-]| ?\||$| \p{Lu}.{0,40}?\({YEAR}\))
define MONTH (?:January|February|March|April|May|June|July|August|September|October|November|December)
# A date's cell between a council's and its grade's ("Dudley  March 2024  Good").
define DATECELL (?: (?:\d{1,2} )?{MONTH} {YEAR})
define GRADEWORD (?i:outstanding|excellent|good|inadequate|adequate|satisfactory|poor|improvement)

# A UK postcode: an address, never article text (boilerplate/postal-address,
# councils/postcode).
define POSTCODE [A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}

# Words that link a figure to its grade (a words list is matched as a trie,
# each character tested once, however long the list).
# The verbs by which an inspection grades: "rated inadequate", "judged good".
define GRADEVERB (?:rated|judged|graded|found|deemed|assessed)
# What a grade is called: "an inadequate rating", "with that grade".
define GRADENOUN (?:rating|grade|judgement|verdict)
words LINKWORD were | was | are | is | either | said to | thought to be | believed to be | reported to be | had | have | has | been | being | be | now | currently | still | all | also | each | both | judged | rated | found | deemed | graded | assessed | considered | classed | classified | as | to | told they | told it | providing | provide | provided | remain | remains | remained | at | sit at | sits at | sat at | stand at | stands at | stuck at | languishing at | stuck in | languishing in | Ofsted's | overall | then | previously | subsequently | already | again | given | awarded | received | receiving | to receive | achieved | achieving | earned | by Ofsted | by inspectors | so far | in total | in all | ended with | ended up | ending with | improved to | reached | reach | reaches | reaching | climbed to | moved to | risen to | rose to | fell to | dropped to | sink to | sank to | slip to | slipped to | fall to | drop to | upgraded to | downgraded to | came out | come out as | comes out as | therefore | officially | formally | only | just | first | a | an | the
# "3 of the 4 areas got Good", "got good across the board": "got" links only
# to a grade that ends the phrase ("got good results" is no grade).
define GOTGRADE (?:got|get|gets|getting)(?= {Q}(?:[Gg]ood|[Oo]utstanding|[Ii]nadequate|[Rr]equires improvement(?: to be good)?|[Aa]dequate){Q}(?: (?:across|in|for|overall|from|at|by|last|this|when|again|too|as)\b|[.,;:!?)]|$))
# "are in the bottom grade", "sits in the top category": "in" links only
# after a verb and before an article ("are in|adequate" is no link).
define LINKW (?:{LINKWORD}|{GOTGRADE}|(?:hold|holds|held|holding)(?: one of)?(?= (?:an?|the|their|its) )|(?:are|is|were|was|sits?|sat|remain(?:s|ed)?) in(?= (?:the|a) )|told that (?:their|its) (?:children's )?services(?: for children)?|(?:found|judged|rated|deemed) (?:them|(?:(?:their|its|the|local|council) )?(?:children's )?(?:services|social care)(?: for children)?)(?: to be)?|(?:an? |the )?(?:overall )?(?:effectiveness )?{GRADENOUN} of|(?:an? |the )?(?:overall )?(?:rating|grade|judgement)(?= (?:below|lower than|less than|worse than|short of) )|that (?:are|were|was|is|have been|had been)|(?<![Oo]ne )(?:that|which)(?= (?:[Rr]equire|need|perform))|that(?= (?:are|is|were|was)n't )|which (?:are|were|was|is|have been|had been)|(?:now )?have children's services that|whose children's services (?:are|were|have been))
define LINK (?: {LINKW}){0,7}
