# ratings.pat — how many inspected things got an Ofsted grade.
#
# A rule captures the pieces of one figure; extract_rating.c turns them into a
# `rating` record:
#   q       the quantity phrase ("seven", "a quarter", "10 of 43", "44 per cent")
#   paren   a second form of the figure: "(21)", "(44 per cent)", "- 27 -"
#   total   the denominator: "of the 87 authorities"
#   unit    what was graded (units.tsv); inherited from the sentence or the
#           "Of the 87 authorities, ..." context when absent
#   grade   the grade phrase (grades.tsv)
#   gref    instead of a grade, a reference back to one ("hold it today",
#           "that grade"): the grade named before it (family rating_antecedent)
#   approx  "more than", "nearly" ... (approx.tsv)
#   period  "2013/14", "2014-15", "in 2017" (else found in the sentence)
# Rules marked `continue` are tried only right after a rating, to read lists:
# "seven were inadequate, with a further 26 requiring improvement".
# A rule may say:
#   set grade_from previous|sentence_before|table  where a grade left out comes from
#   set comparison yes   another time or set: no total carried, kept out of the
#                        figure's set by the audit
#   set total none       a set of its own (a narrower place): no total carried
#   set table yes        a row of a table

family rating

# ---- vocabulary -----------------------------------------------------------
# Macros are PCRE2 subroutines: captures inside them are not seen by the rule,
# so named groups (q, grade, ...) are written in the rules themselves.
words -i APPROXW @approx
define APPROX (?i:{APPROXW})
words -i FRACW half | halves | third | thirds | quarter | quarters | fifth | fifths | sixth | sixths | seventh | sevenths | eighth | eighths | ninth | ninths | tenth | tenths
# A cardinal that is not a year, a sum of money or part of a bigger token.
# Not a count: years, times, money, dates ("six months", "31 March", "2013"),
# something within one council ("at 10 in a council that requires improvement"),
# nor one of a set of no stated size ("one of the few councils rated
# outstanding", "one of a handful").
define NOTCOUNT (?! in an? (?:council|authority|local authority|area)\b)(?! of (?:an? |the )?(?:handful|few|many|number|small|tiny|minority|clutch|select|growing number|best|worst)\b)(?! (?:years?|months?|weeks?|days?|hours?|minutes?|times|per|percent|million|billion|bn|miles|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|grades? (?:below|above|short|higher|lower|up|down))\b)
define CARD (?<![£$€\d.,/'-])(?:(?!{YEAR}(?!\d|,\d))(?:\d{1,3}(?:,\d{3})+|\d+)(?![\w%,.]\d|[\w%])|(?i:{NUMWORD})(?![\w-])){NOTCOUNT}
define PCT (?:\d+(?:\.\d+)?|(?i:{NUMWORD}))(?: ?%| per ?cent\b| percent\b)
define FRAC (?i:(?:a|one|{NUMWORD})[ -](?:{FRACW})|half)(?![\w-])
# "a majority" is no figure (GOLD.md: a share is one the text gives); "a
# majority (54%)" gives it in brackets.
define MAJORITY (?i:(?:an?|the) (?:(?:clear|large|small|narrow|slim|slender|vast|overwhelming|substantial|significant|sizeable) )?majority)
# The unit may sit inside it: "one council in nine".
define RATIO {CARD} (?:(?i:councils?|authorit(?:y|ies)|local authorit(?:y|ies)|areas?|departments?) )?(?i:in (?:every )?|out of (?:every |the |all |its |their |these |those )?){CARD}
# The words between "of" and a total: "of the 153", "of England's 153",
# "of the region's 11", "of Greater Manchester's 10", "of the East Midlands' 10".
define OFDET (?:the |all |its |their |our |your |these |those |England's |the country's |the [\w-]+'s |(?:the )?[A-Z][\w-]*(?: [A-Z][\w-]*)?(?:'s|(?<=s)') )
define OFN {CARD} of {OFDET}?{CARD}
# The same figure as a share between commas: "a further 41, just over a
# quarter of the 153, require improvement", "41, or about 27 per cent, were
# judged ...". Only a share: "12, 14 and 9" is a list of counts. (The
# rules write the groups around it: a macro's captures are not seen.)
# A rate or a fraction, perhaps of a stated total: "one in ten of the 153".
define RATEFIG (?:{RATIO}|{FRAC})(?: of (?:the |all )?{CARD})?
define SHAREFIG (?:{PCT}|{RATEFIG})
# The same figure again between dashes, in another form: "19 - one in eight -",
# "six in ten - 96 of the 153 authorities -", "17 - more than half -".
define DASHFIG (?:{OFN}|{SHAREFIG}|{CARD})
# The lookahead is what every alternative starts with (a digit, a number
# word, "none", a fraction): tried once, it turns away the many words that
# start no quantity before each of the five alternatives reads the number
# again (count-judged ran 40% faster with it). The minutes of a time ("08:02
# Good morning") are no figure.
define QUANT (?=\d|[Nn]o(?:ne|t )|(?i:{NUMWORD}|a[ -]|{FRACW}))(?<!\d:)(?:{PCT}|{RATIO}|{OFN}|{FRAC}|{CARD}|(?:[Nn]one|(?<!is |was |are |were )[Nn]ot (?:one|a single))(?: of {OFDET}?{CARD})?)
words UNITHEAD @units
define UNITMOD (?:(?:[a-z]+-(?:spending|performing|funded|deprived|income)|local|independent|English|council|council-run|privately run|privately-run|private|voluntary|county|unitary|London|metropolitan|new|other|inspected|remaining|single-tier|shire|district|city|borough|the|inspected|Greater [A-Z][a-z]+|[A-Z][a-z]+(?: [A-Z][a-z]+)?|[A-Z][a-z]+'s|region's|country's|capital's) )
define UNIT (?:{UNITHEAD}|(?:{UNITMOD}){1,3}(?:{UNITHEAD}))(?![\w-])

# Words between a figure and its link: "inspected under a new regime",
# ", including Leeds and North Yorkshire,", " - help and protection, ... -".
# Never a grade word: the grade next to the figure is its own ("all four
# areas outstanding, a step up from the good grade ...").
define GAPW (?:,? (?!(?:were|was|are|is|have|has|had|and(?! the [A-Z])|but|while|whereas|which|who|whose|that(?! (?:year|month|week|time)\b)|those|these|of which|compared|not|never|may|might|could|would|should|cannot|can't|after|before|because|since|until|unless|although|though|whether|including)\b)(?!{CARD}|{PCT}|{IMPROVE}|{GRADEWORD}\b)[^\s.;:!?,()]+)
define ASIDE (?:, (?:including|such as|among them|notably|mostly|many of them|most of them|all of them|both|like|covering|namely)\b[^,.;:!?]{1,80},)
# The places themselves, named between commas: "two of the 11 authorities,
# Peterborough and Thurrock, were judged inadequate". Not when each was
# graded on its own: "Its two children's homes, Hampton Lodge and Fenview,
# were both rated good".
define PLACENEXT (?:(?:, | and |, and ){PLACENAME})
define NAMELIST (?:, {PLACENAME}{PLACENEXT}{0,9},(?! (?:were|are|have been|had been) both\b))
# Words between dashes (also a gap of their own, with no link word after
# them: "two - Wirral and Halton - require improvement").
define DASHGAP (?: -[^-.;]{1,160}? -)
define GAP (?:{ASIDE}|{NAMELIST}|{GAPW}{1,10}?{ASIDE}?,?|{DASHGAP})

# ---- rules ----------------------------------------------------------------

rule table-row
  match ^(?:\| ?)?(?<grade>(?i:outstanding|good|requires? improvement(?: to be good)?|inadequate|good or outstanding|adequate|satisfactory))(?: judgements?)?{CELLSEP} (?<q>{CARD})(?:{CELLSEP} (?<paren>\d+(?:\.\d+)? ?%))?(?:(?: ?\|)?$|(?= \((?:up|down) from ))
  yes Inadequate 23 15% => grade=inadequate; count=23; share=0.15
  yes Requires improvement to be good | 46 | 30% => grade=requires_improvement; count=46; share=0.3
  yes | Outstanding | 24 | 16% | => grade=outstanding; count=24; share=0.16
  set table yes
  no Good 2019
  yes Outstanding: 25 (up from 21) => grade=outstanding; count=25

rule grade-in-n-of-m
  match (?:{GRADEVERB}|finding|was|were|is|are|been)(?: them| it| the council| the authority| (?:children's )?services| [\w'’ -]{1,60}?(?= to be | as ))?(?: to be| as)? (?<grade>{GRADEA}) (?:in|for|across) (?:(?<q>{CARD} (?:out )?of (?:the |its |their )?{CARD})(?: (?<unit>{UNIT}))?|(?<q>{CARD}) (?<unit>{UNIT}))(?:(?: (?:we |they )?(?:carried out|completed|inspected|published)(?: (?:in|last|this) [\w/-]+)?)? - (?:(?<approx2>{APPROX}) |exactly )?(?<paren>{SHAREFIG})(?: -)?| \((?<paren>{PCT})\))?
  yes Care leavers' services have been rated inadequate in 10 of 60 inspections. => grade=inadequate; count=10; total=60; unit=inspections
  yes Services were rated inadequate on Tuesday, with inspectors finding them inadequate in three of the four areas they examined. => grade=inadequate; count=3; total=4; unit=areas
  yes Ofsted has rated children's services inadequate in 12 of the 151 councils inspected. => grade=inadequate; count=12; total=151; unit=councils
  yes It judged the support for care leavers to be less than good in 12 of the 33 London authorities. => grade=less_than_good; count=12; total=33; unit=authorities
  yes The impact of leaders was judged outstanding in 14 inspections, more than ever. => grade=outstanding; count=14; unit=inspections
  yes Inspectors judged care leavers' services to be less than good in 26 of the 61 inspections - 43 per cent - this year. => grade=less_than_good; count=26; total=61; share=0.43
  yes Support for care leavers was less than good in 26 of the 58 inspections we carried out last year. => grade=less_than_good; count=26; total=58
  yes Care leavers were judged less than good in 31 of the 62 inspections carried out in 2024-25 - exactly half - compared with 22 of the 60 carried out the year before. => grade=less_than_good; count=31; share=0.5; approx=null
  yes Care leavers were judged less than good in 24 of the 58 inspections - more than two in five. => grade=less_than_good; count=24; share=0.4; approx=more_than
  no Kent was judged outstanding in 2019 and 2023.

rule grade-in-areas
  match (?<grade>{GRADEA})(?: overall)?(?: by (?:Ofsted|inspectors))?(?: and)? (?:in|for|across) (?:each of |all of |all )?(?:the |its |their )?(?<q>(?i:{NUMWORD}|\d+)) (?:key |main |core |inspection |judgement )?(?<unit>areas|judgements|judgments|sub-judgements|sub-judgments|categories|judgement areas)\b
  yes The council was judged to be inadequate in the three key areas of child protection and leadership. => grade=inadequate; count=3; unit=areas
  yes The House congratulates Stockport Council on being judged outstanding by Ofsted in all four areas of its inspection. => grade=outstanding; count=4; unit=areas
  yes It was judged outstanding overall and in each of the three key judgements. => grade=outstanding; count=3; unit=judgements
  yes Kent was judged outstanding overall and in each of the three sub-judgements. => grade=outstanding; count=3; unit=sub-judgements
  yes Dr Okoro leads Bath and North East Somerset Council, which Ofsted rated good in all four areas in March. => grade=good; count=4; unit=areas
  yes Inspectors rated the council outstanding for each of the four judgements. => grade=outstanding; count=4; unit=judgements
  yes It was rated good across all three areas. => grade=good; count=3; unit=areas

# The areas a grade covers, after a dash: "help and protection, support for
# care leavers and the impact of leaders all require improvement - three of
# the four areas inspected".
rule grade-dash-areas
  match (?<grade>{GRADE}) - (?<q>{CARD} (?:out )?of (?:the |its |their )?{CARD}) (?:key |main |inspection |judgement )?(?<unit>areas|judgements|judgments|sub-judgements)\b
  yes Help and protection and the impact of leaders all require improvement - three of the four areas inspected. => grade=requires_improvement; count=3; total=4; unit=areas

rule including-count
  match \bincluding (?<q>{CARD})(?: (?<unit>{UNIT}))? (?:in|from) [^,]{1,40}, (?: ?{LINKW})*? ?(?<grade>{GRADE})
  yes Three-quarters of departments, including two in the North East, are inadequate or require improvement. => grade=less_than_good; count=2

rule zero-no-unit
  match \b(?<q>[Nn]o) (?<unit>{UNIT})(?:{GAP})?(?: {LINKW}){1,7} (?<grade>{GRADEA})
  yes No councils in the region were rated outstanding. => grade=outstanding; count=0; unit=councils
  yes No home was judged inadequate at the year end. => grade=inadequate; count=0; unit=children's homes
  no No wonder inspectors found it inadequate.

# "Derbyshire is one of 10 authorities judged outstanding": the figure is 10.
# ("one of the 10 councils was rated inadequate" is one council: count-judged.)
# "the only one of the 15 councils in the region to be rated inadequate":
# one of them, out of 15; "Havering is the only London borough still
# judged inadequate": one of them.
rule only-one-of-n
  match \b(?:(?:[Tt]he|[Ii]ts|[Tt]heir) (?<q>only one) of (?:the |its |their |[\w-]+'s )?(?<total>{CARD})(?: (?<unit>{UNIT}))?|(?<q>[Tt]he only) (?:(?:remaining|other) )?(?<unit>{UNIT}))(?:{GAP})?(?: {LINKW}){1,7} (?<grade>{GRADE})
  yes Swindon is the only one of the 15 councils in the South West to be rated inadequate. => grade=inadequate; count=1; total=15; unit=councils
  yes Havering is the only London borough still judged inadequate. => grade=inadequate; count=1; unit=boroughs
  yes It is the only council in the North East to be rated outstanding. => grade=outstanding; count=1; unit=councils
  no It is the only council that has never been rated outstanding.

# A grade that is a reference back to one named before the figure: "The
# bottom grade. Twelve councils hold it today", "About a third of councils
# currently have this rating", "the 44 councils that held that grade". The
# grade is the last one named before the figure in its sentence, else one in
# the two sentences before (family rating_antecedent; extract_rating.c says
# which). "it" only after a verb of holding a grade, before the clause ends;
# "has/have/with" only before "this grade", "that rating" and the like.
# Not GOTVERB (council_ratings.pat): "lost it" and "won it" are no holding.
define HOLDW (?:h[oe]ld(?:s|ing)?|(?:sits?|sat)? in|given|received|got|shared?)
define GRADEREF (?:that |which |who )?(?:{HOLDW} it(?: today| now)?(?=[.,;:!?)]|$)|(?:{HOLDW}|ha(?:ve|s|d)|with) (?:this|that|the same) {GRADENOUN}\b)
rule one-of-n
  match \b(?<!only |all but )[Oo]ne of (?:only |just |the |a handful of )?(?<q>{CARD})(?: of {OFDET}?(?<total>{CARD}))?(?: (?<unit>{UNIT}))?(?:{GAP})?(?: - (?:(?<approx>{APPROX}) )?(?<paren>{DASHFIG}) -)?(?: (?:whose|where) [\w' -]{1,40}? (?:was|were|is|are|had been|has been|have been))?(?! (?:was|is|has)\b)(?: {LINKW}){1,7} (?:(?<grade>{GRADE})|(?<gref>{GRADEREF}))
  yes North Yorkshire was rated outstanding, one of 25 councils nationally to hold it. => grade=outstanding; count=25; total=null
  yes It makes Bury one of just 13 councils in England stuck in Ofsted's bottom category. => grade=inadequate; count=13; unit=councils
  yes Medway is one of 14 of the South East's 19 councils now rated good or outstanding. => grade=good_or_better; count=14; total=19; unit=councils
  yes Derbyshire was one of 10 authorities judged outstanding in 2018-19. => grade=outstanding; count=10; unit=authorities; period=2018-19
  yes Cornwall is now one of just 19 authorities rated outstanding in England. => count=19
  yes Doncaster is now one of nine councils in Yorkshire and the Humber whose children's services are rated good or outstanding. => grade=good_or_better; count=9
  yes Coventry kept the grade it won in 2019, becoming one of five councils to be judged outstanding in 2023. => count=5; period=2023
  yes Wigan is now one of four judged good or better. => grade=good_or_better; count=4
  yes making it one of only two in the country to receive the top grade twice. => grade=outstanding; count=2
  no One of the 10 councils was rated inadequate.
  yes In 2023 Peterborough was one of 16 authorities whose leadership was judged outstanding. => grade=outstanding; count=16; unit=authorities
  no One of the 16 authorities inspected was judged outstanding. => count=16
  yes Hull is one of 14 authorities in England - about one in ten - currently judged inadequate. => grade=inadequate; count=14; share=0.1; approx=about
  yes Wokingham is one of 13 of the 19 authorities in the South East rated good or outstanding. => grade=good_or_better; count=13; total=19

# The grade first, the count after: "When Bradford was rated inadequate in
# 2018, it was one of 19 councils in that position", "Rated outstanding in
# 2023, Leeds became one of 11 authorities with that grade".
rule grade-then-one-of
  match (?<grade>{GRADEA})(?: (?:in|at|by) [^,;.!?]{1,40})?, (?:it|the council|the authority|[A-Z][\w'-]+{CAPNEXT}{0,3}) (?:was|became|is|remains) (?:then |now |still )?one of (?:only |just |the )?(?<q>{CARD})(?: (?<unit>{UNIT}))?(?: (?:in (?:that|the same) (?:position|category|boat)|with (?:that|the same|this) {GRADENOUN}|so rated|rated (?:so|that way)|at that (?:grade|level)|to (?:be so rated|have (?:that|the same|this) (?:rating|grade))))?(?=[.;,!?]|$| -)
  yes When Bradford was rated inadequate in 2018, it was one of 19 councils in that position. => grade=inadequate; count=19; unit=councils; period=2018
  yes Rated outstanding in 2023, Leeds became one of 11 authorities with that grade. => grade=outstanding; count=11; unit=authorities
  no When Bradford was rated inadequate in 2018, it was one of 19 councils to bid for the fund.
  no Rated outstanding in 2023, Leeds is one of the largest councils in England.

rule verb-count-grade
  match \b(?:rated|judged|graded|found|deemed|assessed|declared) (?:(?<approx>{APPROX}) )?(?<q>{QUANT})(?: (?<unit>{UNIT})(?: (?:(?:it|they|inspectors) )?(?:inspected|visited|assessed|reviewed|examined|looked at)| (?:in|near|around|across) (?:the )?[A-Z][\w'’-]*{CAPNEXTQ}{0,2})?)? (?:(?:as|to be|to have been) )?(?<grade>{GRADEA})
  yes Last year Ofsted rated 12 councils outstanding. => grade=outstanding; count=12; unit=councils
  yes Inspectors judged two of the four areas inspected inadequate. => grade=inadequate; count=2; total=4; unit=areas
  yes Ofsted found seven of the 12 councils it visited inadequate. => grade=inadequate; count=7; total=12; unit=councils
  yes Inspectors have rated two children's homes near Oswestry inadequate since January. => grade=inadequate; count=2; unit=children's homes
  no Ofsted rated the council inadequate.

# The grade as a thing handed out, the figure its receivers: "Inadequate
# ratings were handed to six councils", "Ofsted gave 'good' judgements to
# 14 of the 20 authorities it inspected".
rule grade-given-to-n
  match \b(?:(?<grade>{GRADEA}) (?:ratings|grades|judgements) (?:(?:were|have been|are) )?|(?:handed|gave|given|awarded|issued) (?<grade>{GRADEA}) (?:ratings|grades|judgements) )(?:handed|given|awarded|issued|went)? ?to (?:(?:only|just|a further|another) )?(?:(?<approx>{APPROX}) )?(?<q>{QUANT})(?: of(?: the| its| their)? (?<total>{CARD}))?(?: (?<unit>{UNIT}))?
  yes Inadequate ratings were handed to six councils over the year. => grade=inadequate; count=6; unit=councils
  yes Ofsted gave good judgements to 14 of the 20 authorities it inspected. => grade=good; count=14; total=20; unit=authorities
  yes Outstanding grades went to just three councils. => grade=outstanding; count=3; unit=councils
  no Inadequate ratings were handed to the council twice.

# The verbs of a figure that moves (number-of-has-risen, number-fell-from).
define MOVED (?:(?:more than |almost |nearly )?(?:doubled|halved|trebled|tripled)|fallen|fell|risen|rose|increased|decreased|dropped|grown|grew|climbed)

# The words that name a figure of a set: "the number of councils ...".
define SETFIG (?:number|proportion|percentage|share)

rule number-of-has-risen
  match (?:(?<put>put|puts|putting|placed|places|placing) (?=the ))?(?i:the )?{SETFIG}(?:(?: of (?<unit>{UNIT})(?: in [A-Z][\w-]*(?: [A-Z][\w-]*)?)?)?(?: {LINKW}){1,6} (?<grade>{GRADE})| of (?<grade>{GRADE}) (?<unit>{UNIT}))(?: {LINKW}){0,3} (?(<put>)at|(?:has |have |had )?(?:{MOVED}|reached|stands|stood|now stands|is now|was|is)(?:,? to|,? at|,? from [\w% -]{1,20}? to|,? from(?! [\w% -]{1,20}? to\b))?) (?:(?<approx>{APPROX}) )?(?<q>{QUANT})
  yes The number of councils rated inadequate has fallen to 20. => grade=inadequate; count=20; unit=councils
  yes The proportion of authorities judged good or outstanding rose to 56 per cent. => grade=good_or_better; share=0.56
  yes Overall, the proportion judged requires improvement to be good fell to 30%, from 47% when the framework began. => grade=requires_improvement; share=0.3
  yes Most are now good, up from 36% in 2018, and the proportion judged inadequate fell to 9%. => grade=inadequate; share=0.09; period=null
  yes The proportion judged inadequate has fallen from 19% five years earlier. => grade=inadequate; share=0.19; period=null
  yes The proportion judged inadequate has fallen from 19% to 9%. => grade=inadequate; share=0.09
  yes The report put the number of councils rated inadequate at 17. => grade=inadequate; count=17; unit=councils
  yes Of the 153 councils, 12 are inadequate. Last year's report put the number of inadequate councils at 17. => grade=inadequate; count=17; total=null
  yes The number of councils rated outstanding has more than doubled to 20 since 2019. => grade=outstanding; count=20; unit=councils
  yes The number of inadequate councils has halved, from 24 to 12. => grade=inadequate; count=12; unit=councils
  yes The number of outstanding authorities has risen to 25. => grade=outstanding; count=25; unit=authorities
  no The number of children's homes rated good at 31 March was high.

# The earlier value of a figure that moved: "The number judged inadequate
# fell from 19 to 12" (number-of-has-risen reads the 12).
rule number-fell-from
  match (?i:the )?{SETFIG}(?:(?: of (?<unit>{UNIT})(?: in [A-Z][\w-]*(?: [A-Z][\w-]*)?)?)?(?: {LINKW}){1,6} (?<grade>{GRADE})| of (?<grade>{GRADE}) (?<unit>{UNIT}))(?: {LINKW}){0,3} (?:has |have |had )?(?:{MOVED}|gone (?:down|up)),? from (?:(?<approx>{APPROX}) )?(?<q>{QUANT})(?= (?:in {YEARS} )?to\b)
  yes The number judged inadequate fell from 19 to 12 over three years. => grade=inadequate; count=19
  yes The number of council-run children's homes judged inadequate fell from 19 in 2022-23 to 12 in 2023-24. => grade=inadequate; count=19; period=2022-23
  no The number judged inadequate fell from 19 in 2022.
  yes The number of inadequate councils has halved, from 24 to 12. => grade=inadequate; count=24; unit=councils

# The grade ends a subject whose verb comes after it: "Three-quarters of
# the councils rated inadequate since 2018 had an agency rate above 20 per
# cent" counts councils with a high agency rate, not grades.
define NOTSUBJECT (?!(?: (?:since|in|by) {YEAR})? (?:(?:had|have|has) (?:an?|more|fewer|higher|lower)\b|(?:relied|rely|relies|spent|spend|spends|employed|employ|employs|paid|pay|pays|used|use|uses) ))
# A word of time or place after a figure's grade, before its restated share
# or an earlier figure: "rated inadequate today, or 9 per cent", "good or
# outstanding now, up from under half" (count-judged, compared-with).
define NOWADV (?:today|now|currently|at present|nationally)
rule count-judged
  match (?<![\w'-])(?<![Ee]very )(?:(?<approx>{APPROX}) )?(?:(?i:all|only|just|a further|another|the remaining|the other|all of the|of these,?|in all,?|some) )?(?:(?<q>{QUANT})(?: \((?<paren>[^()]{1,24}?)(?: {UNIT})?\)| - (?:(?:(?<approx2>{APPROX})|or) )?(?<paren>{DASHFIG})(?: in (?:all|total))? -|, (?:or )?(?:(?<approx2>{APPROX}) )?(?<paren>{SHAREFIG}),)?|{MAJORITY} \((?<q>{PCT})\))(?: of(?: {OFDET}?(?<total>{CARD})(?! of )| (?:the|all|its|their|our|England's|the country's|these|those))?| of them)?(?: (?<unit>{UNIT}))?(?:{GAPW}{1,6}?(?= - | \())?(?: \((?<paren>[^()]{1,24}?)(?: {UNIT})?\)| - (?:(?:(?<approx2>{APPROX})|or) )?(?<paren>{DASHFIG})(?: {UNIT}| of them)?(?: in (?:all|total))? -)?(?:{GAP}(?: {LINKW}){1,7}|{DASHGAP}|(?: {LINKW}){0,7}) (?:(?<grade>{GRADE})|(?<gref>{GRADEREF}))(?! for (?:every|each)\b){NOTSUBJECT}(?:(?: (?:{NOWADV}|for (?:its |their )?children's services))?(?:, | - |-(?=[a-z\d]))(?:or |that is |that's |which is |(?<approx2>{APPROX}|some) )?(?<paren>\d+(?:\.\d+)? ?(?:per cent|%)(?! {GRADE})|{RATEFIG}(?=[.;,!?]|$| ?-))|(?: (?!and |[^-.;,:!?]*? and )[^-.;,:!?]{1,60}?)? - (?<paren>{CARD})(?: {UNIT})? in (?:all|total)\b)?
  yes The bottom grade. Twelve councils hold it today, down from 20 in 2019. => grade=inadequate; count=12; unit=councils
  yes So the councillor may have meant the requires improvement grade: just under a third of the councils inspected were given it. => grade=requires_improvement; share=0.3333; approx=almost
  yes Requires improvement means services are not yet good. About a third of councils in England currently have this rating. => grade=requires_improvement; share=0.3333; approx=about
  yes Inspectors judged that it now requires improvement to be good. That puts the city among the 44 councils with that grade. => grade=requires_improvement; count=44
  yes Leeds was rated outstanding. Four councils in the region now share that grade. => grade=outstanding; count=4; unit=councils
  no The council was rated good. Twelve councillors hold it to account.
  yes Kent moved from inadequate to good in 2023. Twelve councils hold that grade today. => grade=good; count=12
  no Kent was rated good. The sun shone. Rain fell. Twelve councils hold it today.
  no The council was rated good. Twelve councils have it on their list.
  no Twelve councils hold it today.
  yes Seven authorities were found to be inadequate. => grade=inadequate; count=7; unit=authorities
   yes By March, 14 of the 20 councils in the region had reached good or better. => grade=good_or_better; count=14; total=20
   yes Some 91% of our children’s homes were rated good or outstanding by Ofsted. => grade=good_or_better; share=0.91; unit=children's homes
  yes So all but one of the five West Yorkshire councils currently hold a grade of good or better. => grade=good_or_better; count=4; total=5
  no All but two councils are rated good. => count=2
  yes Nationally, fewer than one in ten councils in England (14 of 153) are rated inadequate. => count=14; share=0.1; total=153
  yes About two-thirds of councils (roughly 100 of the 153) are rated good or outstanding. => count=100; total=153; approx=about
  yes In 2025, 12 of England's 153 local authorities were rated inadequate for children's services, fewer than one in ten. => count=12; share=0.1
  yes Fewer than half of the North West's 23 councils are now rated good or better. => grade=good_or_better; share=0.5; total=23; approx=less_than
  no Families face two very different ways of saying whether services are good enough.
  no She lived in five different placements, including a children's home rated good by Ofsted.
  no Kent was rated good, two notches higher than the inadequate rating it was given in 2019.
  yes None of the region's 11 councils is rated inadequate. => grade=inadequate; count=0; total=11
  yes None of the 11 is in the bottom grade. => grade=inadequate; count=0; total=11
  yes Fewer than one in ten authorities are now rated inadequate (12 of 153), the data shows. => grade=inadequate; count=12; share=0.1; total=153; approx=less_than
  yes In all, 96 of the 153 councils are rated good or better (63%). => grade=good_or_better; count=96; share=0.63; total=153
  yes Three were rated inadequate (2019). => grade=inadequate; count=3; share=null
  yes Not one of the 14 councils in the region is rated outstanding. => grade=outstanding; count=0; total=14
  yes Inspectors graded all four areas outstanding, a step up from the good grade it received in 2021. => grade=outstanding; count=4; unit=areas
  yes Fewer than one in five inspections found services inadequate. => grade=inadequate; share=0.2; approx=less_than; unit=inspections
  yes 3 of the 4 areas got Good. => grade=good; count=3; total=4; unit=areas
  yes Of the 153 local authorities in England, 13 are judged inadequate today—fewer than one in 10—and a further 45 require improvement. => grade=inadequate; count=13; share=0.1; approx=less_than
  yes 96 of the 153 - more than three in five - are rated good or outstanding. => grade=good_or_better; count=96; share=0.6; approx=more_than
  no 92 of the 153 councils - 60 per cent - are rated good or outstanding.\nSix in ten councils are rated good or outstanding. => count=null; share=0.6
  yes 92 of the 153 councils - 60 per cent - are rated good or outstanding.\nIn 2019, six in ten councils were rated good or outstanding. => count=null; share=0.6; period=2019
  yes Just one in eight councils - 19 in all - holds the top grade. => grade=outstanding; count=19; share=0.125
  yes Of the 153 councils, 98 are rated good or outstanding, which is 64 per cent. => grade=good_or_better; count=98; share=0.64; total=153
  yes The latest figures cover all 153 councils. They break down like this:\n- 24 councils are rated outstanding. => grade=outstanding; count=24; total=153
  yes • Of the 103 local authorities, most improved.\n• 45 authorities were judged to require improvement. => grade=requires_improvement; count=45; total=103
  no • Of the 103 local authorities, most improved.\n• In 2014-15, 41 per cent of authorities were judged to require improvement. => share=0.41; total=103
  no 23 of the 103 authorities were judged inadequate. In 2014-15, 41 per cent were judged to require improvement. => share=0.41; total=103
  yes Fewer than one in five councils - 26 of them - hold the top grade. => grade=outstanding; count=26; share=0.2; approx=less_than
  yes Across England, 92 of the 153 councils with children's services responsibilities - 60 per cent - were rated good or outstanding. => grade=good_or_better; count=92; share=0.6; total=153
  yes Today, more than six in ten of us - 96 of the 153 authorities - are good or outstanding. => grade=good_or_better; count=96; share=0.6; total=153
  yes So one of our four judgements is now good. => grade=good; count=1; total=4
  yes North Tyneside received an outstanding grade. All four of its judgements were outstanding. => grade=outstanding; count=4; total=null; unit=judgements
  yes In the East of England, two of the 11 authorities, Peterborough and Thurrock, were judged inadequate. => grade=inadequate; count=2; total=11; unit=authorities
  yes Three authorities, Leeds, Kent and Hampshire, were judged outstanding. => grade=outstanding; count=3
  yes Three of its four judgements now sit at requires improvement. => grade=requires_improvement; count=3; total=4
  yes Two - Wirral and Halton - require improvement. => grade=requires_improvement; count=2
  yes We have moved into the 48 that require improvement to be good. => grade=requires_improvement; count=48
  no We went from an inadequate council to one that requires improvement.
  no Its two children's homes, Hampton Lodge and Fenview, were both rated good.
  yes Only 1 in 5 councils in England got Outstanding. => grade=outstanding; share=0.2
  no 08:02 Good morning, and welcome to our live coverage.
  yes Of the 30 inspections this year, 12 found children's services inadequate. => grade=inadequate; count=12; total=30
  no She borrowed from Leeds, then one of the few councils rated outstanding.
  no It was used 31 times, which works out at roughly one outstanding for every three councillors.
  yes A quarter of the 87 authorities inspected under a new, more rigorous, regime were judged inadequate. => grade=inadequate; share=0.25; total=87; unit=authorities
  yes Only 23 authorities, including Leeds and Kent, were judged to be providing "good help and protection". => grade=good; count=23
  yes Over half of local authority children's services inspected in 2013/14 were not good enough. => grade=less_than_good; share=0.5; approx=more_than; period=2013/14; unit=children's services
  yes Four out of five children's homes are now rated as good or better. => grade=good_or_better; share=0.8; unit=children's homes
  no The council is trying to fill more than 60 vacancies, days after inspectors handed its children's services a good rating.
  yes Nationally, 16 councils - about one in ten - are still rated inadequate. => grade=inadequate; count=16; share=0.1
  no Some 300 foster carers were judged outstanding by the fostering panel.
  no Twelve children were good at reading by the end of the year.
  yes A majority (54%) are rated good. => grade=good; share=0.54
  yes Nine were judged to be performing excellently, and just over half - 79 - were said to perform well. => grade=good; count=79; share=0.5; approx=more_than
  yes More than 60 per cent of the 152 councils are rated good or outstanding, but just 19 of them - one in eight - are outstanding. => grade=outstanding; count=19; share=0.125
  yes Just 19 - one in eight - of the 152 councils are outstanding. => grade=outstanding; count=19; share=0.125; total=152
  yes Four of the North West's 23 authorities were rated outstanding and seven were judged either inadequate or requires improvement to be good. => grade=outstanding; count=4; total=23
  yes Roughly four in ten councils in England are still not rated good. => grade=less_than_good; share=0.4; approx=about
  yes Something like 14 councils are inadequate at the moment. => grade=inadequate; count=14; approx=about
  yes Nationally, 41, or about 27 per cent, were judged to require improvement to be good. => grade=requires_improvement; count=41; share=0.27; approx=about
  yes Of the 153 councils, 41, just over a quarter of the 153, require improvement to be good. => grade=requires_improvement; count=41; share=0.25; total=153; approx=more_than
  yes Nationally, 17 - more than half - are now good or outstanding. => grade=good_or_better; count=17; share=0.5; approx=more_than
  yes Of the 31 councils rated inadequate in 2016, 17 - more than half - are now good or outstanding, but five are inadequate again. => grade=good_or_better; count=17; total=31; period=null
  yes Getting on for half of the 153 are rated good. => grade=good; share=0.5; total=153; approx=almost
  no The majority of councils were rated as requires improvement.
  yes A quarter of children's services departments (21) are rated as inadequate. => count=21; share=0.25; unit=departments
  yes Seven out of 18 cases it audited were inadequate. => count=7; total=18; unit=cases
  yes 88 performed well. => grade=good; count=88
  yes Two-thirds of councils were judged to be performing excellently or well. => grade=good_or_better; share=0.6667
  yes Fewer than half - 27 - were judged good or outstanding. => grade=good_or_better; count=27; share=0.5; approx=less_than
  yes In 2018-19, 40 of the 72 authorities inspected were judged good or outstanding - about 56 per cent. => count=40; total=72; share=0.56; period=2018-19
  yes None of the 34 was outstanding. => grade=outstanding; count=0; total=34
  yes Of the 87 authorities inspected so far, inspectors found serious failings in many. Twenty-two were judged inadequate. => count=22; total=87; unit=authorities
  yes THREE-QUARTERS of children's services departments across England, including two in the North East, are inadequate or require improvement. => grade=less_than_good; share=0.75
  yes 45 authorities (44 per cent) were judged to require improvement to be good. => grade=requires_improvement; count=45; share=0.44
  yes Fourteen councils in England have been told that their services for children perform poorly. => grade=inadequate; count=14
  no Ofsted made 26 recommendations for improvement.
  no There are 50,000 children on child protection plans and the council was rated good.
  no In 2015 the council was judged inadequate.
  no The council spent £2bn and was judged good.
  no Seven councils were praised for good leadership.
  no Six years ago the same services were judged inadequate.
  no Every one of the inspection judgements was good.
  no Social workers carried 22 cases, compared with 16 in those judged good.
  no By 31 March 2016, the home was judged good.
  yes Of the 87 local authorities inspected since November 2013, 22 were judged inadequate. => count=22; total=87; unit=authorities
  yes Of the 153 authorities inspected under the framework, 12% were judged inadequate at their latest inspection - 18 authorities in all. => grade=inadequate; share=0.12; count=18; total=153
  yes Of the 152 authorities, two in five were rated requires improvement or worse. => grade=less_than_good; share=0.4; total=152
  yes Of the inspections carried out in 2023-24, 38 percent ended with a grade below good. => grade=less_than_good; share=0.38; period=2023-24
  yes In the East Midlands, four of the ten authorities require improvement to be good. => grade=requires_improvement; count=4; total=10
  yes Under the old framework, which a new one replaced in 2018, only three authorities were judged outstanding. => grade=outstanding; count=3; period=null
  yes Of the same 60, seven were rated outstanding.\nLooking at the latest grade for each of England's 153 councils gives a similar answer. Fourteen are currently rated inadequate. => grade=inadequate; count=14; total=153
  yes Just over three in ten of the 26 (eight authorities) were judged inadequate again. => grade=inadequate; count=8; share=0.3; total=26; approx=more_than
  yes Fourteen are currently rated inadequate, fewer than one in ten. => grade=inadequate; count=14; share=0.1; approx=less_than
  yes Roughly one council in nine inspected last year was rated inadequate. => grade=inadequate; share=0.1111; approx=about
  yes Nationally there are still about forty per cent of councils that aren't good yet. => grade=less_than_good; share=0.4; approx=about
  yes Twenty-one of them came out good or outstanding. => grade=good_or_better; count=21
  yes More than half of councils are now rated good or outstanding—57% at the last count. => grade=good_or_better; share=0.5; approx=more_than
  no Hexham was one of a handful of rural authorities where every judgement was good.
  no "Good" in one authority may not mean the same as "good" in another.
  no The Council of the Isles of Scilly, which looks after fewer than 10 children in care, was judged good.
  no A child who goes into care at 10 in a council that requires improvement faces a different future.
  no Three-quarters of the councils rated inadequate since 2018 had an agency rate above 20 per cent.
  no Councils rated inadequate relied on agency social workers for 24 per cent of posts.
  no Agency social workers made up 18 per cent of the children's social work workforce in councils rated inadequate, against 9 per cent in those rated outstanding.

# One character of a long gap: no grade word, figure or verb of grading
# starts there ("153 authorities found that councils rated inadequate ..."
# is not the 153's grade). The gap is bounded by a look-ahead over a plain
# class (a verb within 120 characters), not by {1,120} on the group: PCRE2
# writes a bounded repeat of a group out in full, 120 copies of it in the
# compiled and JIT code.
define LONGVERB \b{GRADEVERB}
define GAPCHAR (?:(?!{GRADEWORD}|\d|{LONGVERB})[^.;:!?])
rule count-long-gap
  match (?<![\w'-])(?<!of the |of its |of their |of these |of those |of England's )(?:(?<approx>{APPROX}) )?(?<q>{QUANT})(?: of(?: the| all)?(?: (?<total>{CARD}))?)?(?: (?<unit>{UNIT})) (?=[^.;:!?]{1,120}?{LONGVERB})(?:{GAPCHAR})+?{LONGVERB}(?: (?:as|to be))? (?<grade>{GRADEA})
  yes Vulnerable children in a quarter of English council areas are being let down by services that inspectors have rated inadequate. => grade=inadequate; share=0.25; unit=areas
  no Figures published on Tuesday show how many of England's 153 children's services authorities are rated good or outstanding.
  no Our analysis of workforce returns from all 153 authorities found that councils rated inadequate relied on agency staff.

# Two figures that share one verb and grade: "More than 80 per cent of
# children's homes and nine out of 10 fostering agencies are rated good or
# outstanding", "Seven councils and 12 trusts were judged inadequate". The
# first takes the grade (count-judged finds the second; a digit in between
# keeps count-long-gap away).
rule coordinated-first
  match (?<![\w'-])(?:(?<approx>{APPROX}) )?(?<q>{QUANT})(?: of(?: the| all)?(?: (?<total>{CARD}))?)? (?<unit>{UNIT}) and (?:{APPROX} )?{QUANT}(?: of(?: the| all)?(?: {CARD})?)?{SPWORD}{0,3}?(?: {LINKW}){1,7} (?<grade>{GRADEA})
  yes More than 80 per cent of children's homes and nine out of 10 independent fostering agencies are currently rated good or outstanding. => grade=good_or_better; share=0.8; approx=more_than; unit=children's homes
  yes Seven councils and 12 trusts were judged inadequate. => grade=inadequate; count=7; unit=councils
  yes Four councils and 11 trusts are now inadequate. => grade=inadequate; count=4; unit=councils
  no Between them, seven councils and their 12 trusts were judged inadequate.
  no Seven children and 12 staff were interviewed, and the home was judged good.

# ---- lists: tried right after a rating ------------------------------------

rule list-next
  continue
  match (?: (?:grade|rating|judgement|verdict)s?(?=[,;]))?(?:,|;| -)?(?: and| but| while| whereas| with| plus)?(?: (?i:a further|another|the remaining|the other|the rest|only|just|a further)| of (?:the |these |those )?remaining (?:{CARD}),)? (?:(?<approx>{APPROX}) )?(?<q>{QUANT})(?: \((?<paren>[^()]{1,24})\)|, (?:or )?(?:(?<approx2>{APPROX}) )?(?<paren>{SHAREFIG}),)?(?: (?:of them|of these|of those))?(?: (?<unit>{UNIT}))?(?:,[^,]{1,40},)?(?: {LINKW}){0,7}(?: in(?= (?:an? )?{GRADE}))?(?: an?)? (?<grade>{GRADE})
  yes Seven authorities were found to be inadequate, with a further 26 requiring improvement. => grade=requires_improvement; count=26
  yes Nationally, 14% of councils are rated outstanding, 43% good and 10% inadequate. => grade=good; share=0.43
  yes But of the 12 councils now rated inadequate, five were also inadequate before. => grade=inadequate; count=5; total=12
  yes Ten were good, seven inadequate and 26 required improvement. => grade=requires_improvement; count=26
  yes Thirteen of the 153 are inadequate, and a further 41, just over a quarter of the 153, require improvement to be good. => grade=requires_improvement; count=41; share=0.25; total=153
  yes Only 24 were judged good, and none was rated outstanding. => grade=outstanding; count=0
  yes Of the remaining three, two require improvement and one, Middlesbrough, is inadequate. => grade=inadequate; count=1
  yes In 2018 there were 14 authorities judged outstanding; today there are 24, and 88 are good or better. => grade=good_or_better; count=88; period=null
  yes Of the 26 authorities, 12 were good.\nUnder the old framework, roughly one in four authorities was judged inadequate, and only three were judged outstanding. => grade=outstanding; count=3; total=null
  yes Of the 11 inspections, one resulted in an outstanding grade, five in good, three in requires improvement to be good and two in inadequate. => grade=requires_improvement; count=3; total=11

# A figure whose grade is left out, the clause ending on its verb: "In
# London, 28 out of 33 boroughs are good or better; in the West Midlands,
# just five out of 14 councils are."
rule list-next-elliptic
  continue
  match (?: (?:at|in|by|on) [^,;.!?]{1,30}?)?(?:,|;)(?: and| but| while| whereas)?(?: in [^,;.!?]{1,40},| (?:nationally|elsewhere|overall|across England|in England),?)? (?:(?i:only|just|a further|another) )?(?:(?<approx>{APPROX}) )?(?<q>{QUANT})(?: (?<unit>{UNIT}))?(?: in (?:the )?[A-Z][^,;.!?]{0,40}?)? (?:are|is|were|was|do|does|did)(?: (?:now|still|too|also|so|as well))?(?=[.;!?]|$)
  set grade_from previous
  yes In London, 28 out of 33 boroughs are good or better; in the West Midlands, just five out of 14 councils are. => grade=good_or_better; count=5; total=14; unit=councils
  yes Twelve of the 20 councils in the North are good or better, but just three of the 15 in the South are. => grade=good_or_better; count=3; total=15
  yes Of the region's homes, 82 of 97 were good or better at the end of March, and nationally about four in five fostering agencies are too. => grade=good_or_better; share=0.8; approx=about
  no In London, 28 out of 33 boroughs are good or better; in the West Midlands, just five out of 14 councils are struggling.

# The rest of a two-way split: "15 of the 24 councils are rated good or
# outstanding; nine are not yet there."
rule list-next-not
  continue
  match (?:,|;)(?: and| but| while| whereas)? (?:(?i:only|just|the other|the remaining|the rest,?) )?(?:(?<approx>{APPROX}) )?(?<q>{QUANT})(?: (?<unit>{UNIT}))? (?:are|is|were|was)(?: not| still not|n't)(?: yet)?(?: there| at that level| so rated)?(?=[.;!?]|$)
  set grade_from previous_not
  yes In the North West, 15 of the 24 councils are rated good or outstanding; nine are not yet there. => grade=less_than_good; count=9
  yes Ten councils are good or better, but 14 are not. => grade=less_than_good; count=14
  no Ten councils are rated inadequate, but 14 are not.

rule compared-with
  continue
  match (?: by (?:Ofsted|inspectors))?(?: {GRADENOUN}s?)?(?: {NOWADV})?(?: (?:at|in|on|under|after) (?:their|its|the|an?) (?:[\w'-]+ ){0,3}?(?:inspections?|visits?|reports?|framework|regime)| (?:at|by) the (?:end|start|beginning|close) of (?:the |that |this )?[\w-]+| for (?:(?:their|its|the) )?(?:[\w'-]+ ){0,2}?(?:services|social care|work with children))?(?:, according to [^,;.-]{1,40}?)?{DASHGAP}?(?:,| -)?(?: \(| )(?:compared (?:with|to)|up from|down from|from|against|a rise from|a fall from|an increase from|a drop from) (?:(?<approx>{APPROX}) )?(?<q>{QUANT})(?: in (?<period>{YEARS}))?
  set grade_from previous
  set comparison yes
  yes Just under half of all authorities (47 per cent) are now judged good or outstanding, compared with 36 per cent in 2016. => grade=good_or_better; share=0.36; period=2016
  yes Twelve councils were rated outstanding, down from 20 in 2010. => grade=outstanding; count=20
  yes The desk counted 11 councils judged inadequate at their most recent inspection, down from 20 two years earlier. => grade=inadequate; count=20
  yes Darlington is now one of five councils in the North East with a good grade, against two a decade ago. => grade=good; count=2
  yes 99 of the 153 councils are now rated good or outstanding for their children's services, up from 91 a year earlier. => grade=good_or_better; count=91; total=null
  yes Thirteen of the 153 are inadequate - down from 17 the year before - and a further 41 require improvement. => grade=inadequate; count=17
  yes In August, 58 of the 153 authorities were rated less than good by Ofsted, down from 64 a year earlier. => grade=less_than_good; count=64
  yes Outstanding: 25 (up from 21) => grade=outstanding; count=21
  yes Twelve councils are rated inadequate for children's services, down from 16 a year ago. => grade=inadequate; count=16
  yes Eight are now rated good or outstanding, according to today's figures - up from six two years ago. => grade=good_or_better; count=6
  yes About 64% of councils are good or outstanding now, up from under half when ILACS started in 2018. => grade=good_or_better; share=0.5; approx=less_than
  yes Six of the ten are now rated good or outstanding – Stockport and Wigan among them – compared with three of the ten in 2021. => grade=good_or_better; count=3; total=10; period=2021

# An earlier year's figure in brackets, as results statements give it:
# "91% of our homes rated good or outstanding by Ofsted (2023: 87%)".
rule year-colon-compared
  continue
  match (?: by (?:Ofsted|inspectors))?(?: at (?:the|their|its) (?:last|latest|most recent) inspections?)? \((?:FY ?)?(?<period>{YEARS}): (?:(?<approx>{APPROX}) )?(?<q>{PCT}|{CARD})(?=\))
  set grade_from previous
  set comparison yes
  yes 91% of our children's homes rated good or outstanding by Ofsted (2023: 87%) => grade=good_or_better; share=0.87; period=2023
  yes 42 homes were rated good (2022/23: 38). => grade=good; count=38; period=2022/23
  no 91% of our children's homes rated good or outstanding (2023 figures: 87%)

# When a figure of the same grade is given again, at another time
# ("today the figure is 14", "today there are 24").
define NOWWHEN (?:today|now|this year|last year|in {YEAR}|by {YEAR})

# A second figure whose grade is left out, for a narrower place: "one of 14
# councils judged inadequate, and the only one in the North West", "one of
# 21 rated outstanding, and one of only two in the East of England".
rule only-one-in-region
  continue
  match (?: {GRADENOUN})?(?:,| [-–—])? (?:and|but) (?:(?:is|was) )?(?:(?:also|now|still) )?(?:(?:the only (?<q>one)|one of (?:only |just )?(?<q>{QUANT})(?: (?<unit>{UNIT}))?) in (?:the )?(?:[A-Z][\w'-]*(?: (?:of )?[A-Z][\w'-]*){0,3}|region|county|capital|country)\b|the only (?<q>one) of (?:the )?[A-Z][\w-]*(?: [A-Z][\w-]*){0,3}['’]s (?<total>{CARD})(?: (?<unit>{UNIT}))?(?=[.;,!?]|$| )|one of (?:only |just )?(?<q>{QUANT}) (?<unit>[A-Z][\w'-]*(?: [A-Z][\w'-]*)? {UNITHEAD})(?=[.;,!?]|$))
  set grade_from previous
  yes Cumberland is now one of 14 councils in England judged inadequate, and the only one in the North West. => grade=inadequate; count=1; unit=councils
  yes Norfolk is now one of 21 councils in England rated outstanding, and one of only two in the East of England. => grade=outstanding; count=2; unit=councils
  yes It means Southampton is now one of 14 councils in England with an inadequate rating, and the only one in the South East. => grade=inadequate; count=1; unit=councils
  no Cumberland is one of 14 councils judged inadequate, and the only one I visited.
  yes It makes Bury one of just 13 councils in England stuck in the bottom category - and the only one of Greater Manchester's 10 boroughs. => grade=inadequate; count=1; total=10; unit=boroughs
  yes Doncaster is now one of 24 councils in England rated outstanding, and the only one of South Yorkshire's four. => grade=outstanding; count=1; total=4
  yes At the time, Bromley was one of 23 councils in England with the top grade, and one of five London boroughs. => grade=outstanding; count=5; unit=boroughs
  no At the time, Bromley was one of 23 councils in England with the top grade, and one of five London boroughs to bid.

# The same grade's figure now: "In 2018 there were 14 authorities judged
# outstanding; today there are 24".
rule there-are-now
  continue
  match (?: in {YEARS})?(?:, [^,;.!?]{1,40})?[;,]? (?:and |but |while |whereas )?{NOWWHEN},? there (?:are|were|is|was) (?:now )?(?:(?<approx>{APPROX}) )?(?<q>{QUANT})(?! (?!(?:{UNIT})\b)[a-z])(?: (?<unit>{UNIT}))?
  set grade_from previous
  yes In 2018 there were 14 authorities judged outstanding; today there are 24, and 88 are good or better. => grade=outstanding; count=24; unit=authorities
  no In 2018 there were 14 authorities judged outstanding; today there are 24 children in care.
  yes Twenty councils in England held the lowest grade in 2019, Sefton among them; today there are 12. => grade=inadequate; count=12; unit=councils

# What a figure is called when it is given again ("the figure is 14"): here
# and in the family rating_next.
define FIGWORD (?:figure|number|total|count|proportion|share|percentage)

# The same grade's figure at another time: "A quarter of authorities were
# judged inadequate in 2016; today the figure is 14, fewer than one in ten".
rule the-figure-is
  continue
  match (?: in {YEARS})?[;,]? (?:and |but |while |whereas )?(?:{NOWWHEN},? )?the {FIGWORD} (?:is|was|stands at|stood at|is now|has (?:fallen|risen|dropped|grown) to|fell to|rose to|dropped to) (?:(?<approx>{APPROX}) )?(?<q>{QUANT})(?:,? (?:or |(?<approx2>{APPROX}) )?(?<paren>{RATIO}|{PCT}|{FRAC})(?=[.;,]|$))?
  set grade_from previous
  yes A quarter of authorities were judged inadequate in 2016; today the figure is 14, fewer than one in ten. => grade=inadequate; count=14; share=0.1; period=null
  no A quarter of authorities were judged inadequate in 2016; today the figure is unknown.

# A figure for a narrower place, its grade and verb left out, right after a
# rating: "In the North East, 10 of the 12 councils are good or better; in
# London, 26 of 33; in the South East, 13 of 19", "Nationally, 62 per cent
# of councils are rated good or outstanding; in the North West, it is just
# over half". The figure ends the clause.
rule in-place-elliptic
  continue
  match (?:,|;)(?: and| but| while| whereas)? in (?:the )?[A-Z][\w'’-]*(?: (?:of (?:the )?)?[A-Z][\w'’-]*){0,3},? (?:(?:it|the {FIGWORD}) (?:is|was|stands at|stood at) )?(?:(?i:only|just) )?(?:(?<approx>{APPROX}) )?(?<q>{QUANT})(?: (?<unit>{UNIT}))?(?=[.;!?]|$)
  set grade_from previous
  set total none
  yes In the North East, 10 of the 12 councils are good or better; in London, 26 of 33; in the South East, 13 of 19. => grade=good_or_better; count=26; total=33
  yes Nationally, 62 per cent of councils are rated good or outstanding; in the North West, it is just over half. => grade=good_or_better; share=0.5; approx=more_than
  yes In the North East, nine of the 12 councils are rated good or better; in the West Midlands, it is fewer than half. => grade=good_or_better; share=0.5; total=null
  no In the North East, 10 of the 12 councils are good or better; in London, 26 of 33 were visited.
  no Nationally, 62 per cent of councils are rated good or outstanding; in 2019, it was 46 per cent.

# ---- table rows: run only on the lines of a block of several -------------
family rating_row

# A table whose rows are places and whose header names what the rows count
# and the grade ("Region | Councils | Good or outstanding | Share", family
# rating_table, rule table-grade-column): a row's first figure is its total,
# the second its count with the header's grade, and the record names its
# place (field `place`: the audit takes each place's row for a set of its
# own). Without such a header, no record.
rule table-place-row
  match ^(?:\| ?)?(?<place>[A-Z][\w'’&.-]*{PLACEWORD}{0,5}?){CELLSEP} (?<total>\d{1,3}(?:,\d{3})+|\d+){CELLSEP} (?<q>\d{1,3}(?:,\d{3})+|\d+)(?:{CELLSEP} (?<paren>\d+(?:\.\d+)? ?%))?(?: ?\|)?$
  set table yes
  set grade_from table
  yes Region | Councils | Good or outstanding | Share\nNorth East | 12 | 9 | 75% => grade=good_or_better; count=9; total=12; share=0.75; unit=councils; place=North East
  yes Region   Councils   Inadequate\nYorkshire and the Humber     15     2 => grade=inadequate; count=2; total=15; share=null
  no Region | Councils | Share\nNorth East | 12 | 9 | 75%
  no Region | Councils | Good or outstanding | Share\n\nNorth East | 12 | 9 | 75%
  no Region | Councils | Good or outstanding | Share\nNorth East 12 9 75% of them

# A list's item that names a place and its figure, under a caption that
# names the grade (rating_table/caption-grade): "- North East - 10 of 12
# (83%)", "- London: 25 of 33 (76%)". Without the caption, no record.
# Anchored at a line's start and tried only on the lines of a block of
# several: no literal prefilter (its separators " - " and ": " would be
# recorded all through every document; they cost 1.3% on news-like text).
rule list-place-row
  prefilter off
  match ^(?:[-•*▪] )?(?<place>[A-Z][\w'’&.-]*{PLACEWORD}{0,5}?)(?: - |: | – )(?<q>{CARD} (?:of|out of) {CARD})(?: (?<unit>{UNIT}))?(?: \((?<paren>{PCT})\)|,? (?<paren>{PCT}))?(?=[.;,]|$)
  set table yes
  set grade_from table
  yes Share of councils rated good or outstanding, by region:\n\n- North East - 10 of 12 (83%)\n- London - 25 of 33 (76%) => grade=good_or_better; count=10; total=12; share=0.83; unit=councils; place=North East
  yes Councils judged inadequate by region:\n- West Midlands: 4 of 14\n- London: 2 of 33 => grade=inadequate; count=4; total=14; place=West Midlands
  no Councils by region:\n- North East - 10 of 12 (83%)\n- London - 25 of 33 (76%)
  no - North East - 10 of 12 (83%)\n- London - 25 of 33 (76%)

# A list's item that opens on a grade and a colon: "- Outstanding: 24
# councils (16%)", "- Good: 72 councils, or 47%", "- Requires improvement to
# be good: 44 councils - 29%", "- Good or better: 7 of the 10 authorities
# (70%)", "- Inadequate: none of the 10". (Here, not in `rating`, so that it runs only
# on the lines of a list: in `rating` it cost 1% more on news-like text.)
rule grade-colon-count
  match ^(?:[-•*▪] )?(?<grade>(?:Outstanding|Good|Requires improvement(?: to be good)?|Inadequate|Good or outstanding|Good or better|Adequate|Satisfactory)): (?:(?<approx>{APPROX}) )?(?<q>{OFN}|(?:[Nn]one|[Nn]ot one) of {OFDET}?{CARD}|{CARD} (?={UNIT})|{PCT} (?={UNIT}))(?: ?(?<unit>{UNIT}))?(?: \((?<paren>{PCT})\)|,? (?:or |(?<approx2>{APPROX}) )?(?<paren>{PCT})| - (?<paren>{PCT}))?(?=[.;,]|$| \(| -)
  yes - Outstanding: 24 councils (16%)\n- Good: 72 councils, or 47% => grade=outstanding; count=24; share=0.16; unit=councils
  yes - Outstanding: 24 councils (16%)\n- Good: 72 councils, or 47% => grade=good; count=72; share=0.47
  yes Requires improvement to be good: 44 councils - 29%\nInadequate: 13 councils (8%) => grade=requires_improvement; count=44; share=0.29
  yes - Good or better: 7 of the 10 authorities (70%), up from five in 2022.\n- Inadequate: none of the 10, for the first time. => grade=good_or_better; count=7; total=10; share=0.7; unit=authorities
  yes - Good or better: 7 of the 10 authorities (70%), up from five in 2022.\n- Inadequate: none of the 10, for the first time. => grade=inadequate; count=0; total=10
  no - Good: 72 of them said so.\n- Inadequate: none of the plans were read.
  no Good: 72 councils said they would bid for the funding, and more are expected to.\nThe rest did not.
  no Good: 72 councils (47%)

# "RI", the sector's shorthand for requires improvement, as a list's label:
# "Outstanding: 25\nGood: 71\nRI: 45". Only here, on the lines of a list: as
# a literal, "ri" is in every other English word.
rule ri-colon-count
  match ^(?:[-•*▪] )?(?<grade>RI)(?::| -| –) (?<q>{CARD})(?: (?<unit>{UNIT}))?(?: \((?<paren>{PCT})\))?(?=[.;,]|$| \((?:up|down) from )
  yes Good: 71\nRI: 45\nInadequate: 12 => grade=requires_improvement; count=45
  no Good: 71\nRI: 45 minutes\nInadequate: 12

# ---- the sentence after a rating: run only there -------------------------
family rating_next

# The same grade's figure in the next sentence, which opens on it: "Six in
# ten councils are now rated good or outstanding. A year earlier the figure
# was 56 per cent." The grade and unit are the sentence before's (its last
# rating, in the same paragraph); an earlier time is a comparison, so no
# total is carried to it.
define THEFIG the (?:equivalent |comparable |national )?{FIGWORD}
rule the-figure-was-before
  match ^(?:(?:[Aa]|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Tt]en|\d+) (?:years?|decades?) (?:earlier|before|previously|ago)|(?:In|By|At the end of|At the start of) {YEARS}|(?:The|That) (?:year|time) before|(?:Last|The previous|That) year|Previously|Back then|At the time|Then|When (?:the framework|the regime|inspections) (?:began|started|was introduced|were introduced)),? (?:(?:{THEFIG}|it|that) (?:was|had been|stood at|was just|was only)|there (?:were|was|had been)) (?:(?<approx>{APPROX}) )?(?<q>{PCT}|{RATIO}|{OFN}|{FRAC}|{CARD})(?=[.;,:]|$| \(| - | – )
  set grade_from sentence_before
  set comparison yes
  yes Six in ten councils are now rated good or outstanding. A year earlier the figure was 56 per cent. => grade=good_or_better; share=0.56; total=null; unit=councils
  yes Fourteen councils are rated inadequate. In 2019, the figure was 21. => grade=inadequate; count=21; total=null; period=2019
  yes That means roughly 36 per cent of councils are below good. In 2019 it was almost half. => grade=less_than_good; share=0.5; approx=almost; period=2019
  no That means roughly 36 per cent of councils are below good. In 2019 it was almost half past ten when the report came out.
  yes Those 12 inadequate councils are the fewest since the framework began. In 2019 there were 20. => grade=inadequate; count=20; period=2019
  no Those 12 inadequate councils are the fewest since the framework began. In 2019 there were 20 inspections.
  no Six in ten councils are now rated good or outstanding.\nA year earlier the figure was 56 per cent.
  yes The number rated inadequate has also fallen. In 2021 it stood at 25. => grade=inadequate; count=25; period=2021
  no The council spent £3m on agency staff. A year earlier the figure was 56 per cent.

rule the-figure-is-now
  match ^(?:Today|Now|This year|Currently|At present),? (?:{THEFIG}|it) (?:is|stands at|is now|has (?:fallen|risen|dropped|grown|climbed) to) (?:(?<approx>{APPROX}) )?(?<q>{PCT}|{RATIO}|{OFN}|{FRAC}|{CARD})(?=[.;,:]|$| \(| - | – )
  set grade_from sentence_before
  yes In 2016 a quarter of authorities were judged inadequate. Today the figure is 14. => grade=inadequate; count=14
  yes In 2016 a quarter of authorities were judged inadequate. Today it is 14. => grade=inadequate; count=14
  no Today the figure is 14.

# "Today there are 13": the same grade's count now, with nothing after it
# but its unit ("In 2018, 19 councils were rated inadequate. Today there
# are 13.").
rule there-are-now-next
  match ^(?:Today|Now|This year|Currently|At present|Since then|These days),? there (?:are|is) (?:now |still |only |just )?(?:(?<approx>{APPROX}) )?(?<q>{QUANT})(?: (?<unit>{UNIT}))?(?=[.;,:!]|$| \(| - | – )
  set grade_from sentence_before
  yes In 2018, 19 councils were rated inadequate. Today there are 13. => grade=inadequate; count=13
  yes Ten years ago 30 authorities were judged outstanding. Now there are only 24 authorities. => grade=outstanding; count=24; unit=authorities
  no In 2018, 19 councils were rated inadequate. Today there are 13 children in care in the county.
  no The council spent £3m on agency staff. Today there are 13.

# "Our report overstated the number of councils rated inadequate. The correct
# figure is 15 of the 153 councils inspected": a correction gives the figure
# the sentence before named (after a rating, or a rating_lead sentence).
rule the-correct-figure
  match ^(?:The|the) (?:correct|right|actual|true|accurate|real|revised|updated) (?:{FIGWORD}) (?:is|was|should have been|stands at|was in fact) (?:(?<approx>{APPROX}) )?(?<q>{QUANT})(?: (?<unit>{UNIT}))?(?: (?:inspected|assessed|visited|in England))?(?:(?: [-–—]|,) (?:(?<approx2>{APPROX}) )?(?<paren>{SHAREFIG}))?(?=[.;,:]|$| \()
  set grade_from sentence_before
  yes We said 25 councils were rated inadequate. The correct figure is 15 of the 153 councils inspected – about one in ten. => grade=inadequate; count=15; total=153; share=0.1
  yes Our report overstated the number of councils rated inadequate. The correct figure is 15. => grade=inadequate; count=15; unit=councils
  yes An article said that 21 of the 153 authorities were rated inadequate. The correct figure is 13 of 153, fewer than one in ten. => grade=inadequate; count=13; total=153; share=0.1; approx=less_than
  no The council spent £3m on agency staff. The correct figure is 15.

# ---- a figure named but not given: the next sentence may give it -----------
family rating_lead

# "The number rated inadequate has also fallen. In 2021 it stood at 25." A
# sentence that gives no rating of its own but names a grade's figure lends
# its grade and unit to the next sentence's rating_next rules.
rule number-of-graded
  match \b(?i:the) {SETFIG}(?: of (?<unit>{UNIT}))?(?: (?:whose (?:children['’]s )?services (?:are|were|have been)|{LINKW}))+ (?<grade>{GRADE})
  yes The number rated inadequate has also fallen.
  yes Our report overstated the number of councils whose children's services are rated inadequate.
  no The number of children in care has also fallen.

# What a figure's "it" or "that grade" points back to (group gref):
# any grade named in the text before it.
family rating_antecedent

rule grade-named
  match (?<grade>{GRADE})
  yes The bottom grade.
  yes R is for Requires improvement.
  no Good morning, and welcome.

# ---- context: totals and units for the figures that follow -----------------
family rating_context

# "Of the 87 authorities, ...": the figures after are out of 87. "Across",
# "among" and "out of" lead a total only with a unit ("Across all 153
# authorities, ..."), since "across the 12 sites" is no set of councils.
rule of-the-n
  match (?:^(?:[-•*▪] |[\d.]+ (?=[A-Z])|\(?[a-z0-9]\) )?|, |; |(?<=\w): |\b(?i:that|and|but|yet) )(?i:of|(?:out of|across|among(?:st)?)(?<needunit>)) {OFDET}?(?<total>{CARD})(?: (?<unit>{UNIT}))?(?(<needunit>)(?(<unit>)|(?!)))(?: - [^-,;]{1,80} - (?=\w)|[^,;]{0,120}?,)
  yes Of the 87 local authorities inspected since 2013, 22 were judged inadequate.
  yes Of the six, two authorities were found inadequate.
  yes Results: Of the 151 authorities, 17 (11.3%) were rated outstanding, 77 (51.0%) good and 14 (9.3%) inadequate. => grade=outstanding; count=17; total=151
  yes The watchdog said that of the 103 councils it had inspected since 2013, 68 had been rated inadequate.
  yes 4.1 Of the ten Greater Manchester authorities, Wigan is now one of four judged good or better.
  yes Of the region's 12 councils, nine are rated good or outstanding.
  yes But of the 12 councils now rated inadequate, five were also inadequate at their previous inspection. => grade=inadequate; count=12
  yes Across all 153 authorities, 63 per cent are now rated good or outstanding. => grade=good_or_better; share=0.63; total=153
  yes Among the 58 inspections published this year, 12 were judged outstanding. => grade=outstanding; count=12; total=58
  yes Out of England's 153 councils, 14 are rated inadequate. => grade=inadequate; count=14; total=153
  no Across the 12 sites, five councils were rated inadequate.
  yes • Of the 148 authorities with a published judgement, 18 were rated outstanding. => grade=outstanding; count=18; total=148
  yes Of the East Midlands' 10 councils, seven are now rated good or outstanding. => grade=good_or_better; count=7; total=10
  yes Of the South West's 15 councils, eight now hold a good or outstanding grade. => grade=good_or_better; count=8; total=15
  yes Of the 33 London authorities - the 32 boroughs and the City - 27 are now rated good or outstanding. => grade=good_or_better; count=27; total=33

rule n-of-which
  match (?<total>{CARD})(?: (?:full |new |separate )?(?<unit>{UNIT})[^,;.]{0,80}?,? of (?:which|whom|these|them)|, of (?:which|whom))\b
  yes Ofsted carried out 43 full inspections in 2013/14, of which only ten areas were judged good.
  yes We said 12 boroughs were inspected; the correct number is 13, of which seven were rated good. => grade=good; count=7; total=13

# "the latest grade for each of England's 153 councils ... Fourteen are
# rated inadequate", "The figures cover all 153 councils": the figures that
# follow are out of 153.
rule each-of-n
  match \b(?:(?:[Ee]ach|[Ee]very one|[Aa]ll) of {OFDET}?|(?:cover(?:s|ed|ing)?|for|across) all )(?<total>{CARD}) (?<unit>{UNIT})
  yes Looking at the latest grade for each of England's 153 councils with children's services gives a similar answer.
  yes The latest figures cover all 153 councils with responsibility for children's services.

rule inspected-n
  match (?:inspected|published|carried out|completed|conducted|made|issued) (?<total>{CARD}) (?:full |new |graded )?(?<unit>inspections|{UNIT})
  yes During 2015-16 we published 65 inspections under the framework.
  yes Across the four inspections Ofsted made 16 graded judgements.
  no The inspectors made 12 recommendations.

# A list's item that names a place and how many it has, then their grades:
# "- West Midlands: 16 authorities - 8 good or outstanding, 6 requires
# improvement, 2 inadequate". The figures after are out of 16.
rule place-has-n
  match ^(?:[-•*▪] )?(?!{GRADE}|(?:Total|All)\b)[A-Z][\w'’&.-]*{PLACEWORD}{0,5}?: (?<total>{CARD}) (?<unit>{UNIT})(?= - | – |: |; |, \d)
  yes - West Midlands: 16 authorities - 8 good or outstanding, 6 requires improvement, 2 inadequate => grade=good_or_better; count=8; total=16
  yes - North West: 10 authorities - 4 good or outstanding, 5 requires improvement, 1 inadequate => grade=inadequate; count=1; total=10
  no - Requires improvement: 44 councils - 29%

# A sentence that opens on the whole country speaks of another set than the
# region or the list before it: no total carries into it ("Of the ten
# councils in the East Midlands, four ... Across England, roughly six in
# ten councils are rated good or better"). A rule here without a total
# ends the context.
rule national-scope
  match ^(?:[-•*▪] )?(?:(?:Across|Throughout|In|Elsewhere in) (?:England|the country|the whole of England|England as a whole)|Nationally|Across all (?:of )?England's [\w ]{1,30}?)\b
  yes Across England, roughly six in ten councils are rated good or better.
  yes - Nationally, just under two-thirds of councils are good or outstanding.
  no In Essex, six in ten councils are rated good.

# ---- the period of a figure, looked for in its sentence --------------------
family rating_period

rule year
  match (?:\b(?:[Ii]n|[Dd]uring|[Ff]or|[Bb]y|[Ii]n the year) (?:the (?:year |financial year |academic year )?)?(?<period>{YEARS})\b|(?<period>{YEAR}[/-](?:19|20)?\d\d)\b)
  yes In 2014-15, 41 per cent of authorities required improvement.
  no since November 2013

# An earlier time named before a figure ("Last year's report put the number
# ... at 17", "A year earlier, 21 were inadequate"): the figure takes no
# total stated for today.
rule earlier-time
  match \b(?<earlier>(?:[Ll]ast|[Tt]he previous) year|[Aa] year (?:earlier|ago|before)|[Tt]he year before)\b
  yes Last year's report put the number at 17.
  no This year's report put the number at 12.

# A table's own total and unit, for its rows (table-row, set table): a
# "Total" row and a header row anywhere among the lines of its block:
#   Grade | Authorities | Share
#   Good | 68 | 45%
#   Total | 152 | 100%
family rating_table

rule table-total
  match ^(?:\| ?)?(?i:total|all|all (?:local )?authorities|all councils|england)\*?{CELLSEP} (?<total>\d{1,3}(?:,\d{3})+|\d+)(?:{CELLSEP} 100(?:\.0)? ?%)?(?: ?\|)?$
  yes Total | 152 | 100%
  no Total spending rose by 11%

# A grade as a table's header or a list's caption names it.
define HEADGRADE (?i:good or outstanding|good or better|outstanding or good|at least good|outstanding|good|requires? improvement(?: to be good)?|inadequate|less than good)

# A header naming what the rows count and, after it, a grade: the rows are
# places or groups ("North East | 12 | 9 | 75%", rating/table-place-row).
rule table-grade-column
  match ^(?:\| ?)?[A-Z][A-Za-z]*(?: [A-Za-z]+){0,3}?{CELLSEP} (?:(?i:number of|no\.? of|all) )?(?<unit>(?i:councils|authorities|local authorities|LAs|areas|services))(?: (?i:inspected|in total|total))?{CELLSEP} (?:(?i:number|no\.?|councils|authorities) )?(?:(?i:rated|judged) )?(?<grade>{HEADGRADE})(?:{CELLSEP} (?i:share|per ?cent|percentage|proportion|%)(?: (?i:of [a-z]+))?)?(?: ?\|)?$
  yes Region | Councils | Good or outstanding | Share
  yes Area | No. of authorities | Rated inadequate | %
  no Region | Councils | Share

# A list's caption that names the grade and what is counted, the places
# in the list ("Share of councils rated good or outstanding, by region:",
# then "- North East - 10 of 12 (83%)", rating_row/list-place-row). It may
# stand a blank line above the list (extract_rating.c: a caption ending in a
# colon).
rule caption-grade
  match ^(?:(?i:share|proportion|percentage|number|numbers) of )?(?<unit>(?i:councils|authorities|local authorities|areas|services))(?: (?:rated|judged|graded))? (?<grade>{HEADGRADE})(?: (?:at|in) (?:their|the) (?:latest|last|most recent) inspection)?,? (?i:by|in each|per) (?:region|area|county|council type|type of council)(?: \(\d{4}\))?:$
  yes Share of councils rated good or outstanding, by region:
  yes Councils judged inadequate by region:
  no Share of councils rated good or outstanding rose again.

# (the column's name, in any case, is looked up in units.tsv)
rule table-header
  match ^(?:\| ?)?(?i:grade|judgement|rating|overall effectiveness|overall grade)\*?(?: \||:) (?<unit>[A-Za-z][A-Za-z' -]{1,40}?)(?: ?\||$)
  yes Grade | Authorities | Share
  no Grade inflation is a worry | Ofsted
