# boilerplate.pat — page furniture that is not the article: job adverts,
# sign-up blurbs, navigation, "read more" links. Councils named there are not
# reported and no record is taken from there (SCHEMA: council).
#
# set scope paragraph  only the paragraph that matches (default)
# set scope block      the paragraphs between the blank lines around it
# set scope tail       the paragraph and everything after it, once the body has
#                      begun (a paragraph of 100 bytes or more above it);
#                      before that, the paragraph only

family boilerplate

rule signup-tail
  match ^(?i:(?:more (?:from|opinion|on this|stories|news)|read next|(?:next|previous) (?:debate|article|story|episode|item|page)|explore more on (?:these|this) topics?)\b.*|more in [^:.]{1,40}:(?: .*\|.*)?|sign up(?: to our newsletter)?|subscribe(?: now)?|newsletter sign ?up|related{HWORD}{0,3}|related{HWORD}{0,2}:.*|references|see also|external links|further reading|footnotes|notes and references|bibliography|jobs(?: (?:in|at|from) [\w ]{1,30}| of the (?:week|day|month))?|[\w ]{1,30} jobs|most (?:read|popular|viewed|shared|commented)(?: (?:in|on|from) [\w ]{1,30}| (?:stories|articles|news))?|trending(?: now| stories)?|in other news|popular now|editor's picks|share this(?: article| story)?|did you enjoy this article\??|you (?:may|might) also like|more like this|similar (?:threads|posts|topics|stories|articles|discussions|properties|homes|listings|employers|jobs|roles|vacancies|organisations)|popular searches\b.*|recommended|(?:reader )?comments|(?:most relevant |top |reader |show more )?replies|most relevant(?: ▾)?|(?:tags?|topics?):.*|linkedin banner|people also (?:viewed|read))$
  set scope tail
  yes SIGN UP
  yes Highways jobs
  yes More from CYP Today:
  yes MORE OPINION
  yes MOST READ IN NEWS
  yes Trending now
  yes Related fact checks
  yes Related
  yes Explore more on these topics: Social care · Children · Torbay · Stockport
  yes Next debate: Local Government Finance: Norfolk and Suffolk
  yes More in Inspection Essentials: How Slough's company works | What went wrong in Northamptonshire
  yes People also viewed
  yes References
  yes See also
  yes Related decisions: Hartlepool Borough Council (23 017 445) | Redcar & Cleveland Borough Council (23 011 902)
  yes JOBS IN SOCIAL CARE
  yes JOBS OF THE WEEK
  yes Similar threads
  yes You might also like
  yes Most relevant replies
  yes Most relevant ▾
  yes Similar properties
  yes Similar employers
  yes Popular searches: Children's homes in Derbyshire · Shropshire · Cheshire East
  no References to Kent were removed from the report.
  no Related services in Kent were rated good last year.
  no Jobs were lost when Kent County Council cut its budget.
  no More in the North East were rated good: Gateshead and North Tyneside.

rule job-salary
  match (?:£\s?\d[\d,.]*\s*-\s*£\s?\d[\d,.]*|\| GBP \d[\d,.]*(?: - \d[\d,.]*)?$|£\s?\d{2,3},\d{3} to £\s?\d{2,3},\d{3}(?: per annum| pa| a year)?$|\bper annum\b|^Recrui?u?i?ter:|^Recuriter:|^(?i:closing date|salary|location|contract type|job type|apply by|hours):|^(?i:apply now)$|^(?i:jobs? (?:at|with) [^:.]{1,40}(?::| \(\d+\)$))|^(?:JOBS|Jobs|Latest jobs|LATEST JOBS|Job of the week|JOB OF THE WEEK): [^\n]{0,200}?(?: [–-] £\s?\d{2,3},\d{3}| \| )|(?i:\bapply (?:at|online at|via|on) )(?:www\.|jobs\.|careers\.)?[\w-]+(?:\.[\w-]+)*\.(?:gov\.uk|co\.uk|org\.uk|com|org)\b)
  set scope block
  yes £46142 - £49282
  yes JOBS: Team manager, fostering – Rutland County Council – £48,000 | Senior practitioner – Northamptonshire Children’s Trust
  no Jobs: the council has cut 40 posts since 2020.
  yes Jobs at Oldham Council: Advanced Practitioner, Children in Care – also advertised by partner authorities Tameside Council and Stockport Council.
  yes Team manager, children in care. Apply at jobs.kent.gov.uk
  no Jobs at Kent County Council were cut last year.
  yes Independent Reviewing Officer - Staffordshire County Council - £40,476 to £43,693
  yes Recruiter: Essex County Council
  yes Jobs at Trafford Council (6)
  yes Team manager, fostering | London Borough of Lewisham | GBP 51,000
  no Kent County Council spent £2bn on children's services.
  no Its budget rose from £120,000 to £135,000 this year.

# A signature standing as a paragraph of its own: a letter's "Margaret
# Ellis, Norwich", "Dr Alan Harrow, Stockport". The place is the writer's
# address, not a council the text is about. Anchored at a paragraph's
# start and tried once there: no literal to scan for. The words are read
# first and an organisation's name ("Hull City Council, Hull") turned away
# by a look back at the comma: a look ahead over the paragraph first cost a
# quarter of all rule time on news text.
rule signature
  prefilter off
  match ^[A-Z][a-z'.-]+{NAMENEXT}{1,3}(?<!Council|Borough|County|City|Trust|Ofsted|University|Police), [A-Z][\w'-]+{CAPNEXT}{0,2}$
  yes Dr Alan Harrow, Stockport
  yes Margaret Ellis, Norwich
  no Hull City Council, Hull
  no Jane Smith, Stockport's director of children's services, said the report was fair.

# An advertisement's label and the lines of its block: "ADVERTISEMENT" over
# "Foster for Essex - could you give a child a home?". Only its block: a
# label standing alone in the middle of an article takes nothing else.
rule advert-label
  match ^(?i:advertisement|advert|sponsored|sponsored content|promoted|promoted content|paid content|partner content|paid partnership)$
  set scope block
  yes ADVERTISEMENT
  yes Sponsored content
  no Advertisement campaigns were run in Essex.

# A paragraph that opens on a mark of what is not the article: a sponsor's
# label ("SPONSORED: Could you foster? Norfolk County Council and Suffolk
# County Council are looking for ...", "[ADVERT BREAK: ...]" in a
# transcript; the label alone on its line is advert-label), a section's own links in capitals ("MORE THEN AND NOW:
# Barnsley's market hall | The last trolleybus") or a footnote's mark ("²
# Ofsted, 'Inspection of Swindon Borough Council children's services'",
# "[3] Department for Education, 2024") or a news feed's metadata line
# pasted with its tags ("<category>Stockton-on-Tees</category>", "<link>",
# "<pubDate>"; a feed item's <title> and <description> are its text). One
# rule, not several: each rule
# tried on every paragraph costs 0.3% of a news-like run.
rule label-line
  match ^(?:(?:\[?(?i:sponsored|advertisement|advertorial|promoted|paid partnership|partner content|advert break|ad break)(?: content)?:|MORE [A-Z][A-Z' ]{1,30}:|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\d{1,3}\])\s|<(?:category|guid|link|pubDate|dc:creator|dc:subject|author|comments|source|enclosure|media:[a-z]+)\b[^>]*>)
  set scope paragraph
  yes SPONSORED: Could you foster? Norfolk County Council is looking for 300 new foster families.
  no Sponsored by the council, the scheme has placed 40 children.
  yes MORE THEN AND NOW: Barnsley's market hall, 1975 and today | The last trolleybus to Bentley
  no More importantly: the council has recruited 30 social workers.
  yes ² Ofsted, ‘Inspection of Swindon Borough Council children’s services’, 2018.
  yes [3] Department for Education, Children's social work workforce, 2024.
  yes [ADVERT BREAK: Reading Festival ticket offer; West Berkshire Council fostering campaign]
  no 2 Ofsted inspected Swindon in 2018.
  yes <category>Stockton-on-Tees</category>
  no <title>Stockton-on-Tees children's services rated good</title>

# "Read more" alone on its line heads a block of links to other stories,
# which may stand in the middle of an article: the block is furniture, the
# article goes on after the blank line.
rule read-more-heading
  match (?i:^read more\s*:?$)
  set scope block
  yes Read more
  yes READ MORE:
  no Read more about the inspection in the full report online.

rule read-more
# Anchored at the paragraph's start (every alternative after one ^), so the
# search is one attempt, not one per position; "... Read more" at the end
# is the rule below.
  match (?i:^(?:read more\b|(?:see|read) also\b|click here\b|advertisement$|have your say$|follow us\b|all rights reserved|copyright\b|©|image (?:source|caption|copyright)\b|related topics\b|share (?:this|on)\b|trending\b|most read\b|(?:we use |accept (?:all )?)cookies\b|(?:published|updated|last updated)(?: on)?:?\s|\d+ (?:hours?|minutes?|days?) ago$|getty images$|pa media$))
  set scope paragraph
  yes Image caption, Kent County Council's headquarters in Maidstone
  yes Related Topics
  yes Read more: the inspection report
  no Read the full report on the Ofsted website before the meeting.

rule read-more-end
  match (?i:\sread more\s*:?$)
  set scope paragraph
  yes Labour fears potential privatisation of child protection services Read more
  yes Council leader resigns over damning report - read more:
  no Read more about the inspection in the full report online.

# A newsletter sign-up that names the places it covers: "Sign up to our free
# weekly newsletter for news from Reading, Wokingham and Windsor".
rule newsletter-blurb
  match (?i:^(?:(?:sign up|subscribe|register)(?: now| today| here| free)?(?: for free)? (?:to|for) (?:our|the)\b[^.!?]{0,60}?\b(?:newsletters?|bulletins?|email alerts?|e-?mail updates)\b|get (?:the|all the|our|your)\b[^.!?]{0,80}?\b(?:inbox|newsletters?|bulletin)\b))
  set scope paragraph
  yes Sign up to our free weekly newsletter for news from Reading, Wokingham and Windsor.
  yes Subscribe to our newsletter for the latest news from Merseyside.
  yes Get the Midlands Data newsletter: the numbers behind the news from Birmingham, Coventry and Leicester, every Friday.
  yes Get the latest headlines from Kent delivered straight to your inbox.
  no Sign up to the fostering scheme was slow, the council admitted.
  no Subscribe to the idea that every child matters, the report urged.

# A sponsor's message read into a podcast or printed in a newsletter:
# "This episode is supported by CareRecruit, hiring for Essex County Council".
rule sponsor
  match (?i:^(?:(?:this|today's|this week's|the|our) (?:[\w']+ ){0,2}(?:episode|podcast|programme|show|newsletter|feature|series|bulletin|page|quiz|puzzle|event|conference|summit|awards|webinar|supplement)(?: of [^.!?]{1,60}?)? (?:is|was|comes to you|has been) (?:supported|sponsored|brought to you|paid for|funded|made possible)\b|(?:headline |main |lead |event |official )?sponsors?(?: partner)?: ))
  set scope paragraph
  yes This episode of The Caseload is supported by CareRecruit. CareRecruit is hiring for Essex County Council.
  yes Today's newsletter is sponsored by FosterPlus.
  yes The Friday quiz is sponsored by Fostering Futures, recruiting foster carers across Kent and Medway.
  yes Headline sponsor: Beacon Recruitment — interim roles across Essex, Kent and Surrey.
  no This report was supported by Essex County Council's data team.

# A postal address: its block ends with a postcode ("Store Street /
# Manchester / M1 2WD"), so the whole block is letterhead, not article.
# The town is read word by word, each word possessively: a class repeated
# over the first 40 characters cost 2.4% of a run over news text, trying
# the postcode at each of them in every paragraph.
rule postal-address
  match ^(?:[A-Z][\w'-]*+{CAPNEXTP}{0,3},? )?{POSTCODE}$
  set scope block
  yes M1 2WD
  yes Ellesmere Port CH65 0BE
  no Junction M1 2WD closed
  no The M62 was closed.

rule membership-blurb
  match (?i:\b(?:digital membership|print issues|digital issues|unlimited access|from £\d+ ?/ ?month|free daily news bulletin|register now|log ?in to read|already a subscriber)\b)
  set scope block
  yes Archive of more than 60,000 articles. Unlimited access to our online Topic Hubs
  no Councils have limited access to funding.
