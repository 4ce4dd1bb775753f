# councils.pat — context rules for the council gazetteer (councils.tsv).
# The gazetteer finds every surface form of every authority; these rules
# decide which bare-name matches are real mentions (see AMBIGUOUS.md).
#
# *_before rules see the text just before a name and must end with $;
# *_after rules are anchored at the end of the name.
#
# They are tried only around a name the gazetteer found, a few hundred times
# in a thousand articles, and PCRE2 turns such a short window away at once.
# So they stay out of the literal prefilter: it would record their common
# words (" and ", "was", "new") all through every document to save those
# few calls.
prefilter off

# ---- never a council, whatever the name -----------------------------------
family council_reject_before

# A place after a word that makes it part of another name: "New York", "the
# Duke of York", "the University of York", a peer's territorial title ("Lord
# Ashworth of Kirkby", "Baroness Kershaw of Rochdale"; not "the Lord Mayor of
# Leeds", the city council's own office).
rule place-prefix
  match (?:\b(?:New|Greater|Mount|Old|Lake|Port|Fort|Mid|East|West|North|South|Central|Upper|Lower|Little|Great)|\b(?:Duke|Duchess|Earl|Marquess|Bishop|Archbishop|Baron|Countess|Viscount|University|Archdeacon|Diocese|Dean|See) of(?: the)?|\b(?:[Mm]inisters|MPs|[Pp]eers|[Pp]oliticians|[Ll]obbyists|[Pp]arliament) (?:in|at)|\b(?:Lord|Lady|Baroness|Baron|Viscount|Viscountess|Countess|Earl) (?!Mayor )[A-Z][\w'-]+(?:[ -][A-Z][\w'-]+)? of|\bHMP|\bRAF|\bHMS)\s*$
  yes He flew to New |York
  yes the Duke of |York
  yes the noble Baroness, Lady Kershaw of |Rochdale
  yes Lord Ashworth of |Kirkby
  no the Lord Mayor of |Leeds
  yes studied at the University of |York
  no children's services in |York
  yes our neighbours in the Diocese of |Newcastle
  yes ministers in |Westminster have been quick to claim the credit
  yes the reforms, which MPs in |Westminster are scrutinising this month
  no the reforms, which councillors in |Westminster are scrutinising

# An event's venue: "the National Children and Adult Services Conference in
# Bournemouth". Its own rule: its few first letters let PCRE2 skip to them.
rule event-venue
  match (?:[Cc]onference|[Ss]ummit|[Cc]ongress|[Cc]onvention|[Ff]estival|[Ee]xpo|[Ss]peech|[Ll]ecture|[Rr]ally|[Kk]eynote|[Ss]eminar|[Ww]orkshop|[Ee]vent|[Dd]ebate|[Hh]usting|[Hh]ustings|[Cc]eremony|[Ll]aunch|[Cc]ourt|[Tt]ribunal|[Ii]nquest|[Hh]earing) (?:in|at)\s*$
  yes discussed at the National Children and Adult Services Conference in |Bournemouth
  no the conference heard from |Bournemouth
  yes used a speech in |Leeds
  yes the family court at |Middlesbrough
  no a rise in |Leeds

# A title's area or a firm's base, and the rest of a list after it: "the
# area coroner for Kent and Medway", "the Police and Crime Commissioner for
# Essex", "a company based in Essex", "family law solicitors in
# Manchester", "offices in Chelmsford, Southend-on-Sea and London". The
# place locates the office or the firm; the council is not named (GOLD.md).
rule office-or-firm-area
  match (?:\b[Cc]oroner (?:for|of)|\bCrime Commissioner for|\b(?:[Cc]ompany|[Ff]irm|[Bb]usiness|[Cc]onsultancy|[Cc]ontractor|[Ss]upplier|[Ll]td|[Ll]imited|plc|LLP)(?:,)? (?:based|headquartered|registered) in|\b(?:[Ss]olicitors|[Aa]ccountants|[Bb]arristers' chambers|[Ll]aw firm) (?:based )?in|\b(?:[Oo]ffices|[Hh]eadquarters|[Bb]ranches) (?:in|at)) (?:{PLACENAME}(?:, | and ))*$
  yes the area coroner for |Kent and Medway
  yes the area coroner for Kent and |Medway
  yes a company based in |Essex
  yes family law solicitors in |Manchester
  yes with offices in Chelmsford, |Southend-on-Sea and London
  no children in care in |Essex
  no the council's offices were closed and |Essex

# A sports fixture or result: "NEXT MATCH: Rovers v |Barnsley", "Barnsley|
# vs Leeds", "Sunderland 2-1 |Middlesbrough"
# (a name with its council's word, "Leeds City Council", is not asked).
rule fixture-before
  match (?:^|[^\w.])(?:v|vs\.?|\d{1,2}-\d{1,2}) $
  yes Sunderland 2-1 |Middlesbrough: late winner
  yes NEXT MATCH: Rovers v |Barnsley
  yes Rovers vs |Barnsley
  no a visit to |Barnsley

family council_reject_after

rule fixture-after
  match ^ (?:v|vs\.?) [A-Z]
  yes Barnsley| v Rovers on Saturday
  no Barnsley| visited Rovers

rule body-suffix
  match ^(?:'s)?\s(?:[A-Z][a-z]+\s+(?=University|College)|City\s+|Business\s+|Daily\s+|Sunday\s+|Weekly\s+)?(?:University|College|Police|Constabulary|Airport|FC|AFC|Rovers|United|Town|Tigers|Wanderers|Athletic|Albion|Argyle|Forest|Central|Castle|Crown Court|Magistrates|Cathedral|Grammar|Academy|School|Festival|Water|Park|Hall|Safari|Trust|Coldfield|Cross|crude|Approach|Secure Training Centre|STC|St Edmunds|Square|sausage|sauce|Hoard|bull terrier|CCC|RLFC|RFC|Evening|Echo|Post|Chronicle|Telegraph|Star|Live|Gazette|Herald|Mail|News|Times|Argus|Advertiser|Observer|Journal|Standard|Examiner|Express|Pride|Zoo|Museum|Hospital|Teaching Hospitals|Royal Infirmary|Infirmary|Prison|Bay|Harbour|Dock|Docks|Station|Street|Road|Lane|Avenue|Bridge|River|Valley|Hills|Moor|Heath|Green|Common|Forest School|Healthcare|Health and Care|Acute Hospitals|Community Health|(?:Group )?NHS|Palace|branch|Branch|Fire and Rescue|Fire Service|Fire Authority|Foundation|Community Foundation|Integrated Care Board|ICB|Clinical Commissioning Group|CCG|Health Board|Safeguarding Children Partnership|Safeguarding Partnership|Safeguarding Children Board)\b
  yes the Sutton| Trust said
  yes support from Nottinghamshire| Healthcare NHS Foundation Trust
  yes a passport from the Dudley| Group NHS Foundation Trust
  yes recruiting with the Herefordshire and Worcestershire| Health and Care NHS Trust
  yes with support from Lambeth| Palace
  yes a joint workshop with the Derby City| branch
  yes Co-author Dr Okafor is now at Nottingham| Trent University.
  yes Birmingham| City University
  yes Leeds| United won again
  yes the family support team in Stockton| Heath
  yes the Hull| Daily Mail led on it
  yes officers from West Mercia Police and Shropshire| Fire and Rescue Service
  yes grants from the Kirklees| Community Foundation
  yes and the Westminster| Foundation
  yes The Leicester, Leicestershire and Rutland| Integrated Care Board commissions it
  yes The Kent and Medway| Safeguarding Children Partnership will respond.
  yes worse than Plymouth| Argyle's back four
  yes Delivered at Manchester| Central
  yes signatures from Leeds| Central and Headingley
  no Derby| Council
  no Derby|'s children's services

# An MP's constituency in brackets after the name: "Tom Grainger
# (Kingston upon Hull East)"; or in running text a constituency, a coroner's
# area or a division named by the place and a compass point ("Assistant
# Coroner for Manchester North"), unless a name goes on after it ("Bristol
# North Somerset" is two places).
rule constituency
  match ^\s(?:North|South|East|West|Central|North East|North West|South East|South West)(?:(?: and [A-Z][\w ]{1,40})?\)|\b(?! [A-Z]|-))
  yes Tom Grainger (Kingston upon Hull| East)
  no children in Kingston upon Hull| (East Riding next door)
  yes Assistant Coroner for Manchester| North.
  no Bristol| North Somerset and South Gloucestershire

# A body two places share: "Devon and Cornwall Police", "the Kent and
# Medway Safeguarding Children Partnership", "Cambridgeshire and
# Peterborough ICB" (the second name meets body-suffix).
rule joint-police
  match ^ and [A-Z][\w-]+(?: [A-Z][\w-]+)? (?:Police|Constabulary|Fire and Rescue|Fire|NHS|Probation|Safeguarding|ICB|Integrated Care|CCG|Clinical Commissioning|Health and Care)\b
  yes Devon| and Cornwall Police said
  yes The Kent| and Medway Safeguarding Children Partnership will publish its own response.
  yes Invite the Cambridgeshire| and Peterborough ICB to the workshop
  no Devon| and Cornwall councils

rule city-or-county-club
  match ^\s(?:City|County|Town)(?!\s+(?:Council|council|Borough))\b
  yes Hull| City beat them at home
  yes Derby| County
  no Hull| City Council

rule idiom
  match ^\s(?:of Despond|off|fans?|supporters?|season tickets?)\b
  yes Slough| of Despond
  yes Half of them are Leeds| fans

# A county's land rather than its council: "the Essex bank of the Thames",
# "a Kent village", "the Norfolk coast".
rule geography
  match ^\s(?:bank|side|coast|coastline|border|borders|countryside|village|villages|town|towns|hamlet|seaside|shore|estuary|marshes|dales|fells|moors|landscape|lanes)\b
  yes Thurrock, which sits on the Essex| bank of the Thames
  yes a Kent| village
  no Kent| County Council

# A postal address: the name, then a postcode ("Manchester M1 2WD") or its
# district alone ending the address ("Church House, Westminster, SW1.").
rule postcode
  match ^,? (?:{POSTCODE}|[A-Z]{1,2}\d[A-Z\d]?(?=[.,;]|$))\b
  yes Store Street Manchester| M1 2WD
  yes Church House, Westminster|, SW1.
  no Manchester| M1 motorway

# A place abroad of the same name: "a university in Richmond, Virginia",
# "Durham, North Carolina", "Kingston, Jamaica".
rule place-abroad
  match ^,? (?:Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington State|West Virginia|Wisconsin|Wyoming|USA|US|U\.S\.|the US|the United States|Ontario|Quebec|British Columbia|Nova Scotia|Canada|Jamaica|New South Wales|NSW|Queensland|Tasmania|Australia|New Zealand)\b
  yes a university in Richmond|, Virginia, who has studied
  yes Durham|, North Carolina
  no Richmond|, Kingston and Sutton

family council_body_after

# A body that delivers an authority's children's services is named after
# it, but its name is not the authority's (AMBIGUOUS.md §9): "Sandwell
# Children's Trust" is no council record. A grade given to the body is the
# authority's, though ("Sandwell Children's Trust was rated good"), so
# extract_council.c keeps the name for the council ratings, as a mention
# that lends no support to the bare name elsewhere. "Northamptonshire
# Children's Trust" serves the two unitaries that replaced the county.
rule delivery-body
  match ^(?:'s)?\s(?:Children's (?:Services )?Trust|Children First|Children's Services Company)\b
  yes the Northamptonshire| Children's Trust answered
  yes Slough| Children First took over
  no Sandwell|'s children's services

# A name after a place that is no council and a comma, the place after a
# preposition: "born in Sutton-in-Ashfield, Nottinghamshire, to ...". The
# name only locates the place (GOLD.md). extract_council.c tries this only
# where the name is followed by a comma, a full stop or the paragraph's end
# and no council name ends at the comma.
family council_locator_before

rule town-comma
  match \b(?:in|from|near|at|outside|of|to)\s+(?:{PLACENAME}, ){1,3}$
  yes Born in Sutton-in-Ashfield, |Nottinghamshire
  yes found dead at the flat in Cliftonville, Margate, |Kent, on 3 August
  yes a farm near Hutton Rudby, |North Yorkshire
  no Councils across |Nottinghamshire

# ---- named in passing: no focus for "the council" ------------------------
# A council named as a person's former employer or as a partner is still a
# mention (and its own grades are its own), but "the council" in the
# sentences after it means the article's council, not this one
# (ix_ctx_focus_row). The text before the name; ends with $.
family council_aside_before

rule former-employer
  match \b(?:(?i:former(?:ly)?)\s+(?:(?:[\w'-]+\s+){0,5}(?:of|from|at|with|in)\s+)?(?:the\s+)?|\bex-|\b(?:previously|once|until recently)\s+(?:worked\s+)?(?:at|with|for|of|in)\s+(?:the\s+)?|\b(?:seconded|on secondment|on loan|poached|recruited|headhunted|moved over|joined us|arrived)\s+from\s+(?:the\s+)?)$
  yes the former |Hampshire director Colin Ashdown
  yes chaired by a former director from |Essex County Council
  yes a former director of children's services at |Kent
  yes Ms Hale, formerly of |Leeds City Council, said
  yes seconded from |Leeds
  yes the ex-|Essex chief
  no Ofsted inspectors visited |Essex
  no children's services in |Essex were rated good

# A person's employer after the name and the post, as a team or a panel is
# listed: "Joanne Mercer, Head of Service for Children in Care, |Milton
# Keynes City Council". The council of the article is not a visitor's.
rule affiliation
  match [A-Z][a-z'-]+, (?=[^,\n]*?(?i:director|head|manager|officer|councillor|cllr|member|lead|chief|executive|holder|adviser|advisor|consultant|principal|chair))[^,\n]{3,80}, $
  yes • Joanne Mercer, Head of Service for Children in Care, |Milton Keynes City Council
  yes • Cllr Imran Qureshi, portfolio holder for children and families, |Luton Borough Council (member peer)
  no Neighbouring councils include Calderdale, Kirklees, |Bradford and Leeds
  no The director, Jane Smith, said |Leeds was improving

rule partner
  match \b(?:(?i:partner(?:ship|s|ed|ing)?)(?:\s+(?:council|authority|agreement|arrangement))?\s+(?:with|alongside)|paired\s+with|twinned\s+with|teamed\s+up\s+with|(?:supported|mentored|advised|helped|coached)\s+by|(?:support|advice|help|mentoring)\s+from|(?:sector-led\s+)?improvement\s+partner(?:,)?)\s+(?:the\s+|neighbouring\s+|nearby\s+)?(?:[a-z]+\s+){0,2}$
  yes an improvement partnership with |Essex County Council, whose services are outstanding
  yes the council will be mentored by |Leeds
  yes with support from neighbouring |Hertfordshire
  yes its improvement partner, |Essex
  no services in |Essex were rated good
  no a report on |Essex

# A council the article's is measured against: "Pay is behind |Blackburn
# with Darwen", "better than |Leeds". A comparison names it in passing.
rule measured-against
  match \b(?:behind|ahead of|than|unlike|(?i:compared)\s+(?:with|to)|(?i:in comparison)\s+(?:with|to))\s+(?:the\s+|neighbouring\s+|nearby\s+)?$
  yes Pay is behind |Blackburn with Darwen and a couple of the boroughs.
  yes Our caseloads are lower than |Leeds.
  yes Compared with |Kirklees, the pay is poor.
  no Ofsted rated |Leeds good.

# A neighbour named beside the article's authority: "Across the boundary,
# neighbouring Rotherham's services were judged inadequate" does not make
# Rotherham what "the council" means in the sentences after.
rule neighbour
  match \b(?i:neighbouring|neighboring|nearby|next-door|adjoining)\s+$
  yes Across the boundary, neighbouring |Rotherham's services were judged inadequate
  yes the nearby |Wirral council
  no services in |Rotherham were judged inadequate

# ---- names that are also surnames (risk "surname" in councils.tsv) --------
family council_person_before

rule title-or-first-name
  match (?:\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Lord|Lady|Dame|Cllr|Councillor|Professor|Prof|Judge|Justice|Rev|Reverend|Baroness|Inspector|Detective|Sergeant|Chief Inspector|Sgt)\.?\s(?:[A-Z][a-z]+\s)?|(?<![.!?"]\s)(?<=\s|^)(?!(?:In|At|For|And|The|But|From|With|By|Of|To|On|Like|Both|Unlike|While|Across|Outside|Inside|Near|Including|Within|Neighbouring|Nearby|As|Than|Or|Nor|Only|Even|Also|Meanwhile|Between|Under|Over|Into|Unlike|Where|When|Council|Councils|Ofsted|Only|Where|Whereas|Although|Though|Neither|Either|See|Read|Visit|Compare|Contact|Email|Call|Ask|Join|Watch|Download|Cllr|Labour|Tory|Conservative|Liberal|Lib|Democrat|Democrats|Green|Independent|Rural|Urban|Inner|Outer|England|English|London|Yorkshire|During|After|Before|Since|Until|Unlike|Around|Through|Throughout|About|Against|Besides|Beyond|Despite|Except|Towards|Upon|Via|Versus|Despite|Among|Amongst|Following|Leaving|Joining|Visiting|Covering|Serving|Including|Excluding|Places|Areas|Authorities|Such|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s)[A-Z][a-z]+\s)$
  yes said Mr |Bolton
  yes according to John |Bolton
  no councils including |Bolton
  no In |Bolton
  no Read |Wigan's 2023 inspection report, pages 4 to 9
  no In March |Bolton
  no By Tuesday |Bolton

family council_person_after

rule speech-verb
  match ^\s(?:said|says|told|added|argued|wrote|explained|insisted|claimed|admitted|warned)\b
  yes Bolton| said the council had failed
  no Bolton| Council said

# "Marcus Kent, Ofsted's regional director for the South East, said": a
# role in apposition makes a surname-like name a person's, even where the
# first name opens the sentence and so tells nothing. The role heads the
# apposition: "In Dudley, the impact of leaders was judged good" names none.
rule role-apposition
  match ^, (?!(?:whose|which|where|who|when)\b)(?:[A-Z][\w-]*'s |the |an? |its |their )?(?:(?!of )[\w-]+ ){0,3}?(?:director|chief executive|inspector|spokes(?:man|woman|person)|leader|minister|secretary|chair(?:man|woman)?|officer|manager|commissioner|councillor|MP|researcher|professor|lecturer|reporter|editor|correspondent|solicitor|barrister|judge|campaigner|founder)s?\b
  yes Kent|, Ofsted's regional director for the South East, said
  yes Halton|, a researcher at the Northern Policy Lab, said
  no Kent|, whose director of children's services left in May, was rated good
  no Kent|, England's largest county, was rated good
  no Dudley|, the impact of leaders was judged good

# ---- support for names that are everyday words or other places ------------
family council_support_after

rule council-context
  match ^(?:'s(?: own)?)?\s(?:council|Council|Borough|borough|authority|Authority|City Council|County Council|Metropolitan|MBC|local authority|children's services|Children's Services|children's social care|Children's Social Care|social services|social care|Safeguarding|safeguarding|LSCB|LSCP|director of children's services|DCS|children's homes?|care leavers|looked-after children|Ofsted)\b|^'s (?:{YEAR} |latest |last |most recent |recent |first |previous |next |full |focused )*(?:inspections?|(?:re-)?inspected|monitoring visits?|focused visits?)\b|^ \(the (?:borough|council|authority|local authority|county|county council|city council|unitary)\b
  yes Medway|'s own children's services
  yes Sutton|'s children's services
  yes Wigan|'s 2023 inspection report, pages 4 to 9
  yes Knowsley| (the borough, not the safari park) is useful
  yes Sutton| Council
  no Reading| Festival

# A table row: the name, then its grade as a table writes it ("8. Derby
# Requires improvement 24% 16%"; CELLSEP and TABLEGRADE, common.pat).
rule table-grade
  match ^{DATECELL}?{CELLSEP} {TABLEGRADE}
  yes Sandwell| June 2024 Good Requires improvement to be good (2021)
  yes Derby| Requires improvement 24% 16% 17
  yes Derby| Requires improvement to be good 24% 16% 17
  no Reading| Good Food Festival
  yes Wigan| – Good (2022)
  no Reading| – Good Food Festival

# A move written with an arrow (council_ratings/arrow-move): "Slough: RI →
# good".
rule arrow-grade
  match ^:? ["']?(?:{GRADE}|RI)["']? (?:→|->|=>|⇒|➡️?) 
  yes Slough|: RI → good
  no Slough|: RI meeting → Tuesday

# An employer's name before the post taken there: "joined Oldham as head of
# early help", "moved to Stockport as its director of children's services".
rule post-as
  match ^ as (?:its |the |a |an )?(?:new |interim |acting |permanent |deputy |assistant )?(?:(?:director|head|chief executive|service manager|principal social worker|lead member|cabinet member)\b|DCS\b)
  yes Oldham| as head of early help
  yes Stockport| as its new director of children's services
  no Reading| as a hobby

family council_support_sentence

rule council-vocabulary
  match (?i:\b(?:councils?|local authorit(?:y|ies)|authorit(?:y|ies)|children's services|social care|social work(?:ers?)?|safeguarding|child protection|ofsted|inspect(?:ed|ion|ions|ors?)|rated|judged|inadequate|requires improvement|care leavers|children in care|(?:grew up|growing up|raised|placed|lived|living|taken) (?:in|into) care|placed by|leaving care|(?:commissioned|provided|run|shared) jointly|foster care(?:rs?)?|looked-after|fostering|adoption|commissioner|intervention|upgraded|downgraded)\b)
  yes Sunderland, whose children's services have been taken over
  yes Luke Sefton, who grew up in foster care in Wakefield, will act as the ambassador.
  yes The striker, who was taken into care in Wakefield as a baby, scored twice.
  yes But Plymouth, just along the coast, was upgraded to good in the summer.
  yes The advocacy service, which is commissioned jointly with Halton and St Helens, helped 23 young people.
  yes I've had three calls asking if I'll take a 15 yr old placed by Reading
  no Reading is fun.

# A name that is also a word opening a sentence with its object after it is
# that word, a verb, even where the document names the council elsewhere:
# "Reading it now", "Bury the past".
family council_start_reject_after

rule verb-object
  match ^ (?:it|them|this|that|these|those|the|an?|his|her|their|my|our|your|through)\b
  yes Reading| it now
  yes Reading| the report again, I was struck by its tone
  no Reading| was rated good
  no Reading|, the borough, was rated good

# A name that is also a word may open a sentence as a council when a verb of
# being or having follows: "Kent was rated good", not "Reading is a skill".
family council_start_after

rule aux-follows
  match ^(?:'s (?:[\w'-]+ ){0,2}(?:services?|department|social care|safeguarding|trust)\b|(?:'s)?(?:,? (?:was|were|has|had|have|became|remains|remained|now|is (?:now|still|one|among|rated|judged|currently|the only|good|outstanding|inadequate|in)|has been|had been|also|said|says|council|Council)\b|, (?:rated|judged|inspected|graded|which|whose|where|too|by contrast)\b|(?:(?:, |,? and )[A-Z][\w'-]+{CAPNEXT}{0,3})*,? and [A-Z][\w'-]+{CAPNEXT}{0,3} (?:are|were|have|had|both|each|all)\b|,(?: (?:then|now|already|itself|also))? one of (?:the |only |just )?(?:\d+|[a-z]+) (?:councils|authorities|local authorities|areas|unitaries|boroughs|counties)\b| (?:retained|kept|held on to|held onto|lost|won|regained|received|earned|achieved) (?:the |its |their |an? )?["'‘“]?(?:outstanding|good|inadequate|requires improvement|adequate|top|highest|lowest)\b|, (?:an?|the|[A-Z]\w+'s) (?:[\w-]+ ){0,3}(?:city|town|borough|county|port|authority|council|unitary)\b| - [^.;:!?]{1,100}? - (?:was|were|is|are|has|had|have|came|remains|remained)\b|, (?:like|unlike|as with|alongside|along with|together with) [^.;:!?,]{1,60}, (?:was|were|is|are|has|had|have|remains|remained)\b))
  yes Kent| was rated good
  yes Bradford|'s services were rated inadequate in 2018
  yes Kent|'s social care department was judged good
  yes Slough|'s children's trust was rated inadequate for the third time
  yes Bradford|, rated requires improvement in 2014, is now inadequate
  yes Hull|, a port city in northern England, was rated good last year
  yes Rutland|, England's smallest unitary authority, was among the seven
  yes Harrow| - the borough, not the school - was rated good
  yes Wigan|, like neighbouring Bolton, was rated good
  yes Wigan|, unlike Bolton, has been judged good
  no Reading| is a key skill
  yes Coventry| retained the outstanding grade it won in 2019
  yes Kent|, then one of the few councils rated outstanding
  yes Knowsley| and St Helens are both working hard towards good
  yes Camden|, Kensington and Chelsea and Islington are among the other London boroughs at the top of the scale
  no Reading|, writing and arithmetic are the basics
  no Reading|, one of my favourite hobbies
  no Reading| retained its charm
