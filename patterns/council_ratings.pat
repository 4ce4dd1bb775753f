# council_ratings.pat — one named authority's grade.
#
# A rule captures
#   council   where the authority is named: a span holding a council the
#             gazetteer accepted ("Rotherham Borough Council", a list "Leeds,
#             Kent and Hampshire"), or a reference to the authority the
#             article is about ("the council", "the authority", "its");
#   grade     the grade phrase (grades.tsv);
#   jdg       words saying which judgement (judgements.tsv), if any.
# Words right after the grade ("... outstanding for children in care") are
# read for the judgement too. A grade inside a national figure ("23
# authorities, including Leeds, were judged good") gives the councils named
# inside it that grade (extract_council_rating.c).

family council_rating

# A reference to an authority: a capitalised name (checked against the
# gazetteer by the extractor) or a word standing for the article's authority
# (those are listed in council_refs.tsv too).
define CWORD [A-Z][\w&.-]*(?:'(?!s\b)[\w&.-]*)*
# (the joining words end at a word's end: "Leeds, once rated" is not the
# name "Leeds, on" followed by "ce")
define CNAME {CWORD}(?:,? (?:{CWORD}|and in(?= (?:the )?[A-Z])|(?:and|upon|on|under|with|of|the)(?![\w'-])|&))*
define CREF (?:[Tt]he (?:[Cc]ouncil(?! of (?:the )?[A-Z])|[Aa]uthority|local authority|borough|district|county council|city council|unitary|trust|same services|services|service|(?:(?:very )?same )?(?:department|council|authority))|[Ii]ts (?:services|children's services)|[Tt]hose (?:children's )?services|(?:[Tt]he (?:children's )?|[Cc]hildren's )?[Ss]ervices there|[Ii]ts|[Tt]heir|[Bb]oth (?:local )?(?:councils|authorities)|{CNAME})
# a figure or a name in brackets may follow each name: "Shropshire (6 per
# cent) and Lincolnshire (8 per cent), both of which ...", "Shropshire
# (Swydd Amwythig) holds the top grade" (a grade in brackets is
# council-grade-in-brackets')
define CREFP {CREF}(?: \((?=[\d£]|[A-Z](?!{GRADEWORD}\b|(?i:requires)\b))[^()]{1,40}\))?
# (the next name a macro of its own: {0,8} then repeats a subroutine call in
# the exported set, not the alternation)
define CNEXT (?:(?:, | and | & |, and ){CREFP})
define CLIST (?>{CREFP}{CNEXT}{0,8})
# The verbs by which a council gets, keeps or loses a grade ("received an
# 'inadequate' rating", "has held the top grade", "slapped with").
define GOTVERB (?:receiv\w+|given|awarded|handed|got|gained|achieved|earned|retained|regained|kept|lost|won|secured|h[oe]ld(?:s|ing)?|maintain(?:s|ed)?|(?:slapped|hit|landed|saddled|lumbered) with)
words CLINKWORD were | was | is | are | itself | themselves | had | have | has | been | being | be | now | currently | still | also | first | again | previously | once | subsequently | most recently | more recently | recently | overall | judged | rated | found | deemed | graded | assessed | declared | as | to | only | just | all | both | by Ofsted | by inspectors | last year | this year | three years ago | two years ago | a year ago | remain | remains | remained | stay | stays | stayed | became | becomes | continues to be | continued to be | told it | told that it | told they | told that they | among those | by contrast | too | each | since | came out | reached | reaches
# Verbs by which a grade moves: "climbed to good", "had dropped two grades to".
define MOVEVERB (?:jumped|leapt|rose|climbed|moved up|moved down|upgraded|downgraded|raised|improved|fell|dropped|slipped)
define CLINK (?:(?:{CLINKWORD}|{MOVEVERB}(?: \w+ (?:grades?|places?))? to(?= )|(?:(?:placed|put|stuck|sits) )?(?:in|at)(?= (?:the|\w+'s) (?:lowest|bottom|top|highest) )|in \d{4}|in {MONTH}(?: \d{4})?|at(?= (?:[Rr]equir|[Gg]ood|[Oo]utstanding|[Ii]nadequate))|at (?:its|their) (?:last|latest|most recent|previous) inspection|at every inspection since \d{4}|despite [\w ]{1,40}?|-|among (?:the|those) [\w' ]{1,40}?|(?:re-)?inspected(?= (?:by|in|last|this|and)\b)|and(?= {GRADEVERB}\b)|{GOTGRADE}|(?:held|holds|hold|retained|retains|kept|keeps|maintained|maintains)(?= the (?:top|highest) (?:grade|rating))|(?:(?:{GOTVERB}|left with|with) )?(?:an? |the |its |their )(?:(?:overall|new|latest|previous|current) )?(?:Ofsted )?{GRADENOUN} of) ?)

# Where a sentence opens on a council: "In Hull,", "Over in neighbouring
# Kirklees,".
define PLACEPREP (?<![\w'-])(?:[Ii]n|[Aa]t|[Aa]cross|[Oo]ver in|[Mm]eanwhile in)(?: neighbouring| nearby)?
# a relative clause after the place, up to a comma: "In
# Peterborough, where two in five posts are filled by agency staff, ..."
define PLACEREL (?:, (?:where|which|whose)\b[^,;:.!?"]{1,120}?)
# What inspectors grade, named: "children's services", "services for
# vulnerable children" (caseless inside: a macro keeps its own options).
define SERVICES (?i:children's (?:social care )?services|services for (?:vulnerable )?children(?: and young people)?|safeguarding services|child protection services|social care services|social services)

rule services-at
  match {SERVICES} (?:at|in|run by|provided by|of) (?<council>{CLIST}) (?:(?:{CLINK})+(?<grade>{GRADE})|(?<grade>{GRADEV}))
  yes Children's services at Rotherham Borough Council have been rated "inadequate" after Ofsted found failings. => council=Rotherham; grade=inadequate; judgement=overall

# The place put first, then its services: "In Slough, children's services
# were rated inadequate", "Over in Leeds, services have been judged
# outstanding since 2018".
rule place-then-services
  match {PLACEPREP} (?<council>{CLIST}){PLACEREL}?,? (?:where )?(?:(?:the council's|the authority's|its|the) )?(?:{SERVICES}|(?i:services?)) (?:(?:{CLINK})+(?<grade>{GRADE})|(?<grade>{GRADEV}))
  yes In Slough, children's services were rated inadequate. => council=Slough; grade=inadequate
  yes In Shropshire, children's services required improvement to be good. => council=Shropshire; grade=requires_improvement
  yes An IRO working in Norfolk, where services were judged good in 2024, described the meeting. => council=Norfolk; grade=good
  yes In neighbouring Cheshire West and Chester, services were rated good in 2022. => council=Cheshire West and Chester; grade=good
  yes Over in Leeds, children's services have been judged outstanding since 2018. => council=Leeds; grade=outstanding
  yes In Walsall, where the council has cut its agency staff by half, children's services were rated good. => council=Walsall; grade=good
  no In Slough, schools were rated good.
  no In 2019, services were rated good.

rule rated-council
  match \b(?:rated|judged|found|graded|deemed|assessed|declared|placed|left) (?<council>{CLIST}|(?:children's )?services(?= (?:as|to be) | {GRADE}(?:[.;,]| in (?:\d{4}|{MONTH})\b| (?:last|this) (?:year|month|week|spring|summer|autumn|winter)\b)))(?:(?:'s|(?<=[Ii]ts|[Tt]heir)|(?= children's ))(?<jdg>{SPWORD}{1,6}?))? (?:(?:services )?(?:to be|as|to) )?(?<grade>{GRADE})
  yes The previous inspections in 2010 and 2012 had judged Rotherham's safeguarding and adoption services to be "adequate". => council=Rotherham; grade=adequate; judgement=adoption
  yes Kent was inspected. Inspectors rated the council inadequate in 2016. => council=Kent; grade=inadequate
  yes Wirral was inspected in May. Yesterday, the same inspectorate judged those services good. => council=Wirral; grade=good
  yes Doncaster was inspected. The trust's first full inspection, in 2015, rated services as requiring improvement to be good. => council=Doncaster; grade=requires_improvement
  no Doncaster was inspected. Inspectors rated services in 12 councils as good.
  yes Somerset was inspected. The last full inspection, in 2022, rated children's services good. => council=Somerset; grade=good
  no Somerset was inspected. Ofsted rated children's services good in 60 per cent of councils.
  yes Somerset was inspected. Inspectors rated children's services requires improvement to be good in March. => council=Somerset; grade=requires_improvement
  yes I started as a social worker in Sefton. In 2010 Ofsted judged its safeguarding services good. => council=Sefton; grade=good; judgement=child_protection
  yes Ofsted rated Leeds children's services good in March. => council=Leeds; grade=good

# A participle clause before its subject: "Rated outstanding in 2022,
# Hartlepool Borough Council was inspected again", "Once judged inadequate,
# Doncaster is now good".
rule fronted-grade
  match ^(?:(?:[Oo]nce|[Pp]reviously|[Ff]ormerly|[Ll]ast|[Ff]irst|[Tt]wice) )?(?i:rated|judged|graded|found|deemed|assessed)(?: (?:as|to be))? (?:{Q}(?<grade>{GRADE}){Q}|to (?<grade>{GRADEV}))(?: (?:in|at|by|after|under|for)\b[^,;:!?"]{1,40})?, (?![Tt]he |[Ii]ts |[Tt]heir )(?<council>{CLIST})(?:'s)?(?<jdg>(?: (?:children's|safeguarding|social|care|work|services?|department|for|children))*?)(?= (?:was|were|is|are|has|have|had|now|then|became|remains|remained|slipped|fell|dropped|moved|improved|climbed|went|came)\b)
  yes Rated outstanding in 2022, Hartlepool Borough Council was inspected again in September and came out good. => council=Hartlepool; grade=outstanding
  yes Judged inadequate in 2019, Birmingham has since improved. => council=Birmingham; grade=inadequate
  yes Once rated inadequate, Doncaster's children's services are now good. => council=Doncaster; grade=inadequate
  yes Previously judged to require improvement, Leeds is now outstanding. => council=Leeds; grade=requires_improvement
  no Rated good by parents, Leeds schools are popular. => council=Leeds

rule council-which-was
  match (?<council>{CLIST})(?: respectively|'s{SPWORD}{1,3}?)?,? (?:(?:both|all|each|neither|one) of which|which|where|whose [\w' ]{1,40}?|who)(?: (?:Ofsted|inspectors|the watchdog|the inspectorate) (?:said|found|rated|rates|judged|judges|described as)(?: at the time| then| last year)?)? (?:{CLINK})*(?<grade>{GRADE})
  yes The changes were made in Slough, which was rated inadequate in 2013. => council=Slough; grade=inadequate
  yes My first placement was in Lancashire, which Ofsted said at the time was "good". => council=Lancashire; grade=good
  yes Sandwell Children's Trust, which Ofsted rates requires improvement to be good, has a new chair. => council=Sandwell; grade=requires_improvement
  yes Knowsley has been partnered with Stockport and Trafford respectively, both of which are judged good. => council=Trafford; grade=good
  yes The lowest rates were in Shropshire (6 per cent) and Lincolnshire (8 per cent), both of which Ofsted rated outstanding. => council=Lincolnshire; grade=outstanding

# A table row, the table's layout gone with its spaces: "1. Stoke-on-Trent
# Inadequate 41% 29% 24", "| Walsall | Requires improvement | 33% |", or a
# list's line with the earlier grade in brackets after: "• Derby – good
# (requires improvement to be good, 2019)", or in a column of its own after a
# date's: "Sandwell  June 2024  Good  Requires improvement to be good (2021)"
# (CELLSEP, DATECELL and TABLEGRADE, common.pat).
rule table-row
  match ^(?:\| ?|[-•*▪] )?(?:\d{1,3}[.)] )?(?<council>{CNAME}){DATECELL}?{CELLSEP} (?<grade>{TABLEGRADE})(?: (?:\((?:previously |was )?)?(?<grade2>{GRADEPLAIN})(?:,? (?:in )?| \(){YEAR}\))?
  yes Council Ofsted grade Agency\n3. Walsall Requires improvement 33% 22% 19 => council=Walsall; grade=requires_improvement; judgement=overall
  yes | Telford & Wrekin | Good | 27% | => council=Telford and Wrekin; grade=good
  no Walsall Good Neighbours scheme opens
  yes THE TOP FIVE\n1. Trafford – Outstanding (inspected 2023) => council=Trafford; grade=outstanding
  no Reading – Good Food Festival returns
  yes Full inspections this month:\n• Barnet – outstanding (good, 2021)\n• Derby – good (requires improvement to be good, 2019) => council=Barnet; grade=outstanding
  yes Full inspections this month:\n• Barnet – outstanding (good, 2021)\n• Derby – good (requires improvement to be good, 2019) => council=Derby; grade=requires_improvement
  yes Full inspections this month:\n• Barnet – Outstanding (Good, 2021)\n• Derby – Good (Requires improvement to be good, 2019) => council=Derby; grade=requires_improvement
  no Things to do:\n• Reading – good food and music (Saturday)\n• Derby – good walks (Sunday)
  yes Local authority   Report published   Overall effectiveness   Previous grade\nSandwell   June 2024   Good   Requires improvement to be good (2021) => council=Sandwell; grade=good
  yes Local authority   Report published   Overall effectiveness   Previous grade\nSandwell   June 2024   Good   Requires improvement to be good (2021) => council=Sandwell; grade=requires_improvement
  no Local authority   Report published   Overall effectiveness   Previous grade\nSandwell   June 2024   Good   Requires improvement to be good (2021) => council=Sandwell; grade=inadequate

# A grade in brackets after the name, as diaries and listings give it:
# "Hampshire County Council (previous grade outstanding, 2019)".
rule bracket-grade
  match (?<council>{CLIST}) \((?:[Pp]revious|[Ll]ast|[Cc]urrent|[Ll]atest)(?: Ofsted)? (?:grade|rating|judgement)(?::| was| of)? (?<grade>{GRADE})
  yes Tue 25 Nov: Ofsted report expected on Hampshire County Council (previous grade outstanding, 2019). => council=Hampshire; grade=outstanding; judgement=overall
  no Tue 25 Nov: Ofsted report expected on Hampshire County Council (previous grade outstanding, 2019). => grade=good

rule previous-rating
  match (?<council>\b(?:[Ii]ts|[Tt]heir|[Tt]he council's|[Tt]he authority's)) (?:previous|last|earlier|first|former|latest|current) (?:Ofsted )?(?:{Q}(?<grade>{GRADEA}){Q} {GRADENOUN}|{GRADENOUN} of {Q}(?<grade>{GRADEA}){Q})
  yes Hull City Council lost its previous 'adequate' rating in 2012. => council=Kingston upon Hull; grade=adequate
  yes Oldham Council's children's services have been rated good. Its previous rating of inadequate was handed down in 2019. => council=Oldham; grade=inadequate

# An earlier grade as a time's reference point: "Tameside's services have
# been judged good, two years after they were rated requires improvement
# and seven years after an inadequate verdict", "..., following an
# inadequate judgement in 2019", "The inspection follows a damning
# inadequate verdict in 2021", "placed in special measures after an
# inadequate rating". Only a clause added to one that grades (after a
# comma or "and"), a sentence that opens with it, or one whose subject is
# the inspection or its outcome. No council group: the council named
# earlier in the sentence, else the article's authority.
rule years-after-grade
  match (?:(?:^|(?<=, | and ))(?:\w+ (?:\w+ )?(?:years?|months?) )?(?i:after|since|following)|\b(?:[Ii]t|[Tt]his|(?:[Tt]he|[Ii]ts)(?: [\w'-]+)? (?:inspection|rating|report|improvement|news)) (?:follows|followed|comes|came)(?: \w+ (?:years?|months?) after| after)?|(?:special measures|intervention) (?:after|following)) (?:an?|its|their|the) (?:(?:earlier|previous|last|damning|critical) )?{Q}(?<grade>{GRADEA}){Q} (?:Ofsted )?{GRADENOUN}
  yes Tameside Council's children's services have been judged good by Ofsted, seven years after an inadequate verdict. => council=Tameside; grade=inadequate
  yes Oldham Council's children's services have been rated good by Ofsted, following an inadequate judgement in 2019. => council=Oldham; grade=inadequate
  yes Oldham Council's children's services have been rated good. The inspection follows a damning inadequate verdict in 2019. => council=Oldham; grade=inadequate
  yes Oldham Council's children's services have been rated good. The council had been placed in special measures after an inadequate rating in 2019. => council=Oldham; grade=inadequate
  yes Oldham Council's children's services have been rated good. Following an "inadequate" rating in 2019, the council hired 40 social workers. => council=Oldham; grade=inadequate
  no Tameside was rated good. The home reopened two years after an inadequate rating.
  no Tameside was rated good. The home reopened after an inadequate rating.

# "the lowest possible rating": a grade phrase only the rules of giving and
# receiving read (in GRADEA its optional word doubled the literals every
# grade rule's prefilter set is built from: +7% start-up instructions).
define POSSIBLEGRADE (?:lowest|highest) possible (?:grade|rating)

# The words of one clause: they stop before "while", "whereas", "but",
# "although" or "unlike" begins another, before ", and" with a name after
# it ("Southwark, whose services were rated outstanding, and Sheffield,
# which held on to its good grade"), at a quotation mark, and at a
# negation ("has never received an inadequate rating": no grade), and at
# "as" before a capitalised word, a new subject ("Wigan outstanding as
# Shropshire falls to inadequate"). Unbounded
# (the sentence bounds it): PCRE2 writes out a bounded repeat of a group in
# full, 150 copies.
define UNCUT (?:[^.;"wbaun,]|n(?!ot\b|ever\b|'t\b)|,(?! and (?:the )?[A-Z])|w(?!hile\b|hereas\b)|b(?!ut\b)|a(?!lthough\b|s [A-Z])|u(?!nlike\b))
rule received-grade
  match (?<council>{CLIST}){UNCUT}*?\b{GOTVERB}(?: on to| onto)? (?:an? |its |the |their )?(?:previous |first |latest |current |overall |new )?(?<grade>{GRADE}) (?:rating|grade|judgement|verdict|result)
  yes He singled out Sunderland, whose services were taken over after receiving an "inadequate" rating last year. => council=Sunderland; grade=inadequate
  yes Lincolnshire, which has held an outstanding grade since 2019, has low agency rates. => council=Lincolnshire; grade=outstanding
  yes The year closed with Southwark, whose services were rated outstanding, and Sheffield, which held on to its good grade. => council=Sheffield; grade=good
  no The year closed with Southwark, whose services were rated outstanding, and Sheffield, which held on to its good grade. => council=Southwark; grade=good
  yes Blackpool was judged to require improvement, while Blackburn with Darwen Council has held a good rating since 2022. => council=Blackburn with Darwen; grade=good
  yes Neighbouring Westmorland and Furness Council, which covers the south of the old county, was given a 'requires improvement' verdict. => council=Westmorland and Furness; grade=requires_improvement
  no Rutland has never received an inadequate rating.
  yes Torbay, slapped with an inadequate rating in January, is now the only council in the South West in the bottom category. => council=Torbay; grade=inadequate
  yes Telford and Wrekin had retained its outstanding judgement in 2023, and the two councils share an adoption agency. => council=Telford and Wrekin; grade=outstanding; judgement=overall

# A grade that is its own noun phrase ("the top grade", "Ofsted's lowest
# rating") given to or held by the council: the verb right after the
# council's name, so that a clause with its own subject ("..., and three of
# the region's 11 councils hold the top grade") is not read as the
# council's.
rule received-top-grade
  match (?<council>{CLIST})(?:'s {SERVICES})?(?: (?:ha[sved]+|w[aser]+|is|are|been|being|also|now|just|again|both|all|still))* {GOTVERB}(?: on to| onto)? (?:its |their )?(?<grade>{GRADEA}|the {POSSIBLEGRADE})(?<=grade|rating|judgement|category)
  yes Children's services in Walsall have been handed Ofsted's highest rating for the first time. => council=Walsall; grade=outstanding
  yes Leeds and North Yorkshire have both held the top grade at their last two inspections. => council=North Yorkshire; grade=outstanding
  yes Sheffield's children's services have been given the lowest possible rating. => council=Sheffield; grade=inadequate
  no Neighbouring Central Bedfordshire was rated good last year, and across the East of England three of the region's 11 councils hold the top grade of outstanding. => grade=outstanding

# The grade as the object of a verb of giving, the authority the one it is
# given to: "inspectors handed the council an 'inadequate' rating", "Ofsted
# gave Slough a good rating".
rule gave-council-grade
  match \b(?:gave|give|gives|giving|given|handed|hands|handing|hand|awarded|awards|awarding|award|issued|assigned) (?<council>{CLIST})(?:'s {SERVICES})? (?:an? |its |the |their )?(?:(?:previous|first|latest|current|overall|new|second|third) )?(?<grade>{GRADE}|{POSSIBLEGRADE})(?:(?<=grade|rating|judgement|category)| (?:Ofsted )?(?:rating|grade|judgement|verdict|result))
  yes The Echo led with Knowsley, where inspectors handed the council an "inadequate" rating for the second time. => council=Knowsley; grade=inadequate
  yes Ofsted gave Sheffield's children's services a good rating. => council=Sheffield; grade=good
  yes Ofsted gave Sheffield its highest possible rating. => council=Sheffield; grade=outstanding
  yes Ofsted gave Slough Borough Council a "requires improvement" rating in March. => council=Slough; grade=requires_improvement
  yes Warwickshire is hiring, days after inspectors handed its children's services a good rating. => council=Warwickshire; grade=good
  yes Ofsted handed Sefton Council its lowest grade. => council=Sefton; grade=inadequate
  yes Ofsted awarded Trafford the highest grade. => council=Trafford; grade=outstanding
  no Ofsted gave schools in Slough a good rating.
  no Inspectors handed the Kent foster carers a good rating.

# The grade the authority holds, as a possessive: "Nottinghamshire County
# Council's good rating", "Slough's 'inadequate' grade".
rule council-s-grade
  match (?<council>{CLIST})'s (?:(?:previous|last|earlier|first|former|latest|current|new|overall|recent) )?(?:Ofsted )?(?<grade>{GRADE}) (?:Ofsted )?{GRADENOUN}
  yes The Post gave a page lead to Nottinghamshire County Council's good rating. => council=Nottinghamshire; grade=good
  yes Slough Borough Council was inspected again. Parents cheered when Slough's "inadequate" rating was lifted. => council=Slough; grade=inadequate
  yes Kent County Council's overall rating is good, but the council's latest "requires improvement" judgement for care leavers stings. => council=Kent; grade=requires_improvement; judgement=care_leavers
  no Ofsted's good rating of the academy was confirmed.
  no Kent was inspected. The region's good ratings are rare.

rule aspect-judged
  match \b{GRADEVERB} {Q}(?<jdg>(?i:the )?(?i:overall effectiveness|impact of leaders|experiences (?:and progress )?of|help and protection|services for)[\w' ,-]{0,80}?){Q} (?:(?:to be |as )?(?<grade>{GRADE})|to (?<grade>{GRADEV}))
  yes Wigan was inspected. Inspectors judged the overall effectiveness of children's services to be good. => council=Wigan; grade=good
  yes Wigan was inspected. Inspectors also graded "the experiences and progress of children in care" as outstanding. => council=Wigan; grade=outstanding; judgement=looked_after
  yes Wigan was inspected. The report judged the overall effectiveness of the council's services to require improvement to be good. => council=Wigan; grade=requires_improvement; judgement=overall
  no Wigan was inspected. The report judged the overall effectiveness of the council's services to require improvement to be good. => grade=good
  yes Rutland was inspected in 2024, and inspectors judged the impact of leaders outstanding. => council=Rutland; grade=outstanding; judgement=leadership

rule aspect-colon
  match (?<jdg>(?i:the )?(?i:overall effectiveness|impact of leaders|experiences and progress of|help and protection|children's services overall)[^:;|]{0,100})(?:: | \| ){Q}(?<grade>{GRADE}|(?i:requires improvement to be good|requires improvement|outstanding|good|inadequate)(?![\w-]))
  yes Ofsted inspected Wigan children's services. The impact of leaders on social work practice: good. => council=Wigan; grade=good; judgement=leadership
  yes Ofsted inspected Wigan children's services. The experiences and progress of children in care: Requires improvement to be good => council=Wigan; grade=requires_improvement; judgement=looked_after
  yes Ofsted inspected Wigan children's services.\nJudgement | Grade\nOverall effectiveness | Requires improvement to be good => council=Wigan; grade=requires_improvement; judgement=overall
  yes Ofsted inspected Wigan children's services. Its out-of-hours team is shared with Bolton Council and Bury Council.\nThe experiences and progress of care leavers: inadequate => council=Wigan; grade=inadequate; judgement=care_leavers
  no Ofsted inspected Wigan children's services. Its out-of-hours team is shared with Bolton Council and Bury Council.\nThe experiences and progress of care leavers: inadequate => council=Bury

# A judgement named as a subject: "the progress made by care leavers",
# "children in care", "the impact of leaders".
define JDGP (?:progress (?:made )?by |experiences (?:and progress )?of |services for |support for |help for )?(?i:care(?: |-)leavers'?(?: service| services)?|(?:young people )?leaving care|children looked after|looked(?: |-)after children|children in care|adoption(?: performance| services)?|fostering(?: services)?|leadership(?: and management)?|leaders|help and protection|child protection|safeguarding|the impact of leaders|impact of leaders|overall effectiveness)

rule judgement-was-rated
  match (?<![\w'-])(?<jdg>(?i:the )?{JDGP}{SPWORDPOS}{0,6}?)(?:, [a-z][^,.;:!?"A-Z]{0,59}?,)? (?:(?:{CLINK})+(?<grade>{GRADE})|(?<grade>{GRADEV}))(?! (?:in|at|across) [\w' -]{1,40}? (?:councils|authorities|areas|inspections)\b)
  yes Rotherham was inspected. The progress made by care leavers was also judged inadequate. => council=Rotherham; grade=inadequate; judgement=care_leavers
  yes Sandra: Bracknell Forest's Ofsted report is up.\nMike: Reading it now\nBev: Care leavers still requires improvement\nPriya: I took a child placed by Reading. => council=Bracknell Forest; grade=requires_improvement; judgement=care_leavers
  yes Norfolk was rated good. Care leavers' services, heavily criticised last time, were judged outstanding. => council=Norfolk; grade=outstanding; judgement=care_leavers
  yes Hull was rated good. The impact of leaders on social work practice was judged outstanding. => council=Kingston upon Hull; grade=outstanding; judgement=leadership
  yes Coventry was rated good. Its looked-after children and care leavers were judged outstanding. => council=Coventry; grade=outstanding; judgement=looked_after
  no Coventry was rated good. Its looked-after children and care leavers were judged outstanding. => judgement=care_leavers
  yes Oxfordshire requires improvement. Inspectors found that support for young people leaving care was inadequate. => council=Oxfordshire; grade=inadequate; judgement=care_leavers
  no Kent was rated good. Child protection was judged inadequate in a quarter of councils.
  yes Shropshire was judged inadequate. The experiences and progress of children in care required improvement to be good. => council=Shropshire; grade=requires_improvement; judgement=looked_after
  yes Derby was inspected. The judgement for care leavers rose from inadequate to good. => council=Derby; grade=inadequate; judgement=care_leavers
  no Kent was rated good. Help and protection was judged inadequate in most councils this year.

# A second judgement with its verb left out: "the help and protection of
# children was judged outstanding and the experiences and progress of
# children in care good", "judged its safeguarding services good and its
# services for looked-after children adequate". No council group, as in
# judgement-was-rated.
rule and-aspect-grade
  match (?<![\w'-]){Q}{GRADE}{Q} and (?<jdg>(?i:the |its |their )?{JDGP}{SPWORD}{0,6}?) {Q}(?<grade>{GRADE}){Q}(?=[.,;!?]|$| -| (?:in|at|since|overall|by)\b)
  yes Lincolnshire was inspected in 2023. The help and protection of children was judged outstanding and the experiences and progress of children in care good. => council=Lincolnshire; grade=good; judgement=looked_after
  yes Sefton was inspected in 2010, when Ofsted judged its safeguarding services good and its services for looked-after children adequate - the grade nobody remembered. => council=Sefton; grade=adequate; judgement=looked_after
  no Sefton was inspected in 2010, when Ofsted judged its safeguarding services good and its services for looked-after children improving.

rule grade-rated-council
  match (?<grade>(?i:inadequate|outstanding|good|adequate|requires improvement|requires-improvement))-(?:rated|graded) (?<council>{CLIST})
  yes Ministers sent a commissioner into inadequate-rated Birmingham. => council=Birmingham; grade=inadequate

# The grade of the clause before (the last one named in it), given to
# another authority: "Leicestershire
# was judged good, as was Nottinghamshire following its inspection", "Kent was
# rated inadequate, as were Medway and Essex", "..., alongside North Tyneside".
rule as-was
  match \b(?:(?:judged|rated|graded|found|deemed|assessed|was|were|is|are|remains|remained)(?: (?:{CLINK})*?)? (?<grade>{GRADE})|(?<grade>{GRADEV}))(?=[^,;:.!?"]{0,60}, )(?:(?!{GRADEWORD})[^,;:.!?"])*, (?:as (?:was|were|is|are|did|does|do|had|has|have)(?: also| too)?|(?:alongside|joining|along with|like)(?! (?:its|their|the|his|her|this|that|these|those)\b)) (?:(?:neighbouring|nearby|fellow) )?(?<council>{CLIST})
  yes Sutton was rated good in 2022, as was neighbouring Merton. => council=Merton; grade=good
  yes Leicestershire and Lincolnshire were both judged good, as was Nottinghamshire following its inspection in November. => council=Nottinghamshire; grade=good
  yes Kent was rated inadequate in 2022, as were Medway and Essex. => council=Essex; grade=inadequate
  yes Worcestershire had been rated good since 2022 but fell to requires improvement to be good, as did Bedford. => council=Bedford; grade=requires_improvement
  no Worcestershire had been rated good since 2022 but fell to requires improvement to be good, as did Bedford. => council=Bedford; grade=good
  yes Doncaster also requires improvement, as does North East Lincolnshire. => council=North East Lincolnshire; grade=requires_improvement
  yes Sunderland was rated outstanding, alongside North Tyneside. => council=North Tyneside; grade=outstanding
  yes Sunderland is now rated outstanding, joining Gateshead and North Tyneside. => council=North Tyneside; grade=outstanding
  no Kent was rated good, alongside its partner agencies in Medway.
  no Kent was rated good, as was expected by most observers.
  no Kent was rated good, as was said at the time by Leeds.

# A second grade for another year, its verb left out: "Its services were
# rated adequate in 2011, under the previous regime, and good in 2023". No
# council group: the council named earlier in the sentence, else the
# article's authority (extract_council_rating.c).
rule and-grade-in-year
  match \b(?:{GRADEVERB} (?:as |to be |to (?=requir))?|(?:was|were) ){Q}{GRADE}{Q}(?: by (?:Ofsted|inspectors))?(?: (?:in|at) [\w ]{0,30}?{YEAR})(?:,[^.;:!?"]{1,80},)? and (?:(?:then |later |again |now |most recently )?(?:{CLINK})*(?<grade>{GRADE})(?= (?:in|since|by|when|after|following) | at (?![a-z]+ing\b))|(?:is|are|was|were|has been|have been|had been) (?:now |since |later |then |subsequently )?{GRADEVERB} (?:as |to be |to (?=requir))?(?<grade>{GRADE}))
  yes Rutland County Council is a unitary authority. Its children's services were rated adequate in 2011, under the previous inspection regime, and good in 2023. => council=Rutland; grade=good
  yes Kent was rated inadequate in 2016 and good in 2022. => council=Kent; grade=good
  yes Thurrock, which was rated inadequate in 2023 and is now judged to require improvement, is hiring. => council=Thurrock; grade=requires_improvement
  yes Birmingham was judged to require improvement to be good in 2022 and inadequate in 2016. => council=Birmingham; grade=inadequate
  yes In Sandwell, which was inadequate in 2016 and has been rated good since 2024, staff described a long climb. => council=Sandwell; grade=good
  yes Kent was rated inadequate in 2016 and was upgraded to good in 2022. => council=Kent; grade=good
  yes Medway's children's services were judged inadequate by Ofsted in 2019 and rated good when inspectors returned in 2023. => council=Medway; grade=good
  no Kent was inadequate in 2016 and has been good at recruiting since 2020.
  no Kent was rated good in 2019 and schools in 2021.

# A second council whose verb is left out: "Bromley was rated outstanding
# in 2023 and Lambeth good in 2022". The grade must end the clause (or
# take a year), so that "and Lambeth good at recruiting" is no grade.
rule and-council-grade
  match \b{GRADEVERB} (?:as |to be )?{Q}{GRADE}{Q}(?: (?:in|at) [\w ]{0,30}?{YEAR})?,? and (?<council>{CLIST}),? {Q}(?<grade>{GRADE}){Q}(?=[.;,!?]|$| \(| (?:in|since) {YEAR})
  yes Among neighbouring authorities, Bromley was rated outstanding in 2023 and Lambeth good in 2022. => council=Lambeth; grade=good
  yes Kent was judged inadequate and Medway requires improvement. => council=Medway; grade=requires_improvement
  no Bromley was rated outstanding and Lambeth good at recruiting foster carers.

rule council-grade-in-brackets
  match (?<council>{CLIST}) \({Q}(?<grade>{GRADE}){Q}\)
  yes The region's councils are Bradford (inadequate), Leeds (good) and Kirklees (requires improvement). => council=Leeds; grade=good

rule found-services-in
  match \b(?:found|judged|rated|deemed) (?:(?:its |the )?(?:children's )?(?:social care )?services|safeguarding|child protection) (?:in|at) (?<council>{CLIST}) (?:to be |to |as |were |was )?(?<grade>{GRADE})
  yes Inspectors found services in Doncaster to be inadequate. => council=Doncaster; grade=inadequate
  yes Bradford Council has struggled for years. Ofsted judged services in the district to require improvement. => council=Bradford; grade=requires_improvement

rule apposition-rated
  match (?<council>{CLIST})(?:,| -) (?:rated|judged|graded|found|assessed) (?:{CLINK})*(?<grade>{GRADE})
  yes Bradford, rated requires improvement in 2014, is now inadequate. => council=Bradford; grade=requires_improvement
  yes Tower Hamlets - rated inadequate in 2017 - was judged outstanding in 2019. => council=Tower Hamlets; grade=inadequate

# The grade alone in apposition, with its year: "Stoke-on-Trent, inadequate
# in 2019, is now rated good". The grade words alone (GRADEPLAIN), so that
# the prefilter has ", inadequate in 20" to look for, not "good".
rule apposition-grade-year
  match (?<council>{CLIST}), (?<grade>{GRADEPLAIN}) (?:in|until) {YEAR}(?=,)
  yes Stoke-on-Trent, inadequate in 2019, is now rated good. => council=Stoke-on-Trent; grade=inadequate
  no Stoke-on-Trent, good in parts, is now rated inadequate.

rule moved-from-to
  match (?<council>{CLIST})(?:'s{SPWORD}{0,4})?(?:, (?:which|who|whose|where)\b[^;:.!?"]{1,160}?,|, (?:both|all|each) of (?:which|them)|, (?:the|an?|its) [^;:.!?",]{1,80},|{SPWORD}{1,6},|, (?:which|who)|, whose{SPWORD}{1,4}?|,(?= (?:been )?(?:upgraded|downgraded|moved))| - [^;:.!?"]{1,120}? -)?(?: (?:all|both|have|has|had|since|now|each|was|were))* (?:moved|improved|rose|climbed|jumped|went|progressed|fell|slipped|dropped|been upgraded|been downgraded|upgraded|downgraded)(?: up| down| back)?(?: straight| directly)? from {Q}(?<grade>{GRADE}){Q}(?: in \d{4})? to {Q}(?<grade2>{GRADE})
  yes Hounslow, Wokingham and Bracknell Forest all moved up from requires improvement to good. => council=Wokingham; grade=requires_improvement
  yes Torbay and Barnsley both moved straight from inadequate to good. => council=Barnsley; grade=inadequate
  yes STOKE-ON-TRENT City Council's children's services department has been upgraded from "inadequate" to "requires improvement" by Ofsted. => council=Stoke-on-Trent; grade=inadequate
  yes Medway Council, which serves a cluster of towns in Kent, southeast of London, was upgraded from inadequate to requires improvement in the spring. => council=Medway; grade=inadequate
  yes Stoke-on-Trent and Bradford, both of which moved from inadequate to requires improvement, did so. => council=Bradford; grade=inadequate
  yes Bradford, the council next door, moved from inadequate to requires improvement to be good last year. => council=Bradford; grade=requires_improvement
  yes Rotherham - RMBC, as everyone round there calls it - went from inadequate in 2015 to good in 2022. => council=Rotherham; grade=inadequate
  yes Southampton City Council, downgraded from good to requires improvement to be good in 2024, has gone the other way. => council=Southampton; grade=good
  yes We support Stoke-on-Trent City Council, whose services moved up from inadequate to requires improvement to be good last autumn. => council=Stoke-on-Trent; grade=requires_improvement

# A move written with an arrow, as in a thread or a table: "Sandwell:
# inadequate → RI" ("RI" is the sector's shorthand, grades.tsv).
rule arrow-move
  match ^(?:[-•*▪] )?(?<council>{CNAME}):? {Q}(?<grade>{GRADE}|RI){Q} (?:→|->|=>|⇒|➡️?) {Q}(?<grade2>{GRADE}|RI){Q}(?=[.;,]|$| \(| \d)
  yes Biggest movers\nSandwell: inadequate → RI\nSlough: RI → good => council=Sandwell; grade=inadequate
  yes Biggest movers\nSlough: RI → good => council=Slough; grade=requires_improvement
  no Biggest movers\nSandwell: poverty → growth

# An earlier grade left behind: "Stoke-on-Trent climbed out of inadequate
# and is now rated requires improvement".
rule out-of-grade
  match (?<council>{CLIST}) (?:has |had |finally |at last )*(?:climbed|clambered|came|come|moved|got|emerged|crept|clawed its way|hauled itself|dragged itself|lifted itself|broke) out of {Q}(?<grade>{GRADE})
  yes Stoke-on-Trent climbed out of inadequate and is now rated requires improvement to be good. => council=Stoke-on-Trent; grade=inadequate
  no Stoke-on-Trent climbed out of the relegation zone.

# An earlier grade in apposition: "Sandwell and Tameside, both previously
# inadequate, are now rated good".
rule previously-grade
  match (?<council>{CLIST}),? (?:(?:both|all|each|also) )?(?:previously|formerly|once|until recently|until last year)(?: (?:rated|judged|graded|found))?(?: as| to be)? {Q}(?<grade>{GRADE})
  yes Sandwell and Tameside, both previously inadequate, are now rated good. => council=Tameside; grade=inadequate
  yes Croydon, formerly rated inadequate, has improved. => council=Croydon; grade=inadequate

# The inspectors as subject after the place: "In Bristol, inspectors rated
# children's services outstanding in February".
rule place-then-inspectors
  match {PLACEPREP} (?<council>{CLIST}){PLACEREL}?, (?:(?:Ofsted(?:'s)?|the) )?(?:inspectors|Ofsted|the inspectorate|the watchdog|the regulator) (?:have |has |had |also |last year |this year )*(?:rated|judged|graded|found|deemed) (?:(?:the council's|the authority's|its|the) )?(?:{SERVICES}|(?i:services)) (?:as |to be |to )?{Q}(?<grade>{GRADE})
  yes In Bristol, inspectors rated children's services outstanding for the first time. => council=Bristol; grade=outstanding
  yes In Peterborough, where two in five posts are filled by agency staff, inspectors rated children's services requires improvement to be good for the second time. => council=Peterborough; grade=requires_improvement
  no In Bristol, inspectors rated schools outstanding.

rule slipped-to
  match (?<council>{CLIST}){UNCUT}*?\b(?:slip(?:ped|ping|s)|f(?:ell|alling|alls)|drop(?:ped|ping|s)|improv(?:ed|ing|es)|mov(?:ed|ing|es)|r(?:ose|ising|ises)|climb(?:ed|ing|s)|was downgraded|was upgraded|has been downgraded|has been upgraded|had been downgraded|had been upgraded)(?: back| up| down)? to {Q}(?<grade>{GRADE})
  yes Kent, which was judged to perform well last year, slipped to adequate. => council=Kent; grade=adequate
  no Wigan and Hertfordshire outstanding as Shropshire falls to inadequate => council=Wigan
  yes Kent, rated good as recently as 2019, slipped to requires improvement. => council=Kent; grade=requires_improvement
  yes The year opened with Lewisham, which had been judged to require improvement to be good in 2019, moving up to good. => council=Lewisham; grade=good
  no Hartlepool and Sunderland were both rated outstanding, while Middlesbrough was downgraded to requires improvement. => council=Sunderland

# The same services' later grade, the subject left out after "but" or
# "and": "In Cornwall, services were rated outstanding in 2020 but downgraded
# to good last year". No council group: the council named earlier in the
# sentence, else the article's authority; so the verb must follow "but" or
# "and", "since", "later" ... (a look back: "while Middlesbrough was
# downgraded to ..." has a subject of its own, slipped-to's).
rule but-downgraded-to
  match (?<=\bbut |\band |\bthen |\bbefore |\bsince |\blater |\bbeing )(?:downgraded|upgraded|moved (?:up |down |back )?|dropped|fell|slipped|rose|climbed|improved|returned) (?:back )?to {Q}(?<grade>{GRADE})
  yes - In Cornwall, services were rated outstanding in 2020 but downgraded to good last year. => council=Cornwall; grade=good
  no Kent was rated inadequate in 2015 and has since improved its services.
  no Hartlepool and Sunderland were both rated outstanding, while Middlesbrough was downgraded to requires improvement. => council=Sunderland

rule having-been
  match (?<council>{CLIST})[^.;"]{0,150}?,? (?:having been|after being|after having been|since being) (?:{CLINK})*(?<grade>{GRADE})
  yes County Durham improved to requires improvement, having been rated inadequate at its previous inspection. => council=County Durham; grade=inadequate
  yes Kirklees was rated good in 2023, after being judged inadequate in 2016. => council=Kirklees; grade=inadequate
  yes Slough Borough Council is a unitary. Services there were judged to require improvement in 2024, having been judged inadequate in 2019. => council=Slough; grade=inadequate

rule only-authority
  match (?<council>{CLIST})(?: (?:is|was|remains|became)(?: (?:now|still|currently|also))?|,(?: (?:then|now|already|also|itself))?) (?:the only[\w' ]{0,60}?|the (?:region's|county's|country's|area's|city's) (?:only|other|second|third)[\w' ]{0,60}?|one of [\w' ]{1,105}?(?: - [^-.;:!?]{1,40} -)?(?: whose (?<jdg>[\w' ]{1,40}?) (?:was|were))?)(?: (?:currently|now|still))?(?: (?:judged|rated|to be judged|to be rated|graded))? (?<grade>{GRADEA})(?: (?:authority|council|councils|authorities))?\b
  yes City of Wolverhampton Council is the only metropolitan authority in the region judged good. => council=Wolverhampton; grade=good
  yes Torbay is now the only council in the South West rated inadequate. => council=Torbay; grade=inadequate
  yes Telford & Wrekin is the region's other good authority. => council=Telford and Wrekin; grade=good
  yes Derbyshire was one of 10 authorities judged outstanding for children in care in 2018-19. => council=Derbyshire; grade=outstanding; judgement=looked_after
  yes Peterborough was one of 16 authorities whose leadership was judged outstanding. => council=Peterborough; grade=outstanding; judgement=leadership
  yes She borrowed from Leeds, then one of the few councils rated outstanding. => council=Leeds; grade=outstanding
  yes Sandwell is one of 14 authorities in England - about one in ten - currently judged inadequate. => council=Sandwell; grade=inadequate

# The councils a graded group names after "were" or "included": "The two
# councils judged inadequate were Shropshire and Southend", "Those rated
# outstanding included Leeds, Kent and Essex", "Among the authorities whose
# services were judged to perform poorly were ...". A pronoun or "the
# council" after the verb names no one.
rule graded-were
  match (?:(?i:among) (?:the )?(?:authorities|councils|areas|local authorities)[\w' ]{0,60}? |(?<![\w'-])(?:[Tt]hose|[Tt]he (?:(?:other|only|remaining|\w+) )?(?:councils|authorities|areas|local authorities|boroughs|counties)|(?:[Oo]ther )?(?:[Cc]ouncils|[Aa]uthorities|[Ll]ocal authorities)) (?:(?:newly|also|now|currently) )?)(?:{CLINK})*?(?<grade>{GRADE})(?: (?:this|last) (?:year|month|week|time|round)| in \d{4}| (?:overall|nationally|so far))?,? (?:were|are|was|is|included?|include[sd]?)(?: those of)? (?=[A-Z])(?!(?:The|Its|Their|They|These|Those|It)\b)(?<council>{CLIST})
  yes The two councils judged inadequate were Shropshire and Southend. => council=Southend-on-Sea; grade=inadequate
  yes Those rated outstanding included Leeds, Kent and Essex. => council=Kent; grade=outstanding
  yes The councils newly rated good this year are Barnsley and Rotherham. => council=Barnsley; grade=good
  no The councils rated inadequate were Their own worst critics.
  no Those rated good were praised by Ofsted.
  yes Among the authorities whose services were judged to perform poorly were Doncaster, Birmingham and Peterborough. => council=Birmingham; grade=inadequate

rule rated-them
  match \b(?:rated|judged|found|graded|deemed|said|found that) (?<council>they|them|it)(?: (?:were|was|had been|to be|as|to(?= [Rr]equire)))? (?<grade>{GRADE})
  yes Salford was inspected in 2009. Two years later the same inspectors rated them inadequate. => council=Salford; grade=inadequate
  yes Bedford Borough Council asked for a peer challenge.\n• Joanne Mercer, Head of Service for Children in Care, Milton Keynes City Council\nOfsted last inspected the council's children's services in 2023 and judged them inadequate. => council=Bedford; grade=inadequate
  yes Hull was judged good this week, three years after inspectors said they required improvement. => council=Kingston upon Hull; grade=requires_improvement
  yes Thurrock's last inspection, published in May, judged them to require improvement to be good. => council=Thurrock; grade=requires_improvement
  no Westminster hears a lot. Of the 41 inspections published, 29 found services to be good and only four found them inadequate.

rule they-were
  match \b(?<council>[Tt]hey|[Ii]t|(?:[Tt]hose|[Tt]hese)(?: same)? services) (?:(?:were|was|had been|have been|has been|(?:had|has|have)(?= {MOVEVERB}\b)) (?:{CLINK})*|(?:are|is) (?:now |currently |still )?{GRADEVERB} (?:as |to be )?)(?<grade>{GRADE})(?! (?:at|for|to|with|about)\b)
  yes The Isle of Wight is doing well, a decade after they were judged inadequate. => council=Isle of Wight; grade=inadequate
  yes Devon County Council's children's services have been rated inadequate. Last time (2020) they were "requires improvement". => council=Devon; grade=requires_improvement
  yes Ofsted has inspected Wirral Council's children's services, and I am glad to say they are now rated good. => council=Wirral; grade=good
  yes Ofsted praised Wirral Council. When I was elected, those same services had been judged inadequate. => council=Wirral; grade=inadequate
  no Ofsted praised Wirral Council's social workers. They are good at listening.
  no Ofsted praised Wirral Council. It is good that the council listened.
  yes Sunderland was inspected in 2015. By 2018 it had climbed to requires improvement to be good. => council=Sunderland; grade=requires_improvement

rule up-from-grade
  match (?:\b(?:(?:up|down|a long way|an improvement|an upgrade|a downgrade|a rise|a climb|a fall|a drop|a step up) from|an improvement on|(?:\w+ )?(?:grades?|notch(?:es)?|steps?) (?:higher|lower|up|down) (?:than|from)) (?:the |its |an? |their )?{Q}(?<grade>{GRADE}){Q} (?:rating|grade|verdict|judgement|result)|, (?:up|down|improving|an improvement|a step up|(?:moving|climbing|rising|going|slipping|falling|dropping)(?: up| down| back)?) from {Q}(?<grade>{GRADE}){Q}(?= (?:in|at|when|during|after|following|last|two|three|four|five|six) |[,.;]|$))
  yes Kent was rated good, up from the 'adequate' rating the authority received in 2012. => council=Kent; grade=adequate
  yes Kent is good now, a long way from the 'inadequate' verdict of 2010. => council=Kent; grade=inadequate
  yes South Gloucestershire Council's children's services were judged good in November, an upgrade from the "requires improvement to be good" grade handed to the council in 2021. => council=South Gloucestershire; grade=requires_improvement
  yes Kent now requires improvement, which is an improvement on the inadequate grade it received in 2021. => council=Kent; grade=inadequate
  yes Kent's children's services were inspected by Ofsted in November 2023 and judged good overall, an improvement on the requires improvement to be good judgement of 2019. => council=Kent; grade=requires_improvement
  yes Bath and North East Somerset was judged good, up from requires improvement in 2014. => council=Bath and North East Somerset; grade=requires_improvement
  yes Oldham Council's services were judged inadequate by Ofsted in 2023, down from requires improvement at the previous inspection in 2019. => council=Oldham; grade=requires_improvement
  yes Wandsworth has been given the top grade, moving up from good at its last inspection. => council=Wandsworth; grade=good
  yes Oldham Council's children's services have been rated good - two grades higher than the inadequate rating it was given in 2019. => council=Oldham; grade=inadequate
  no Wandsworth has been given the top grade, moving up from good schools to great ones.

rule council-was-rated
  match (?<![\w'-])(?<! nor )(?:(?=[Tt]he |[Ii]ts |[Tt]heir )(?<!expected |expects |expect |wanted |wants |want |hoped |hopes |hope |needs |need |wished |wish |whether |if )|(?![Tt]he |[Ii]ts |[Tt]heir ))(?<council>{CLIST})(?:'s)?(?<jdg>{SPWORDPOS}{0,6}?)(?:, [^,;:.!?"]{1,160},| - [^;:.!?"]{1,120}? -)?,? (?:(?:{CLINK})+(?<grade>{GRADE})|(?<grade>{GRADEV}))
  yes Doncaster was first judged inadequate three years ago. => council=Doncaster; grade=inadequate
  yes Middlesbrough, across the boundary, remains at requires improvement to be good. => council=Middlesbrough; grade=requires_improvement
  yes Ofsted judged services in Shropshire and in Wolverhampton to be inadequate. Both councils were previously rated good. => council=Wolverhampton; grade=good
  no Ofsted rated Leeds good. Both councils were previously rated inadequate. => grade=inadequate
  yes Neighbouring Wolverhampton is rated OUTSTANDING. => council=Wolverhampton; grade=outstanding
  yes Sandwell Children's Trust has been told it requires improvement to be good. => council=Sandwell; grade=requires_improvement
  yes Rotherham has reached good for the first time. => council=Rotherham; grade=good
  yes Bradford's children's services remain in Ofsted's bottom category, a report has found. => council=Bradford; grade=inadequate
  yes Camden, Kensington and Chelsea and Islington are among the other London boroughs at the top of the scale. => council=Islington; grade=outstanding
  yes Ofsted put Newham at the bottom of the scale in 2022. => council=Newham; grade=inadequate
  yes Thurrock was placed in the lowest category. => council=Thurrock; grade=inadequate
  no Rutland has never been rated inadequate.
  no Rutland was not rated inadequate, despite the rumours.
  no The progress of care leavers in Rutland wasn't judged inadequate.
  yes Rotherham was upgraded to outstanding in 2023; Doncaster, whose services were run for years by a children's trust, was most recently judged to require improvement to be good. => council=Doncaster; grade=requires_improvement
  yes Shropshire (Swydd Amwythig) holds the top grade, and Cheshire West and Chester (Gorllewin Swydd Gaer a Chaer) was judged good. => council=Cheshire West and Chester; grade=good
  no Leeds (West Yorkshire) (good) was visited.
  yes Hartlepool was given a grade of outstanding last year. => council=Hartlepool; grade=outstanding
  yes Each of Leeds and Wakefield is rated good. => council=Wakefield; grade=good
  no Lancashire held a meeting on the top grade.
  no Neither Hull nor York is rated inadequate.
  yes Three of the five are rated good - Darlington, Stockton-on-Tees and Redcar and Cleveland - while Middlesbrough remains at requires improvement to be good. => council=Middlesbrough; grade=requires_improvement
  no Three of the five are rated good - Darlington and Redcar and Cleveland - while Middlesbrough remains at requires improvement to be good. => council=Darlington; grade=requires_improvement
  no Adoption Central England, the regional adoption agency Worcestershire shares with Coventry, Herefordshire, Solihull and Warwickshire, is rated outstanding. => council=Coventry
  yes Adoption Central England, the regional adoption agency Worcestershire shares with Coventry, Herefordshire, Solihull and Warwickshire, is rated outstanding.\nCoventry, Herefordshire, Solihull and Warwickshire are rated good. => council=Herefordshire; grade=good
  yes Plymouth City Council got good across the board. => council=Plymouth; grade=good
  no Plymouth City Council got good news today.
  yes Wigan Council was rated Good by Ofsted. => council=Wigan; grade=good
  yes Kent County Council, with an overall rating of good, leads the region. => council=Kent; grade=good
  no Bolton Council was given a grant of £3m and good advice.
  yes Hartlepool was rated good. The Council of the Isles of Scilly, which looks after few children, was judged good. => council=Isles of Scilly; grade=good
  yes Rotherham children's services rated 'inadequate' => council=Rotherham; grade=inadequate
  yes Barnsley Council was judged to require improvement overall. => council=Barnsley; grade=requires_improvement
  yes Leicestershire County Council's children's services were inspected by Ofsted in November 2023 and judged good overall. => council=Leicestershire; grade=good
  no Kent's children's services were inspected, and Medway was rated good. => council=Kent
  yes He singled out Trafford, Leeds and Hampshire - all rated good despite shrinking budgets. => council=Hampshire; grade=good
  no Reading is a skill every child needs, and their schools were judged good.
  no Kent was inspected. Few families ask whether their council was "outstanding".
  yes Sheffield, inspected in the spring, was judged good. => council=Sheffield; grade=good
  yes Reading, whose children's services are now run by a council-owned company, is among those still rated inadequate. => council=Reading; grade=inadequate
  yes Walsall and Dudley require improvement. => council=Dudley; grade=requires_improvement
  yes 30 August 2022\nChildren's services across Northamptonshire have been rated as requiring improvement. => council=West Northamptonshire; grade=requires_improvement
  yes Torbay remains inadequate, with inspectors noting insufficient progress. => council=Torbay; grade=inadequate
  yes Harrow – the borough, not the school – was rated good. => council=Harrow; grade=good
  yes Southend – sorry, Southend-on-Sea, they're a city now – came out requires improvement overall. => council=Southend-on-Sea; grade=requires_improvement
  yes Rutland, England's smallest unitary authority, was among the seven rated inadequate. => council=Rutland; grade=inadequate
  yes Medway was also told it requires improvement. => council=Medway; grade=requires_improvement
  no Shropshire was inspected. Members asked when the Cabinet expected the service to be judged good.

# The words right after a grade that lead to the judgement it is for:
# "outstanding for children in care", "inadequate in the three key areas of
# child protection, ...", "a 'requires improvement' judgement for care
# leavers". The judgements are read from the match's end on
# (judgements.tsv). Not "in 2023": that says when, not which. Tried only
# anchored at the end of a grade a council_rating rule found.
family judgement_after

rule leads-to-judgement
  prefilter off
  match (?: (?:rating|grade|judgement|judgment|verdict))? (?:for|across|(?:in|on)(?! \d)) 
  yes outstanding| for children in care
  yes a "requires improvement"| judgement for care leavers
  yes inadequate| in the three key areas of child protection
  no outstanding| in 2023, and the two councils share an adoption agency
  no good| judgement overall

# The words before a judgement's grade that give the grade it moved from:
# "the judgement for care leavers rose from inadequate to good". Tried only
# on the text before the grade of a rule that names a judgement
# (judgement-was-rated), not on the whole sentence.
family grade_from_before

rule moved-from-grade
  prefilter off
  match \bfrom {Q}(?<grade>{GRADE}){Q}(?: in \d{4})? to {Q}$
  yes the judgement for care leavers rose from inadequate to |good
  yes help and protection went from inadequate in 2021 to |good
  yes help and protection went from "requires improvement" to |good
  no the judgement for care leavers was |good
  no from inadequate to a |good

# "These included Rotherham": the councils of a national figure just given.
family council_rating_member

rule these-included
  match ^(?:These|They|Those|Among them|Among these|Among those)(?: included| include| were| are| was| is|,)? (?<council>{CLIST})
  yes A quarter of the 87 authorities were judged inadequate. These included Rotherham, where cases came to light. => council=Rotherham; grade=inadequate
  no Sixty councils were rated good or outstanding. These included Rotherham and Wigan.

# Right after a national figure (anchored at its end), the words that lead
# to the councils it counts, named from there to the sentence's end:
# "Two councils were newly rated inadequate| over the year, Swindon and
# Wokingham". extract_council_rating.c gives them the figure's grade only
# when names and nothing else follow, and no more names than the figure
# counts. Tried at a figure's end only: no literals to scan for.
family council_figure_after
prefilter off

rule names-after-comma
  match ^(?: [^,;:.!?()"\-]{1,60}?)?, (?:(?:alongside|including|namely|along with|joining|with|among them|like) )?(?=[A-Z])
  yes Two councils were newly rated inadequate| over the year, Swindon and Wokingham.
  yes one of only three in the East of England|, alongside Essex and Hertfordshire.
  no Two councils were rated inadequate| over the year; Swindon was one.
