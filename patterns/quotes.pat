# quotes.pat — who said a quotation.
#
# extract_quote.c pairs the quote marks itself (curly or straight, single or
# double, British multi-paragraph quotations); these rules find the
# attribution around each quotation and capture:
#   subj    the speaker phrase as written ("Ofsted's chief inspector, Sir
#           Michael Wilshaw", "A Department for Education spokesman", "he");
#           extract_quote.c splits it into name, title, role and organisation
#   verb    the reporting verb
# Families, tried in this order:
#   quote_after      anchored right after the closing mark: "...," said X.
#   quote_before     must end at the opening mark: X said: "..."
#   quote_final      the rest of the sentence ends ", X said."
#   quote_sentence   reported speech earlier in the sentence: X said it "..."
#   quote_coordinated  the subject's first verb is another: X did Y and said "..."
#   quote_colon      the previous paragraph ends "X said:" or reports X
#   quote_prev       the previous sentence's subject: "Simmonds also ... ."
# A quotation of one or two words is never a quote; three or more words need
# one of these attributions unless they stand as a sentence or more.
#
# A rule marked "prefilter off" holds no literal that every match needs (a
# capitalised name, a pronoun): the literal prefilter cannot skip it, and it
# says so, or `inspex rules --check` fails. Such rules are tried only next
# to a quotation, or on the few words of a speaker phrase.

family quote_after

# Kept under about a hundred forms: past that, the prefilter cannot name
# the literals every match must hold (prefilter.c's SET_CAP), and the rules
# built on SAY run on every sentence of every document (`inspex rules
# --check` then fails, naming them).
words SAYW said | says that | states that | notes that | adds that | argues that | comments that | praised | criticised | criticized | welcomed | condemned | said | says | say | added | adds | told | tells | warned | warns | explained | explains | insisted | insists | claimed | argued | argues | stressed | continued | continues | commented | admitted | admits | noted | acknowledged | wrote | written | writes | write | replied | responded | concluded | asked | asks | urged | urges | declared | observed | suggested | remarked | reported | found | stated | states | cautioned | predicted | announced | confirmed | conceded | concedes | recalled | highlighted | emphasised | emphasized | pointed out | went on | agreed | complained | revealed | recommended | tweeted | posted | blogged | wrote on | said on | fumed | raged | blasted | slammed | hit out | hit back | lashed out | vowed | pleaded | begged | demanded | joked | quipped | boasted | snapped | thundered | promised | pledged | apologised | reflected | put it | muttered | muttering | whispered | shouted | exclaimed | spoke | concludes | recalls | reflects | observes | remarks | puts it | suggests | replies | responds | declares
define SAY (?:{SAYW})(?![\w-])
# A verb before "to say": "A foster carer emailed to say:", "she went on to
# say". The verb then is the one that follows.
define SAYLEAD (?:(?:wrote|emailed|e-mailed|texted|tweeted|posted|phoned|rang|called|went on|goes on|go on|liked|likes|loved|loves|used|got in touch|took to (?:Twitter|X|Facebook|social media)) to |(?:was |were )?overheard (?:to )?|(?:is|are|was|were) (?:expected|due|set|likely) to )
# Where or to whom: "told the BBC", "said in a statement".
define SAYWHERE (?: (?:the |a )?[A-Z][\w']*(?: [A-Z][\w']*){0,3}| me| us| him| her| them| to (?:me|us|him|her|them)| like this| this way| MPs| reporters| journalists| councillors| the (?:committee|meeting|council|conference|inquiry|magazine|paper|newspaper|programme|website|audience|panel|hearing|summit|briefing|podcast|show)| in (?:a |an |her |his |its |their |my |our )?(?:statement|interview|letter|report|blog(?: post)?|speech|foreword|response|nomination|email|submission|evidence|column|post|review|tribute|message|note)| on \w+day| yesterday| today| last week| this week| on the day [\w ]{1,50}?| at (?:a|the|our|their|his|her|its) [\w' ]{1,40}?| in (?:January|February|March|April|May|June|July|August|September|October|November|December|\d{4})| something(?: (?:that|which|I|we|you) [\w' ]{1,50}?)?)
# Words between a speaker and the verb: "she once called it", "has also said".
define SAYADV (?:(?:has|have|had|also|then|later|previously|once|recently|simply|again|often|always|rightly|repeatedly|publicly) )
define PRON (?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ww]e|I)
# A speaker phrase without a comma: "Perry", "Sir Michael Wilshaw", "a spokesman for Ofsted".
define SUBJW [^\s,;:.!?"]+
define SUBJ1 {SUBJW}(?: {SUBJW}){0,11}?

rule said-speaker
  match ,? (?<verb>{SAY}) (?<subj>(?!(?:that|it|they|he|she|we|in|on|at|to|of|as|by|with|for)\b)[^;:!?"]{2,200}?)[.!?,]?$
  yes 'Giving councils time is vital,' said the chairman of the LGA's children and young people board, Cllr Roy Perry. => speaker=Roy Perry; speaker_title=Cllr; speaker_org=Local Government Association
  yes "We will act," said Ofsted's chief inspector, Sir Michael Wilshaw. => speaker=Michael Wilshaw; speaker_title=Sir
  yes "It is striking," said Ben Carter, a researcher at the Northern Policy Lab, who helped us. => speaker=Ben Carter
  yes 'It is a national scandal,' said Dr Mark Hughes, who chairs a children's charity in Leeds. => speaker=Mark Hughes; speaker_org=null
  yes "We are on the right track," said Ann Lee, director of children's services in Leeds. => speaker=Ann Lee; speaker_org=Leeds Council
  yes Jordan Smith spoke first. "We were not ready for the inspectors at all," said Mr Jordan. => speaker=Jordan; speaker_title=Mr
  no "We will act," said nobody.

rule speaker-said
  match ,? (?<subj>{PRON}|(?!(?:in|on|at|of|for|to|into|from|with|by|about|over|under|across|between|through|during|after|before|than)\b)(?:(?:[Aa]n?|[Tt]he|[Oo]ne|[Mm]y|[Hh]is|[Hh]er|[Tt]heir) )?{SUBJ1}(?:, {SUBJ1},)?) {SAYADV}*(?<verb>{SAY}){SAYWHERE}?(?: [a-z]+ly| later| afterwards| again)?(?=[.,;!?]|$| (?:adding|as|when|after|before|during|last|this|yesterday|today|on|of|at|in a|in an|in his|in her|in the|in this|in its|in their|over|outside|from|by|with)\b)
  yes "There can be no doubt that councils can do it," Perry said. => speaker=Perry
  yes Joanne Pettifer starts in March. "I don't intend to be the director who loses it," Pettifer said of the grade. => speaker=Joanne Pettifer
  yes Graham Bolton was a social worker. "The grade changed four times in my career," he told me. => speaker=Graham Bolton
  yes Councillor Maria Lindqvist (Lib Dem), who chairs the committee, accepted the findings. "This is not the result we wanted," she said. => speaker=Maria Lindqvist
  yes Councillor Philippa Dudley said it was "simply not true". Liberal Democrat Alison Keele drew the loudest applause.\n'I fostered for eleven years,' she told the audience. => speaker=Alison Keele
  yes "We will not hesitate to act when councils fail," a Department for Education spokeswoman said. => speaker=a Department for Education spokeswoman; speaker_org=Department for Education
  yes "The inspectors were thorough and fair," the council's chief executive, Helen Briggs, told reporters. => speaker=Helen Briggs
  yes "We have a long way to go," Helen Briggs, the council's chief executive, said. => speaker=Helen Briggs
  yes "That changed everything," the director, Priya Shah, told the magazine. => speaker=Priya Shah
  yes Jordan Smith met us. "That is it, really," he said eventually. "Before, I'd bin the letters." => speaker=Jordan Smith
  yes "We will get there," Priya Shah told me quietly. => speaker=Priya Shah
  yes 'We were good on paper,' one director told me over coffee in the summer, 'and we were still losing staff.' => speaker=one director
  yes 'The difference is a stable workforce,' the chief inspector wrote in this year's annual report. => speaker=the chief inspector
  no Asked whether managers should be "named and shamed in public", Wilshaw said he was tempted to do so.
  no Inspectors found "serious and widespread weaknesses" in the way the council responds when concerns are raised.
  yes Jane Ward, the director, said the result was deserved. The leader, Cllr Mark Dunn, was more cautious. A council spokesman would not comment.\n"There is a long way to go on care leavers," she said. => speaker=Jane Ward; attribution=pronoun
  yes Margaret Ellison led the service for ten years. Inspectors wrote that 'children are listened to'.\n'A grade tells you where you were on the day,' she told the conference. => speaker=Margaret Ellison; attribution=pronoun
  yes One furious mum told the paper: "I rang them 14 times in one month."\n"When I finally got through, the duty social worker told me, 'You're not on my list,' and put the phone down," she added. => speaker=One furious mum; attribution=pronoun

rule according-to
  match ,? according to (?<subj>[^;:!?"]{2,120}?)[.!?,]?$
  yes "Too many children are waiting too long," according to the report. => speaker=the report

family quote_before

rule speaker-said-colon
  match (?:^|[,;:] |[,.!?]?" |\b(?:and|but|while|as|when|after|before|because) )(?<subj>[^;:!?"]{1,160}?) {SAYADV}*{SAYLEAD}?(?<verb>{SAY}|(?:re)?assured(?! that)){SAYWHERE}{0,2}(?:,? (?:and )?(?:I'm|I am|I) quot(?:ing|e)(?: here| directly| now)?,?)?(?: that| it| they| he| she| that (?:it|they|the (?:council|authority|department|service|services|partnership|trust)))?(?: was| is| were| had| has| would| will| could| should)?[:,]? ?$
  yes Sir Michael Wilshaw said: "The picture shows there is clearly an ongoing need for improvement." => speaker=Michael Wilshaw; speaker_title=Sir
  yes On the size of the sample, the judgment states: "The framework does not prescribe a minimum number of files." => speaker=the judgment
  yes Dave Hill, president of the ADCS, said: "That a quarter of authorities are inadequate is concerning." => speaker=Dave Hill; speaker_role=president of the ADCS
  yes The director of children's services, Paul Green, said: "We have a plan and we are delivering it." => speaker=Paul Green; speaker_role=The director of children's services
  yes Theresa May, then home secretary, said: "No child should be left in a home like this." => speaker=Theresa May
  yes The report stressed that "failure is not because of funding; it is about how it is used." => speaker=The report
  yes A Department for Education spokesman told the BBC: "Nothing is more important than keeping children safe." => speaker=A Department for Education spokesman
  yes A foster carer from Chorley emailed to say: "Our social worker has been the same person for three years now." => speaker=A foster carer from Chorley
  yes One special guardian wrote: "I have had three different answers from three different people." => speaker=One special guardian
  yes Cllr Moorsom reported on the inspection. She quoted the inspectors, who wrote: "Children in North Yorkshire benefit from a stable workforce." => speaker=the inspectors
  yes Alison Trevelyan publishes her report today. Trevelyan is expected to say: "The number of councils in the lowest grade is the smallest yet." => speaker=Alison Trevelyan
  yes One foster carer, who has looked after children for the borough for 14 years, said: "I have had three different social workers since Christmas." => speaker=One foster carer
  yes The council's director of children's services, Rachel Ombler, said the grade reflected "a very deliberate decision to stop chasing the inspection". => speaker=Rachel Ombler; speaker_role=The council's director of children's services
  yes One young woman I met there, who has just started an apprenticeship, said something that has stayed with me: "It feels like someone is keeping track of me." => speaker=One young woman
  yes A Conservative backbencher, who asked not to be named, was overheard muttering: "If I hear that word once more, I'm going to the bar." => speaker=A Conservative backbencher
  yes A social worker in my constituency put it to me like this: "We spend weeks getting the paperwork ready for a visit." => speaker=A social worker in my constituency
  yes Margaret Ainsworth ran the service. She liked to say that 'the grade is the last thing you fix, not the first', and she meant it. => speaker=Margaret Ainsworth
  yes The video was posted by Terry Blount, a councillor. In it he says: "A third of councils got inadequate last year. A third." => speaker=Terry Blount
  yes Ofsted, for its part, told us that "inspection is not the cause of instability". => speaker=Ofsted
  yes A junior minister assured the Commons on Tuesday that "the vast majority of councils are now good or better". => speaker=A junior minister
  no Leaders were assured that "every child would be seen within a week".
  yes Corporate Director for Children's Services Ruth Penhaligon said the inspection had found "pockets of strong practice" there. => speaker=the inspection
  yes Alison Pryce, president of the ADCS, said the report told "an unfairly bleak story about a sector working flat out". => speaker=Alison Pryce
  yes 3.2 The report states that "leaders have a clear and accurate understanding of practice". => speaker=The report
  yes EMMA HOLLOWAY (Telegraph): The report says, and I'm quoting, "senior leaders did not have an accurate understanding of practice". => speaker=The report
  yes As Pellew (2019, p. 44) observes, 'an inadequate judgement tends to arrive as a verdict on a whole borough'. => speaker=Pellew
  yes The leader, Councillor Brenda Loynes, said on the day the report was published that the council "will not be defined by this report". => speaker=Brenda Loynes
  yes The partnership was set up after the council's 2012 inspection found "serious and widespread weaknesses". => speaker=the council's 2012 inspection

rule according-to-before
  match (?:^|[,;] |\b(?:[Aa]nd|[Bb]ut|[Yy]et) )[Aa]ccording to (?:(?<subj>[^,;:!?"]{2,160}?),? ?|(?<subj>[^;:!?"]{2,160}?), ?|(?<subj>[^,;:!?"]{2,80}?), [^,;:!?"]{1,80}?)$
  yes According to Amanda Spielman, the former chief inspector, "too many councils are still failing children." => speaker=Amanda Spielman; speaker_role=the former chief inspector
  yes But according to the report, "leaders have not acted quickly enough on the findings." => speaker=the report
  yes According to the report, social workers "know their children well and visit them often". => speaker=the report

# A named subject whose sentence ends in a colon before the quotation, with
# no reporting verb: "Ofsted's chief inspector, Martyn Oakes, struck a
# cautious tone in the foreword: "..."". Only a name (two or three
# capitalised words, or a title and a name), a first name with an age or
# what the person is ("Margaret, a foster carer, emailed: ..."), or a
# pronoun: "The report lists three failings: "..."" is a list, not speech.
# The subject and the rest of a sentence that ends in a colon before a
# quotation, for subject-colon and subject-colon-paragraph.
# The titles a speaker's name may carry where a rule reads a bare name (the
# speaker phrase itself is parsed with titles.tsv, TITLEW).
define HONORIFIC (?:Sir|Dame|Cllr|Councillor|Dr|Professor|Prof|Lord|Lady|Baroness|Mr|Mrs|Ms|Miss)
# What a person introduced by a first name alone is ("Margaret, a foster
# carer from Bulwell,"): see first-name-intro.
define FIRSTROLE (?:(?:foster |young )?(?:carer|mother|father|parent)|care leaver|teenager|student)\b
define COLONSUBJ (?:{PRON}|(?:[^,":;]{1,80}, |(?:Our|The|A|An|[A-Z][\w'-]+'s) (?:(?!(?:and|or|of|with)\b)[a-z][\w'-]* ){1,4})?(?:{HONORIFIC} )?[A-Z][a-z'-]+(?: [A-Z][a-z'-]+){1,2})
define COLONTAIL ,? (?!(?:and|or|of|in|for|at|to)\b)[a-z][^":]{0,200}: ?$
# A newsletter's label may come first ("What they're saying: Dr Samir
# Okafor ... will tell the conference: ...").
rule subject-colon
  prefilter off
  match ^(?:[A-Z][\w'’]*(?: [\w'’]+){0,4}: (?=[A-Z]))?(?<subj>{COLONSUBJ}|[A-Z][a-z'-]+, (?:(?:aged )?\d\d?|an? {FIRSTROLE}[^,":;]{0,80}),){COLONTAIL}
  yes Ofsted's chief inspector, Martyn Oakes, struck a cautious tone in the report's foreword: "The national picture is better than it was five years ago." => speaker=Martyn Oakes; speaker_role=Ofsted's chief inspector
  yes Our reporter Hannah Bolton is at County Hall in Preston: "There are a few nervous faces here." => speaker=Hannah Bolton; speaker_role=Our reporter
  no The report lists three failings: "poor planning, weak oversight and drift in every team."
  yes Margaret, a foster carer from Bulwell, emailed the programme: "We've had four social workers in two years." => speaker=Margaret
  no Bulwell, a suburb in the north of the city, has one message for the council: "We've had four social workers in two years."
  yes What they're saying: Dr Samir Okafor, the children's minister, will tell the conference in Birmingham this afternoon: "Behind every one of these grades is a child." => speaker=Samir Okafor; speaker_title=Dr

# The words are the subject's own, said so in an aside: "Liam will explain
# why, in his words, 'good practice still depends ...'", "She was, in her
# own words, 'a nuisance to every director'".
rule in-own-words
  match ^(?:[A-Z][\w'’]*(?: [\w'’]+){0,4}: (?=[A-Z]))?(?<subj>{COLONSUBJ}|[A-Z][a-z'-]+) [^":;]{0,200}?,? in (?:his|her|their|its) (?:own )?words,? ?$
  yes Liam Ashcroft is Ofsted's deputy director. He will set out the themes, and will explain why, in his words, ‘good practice still depends on where a child lives’. => speaker=Liam Ashcroft
  yes Kate Morris left in 2019. She was, in her own words, "a nuisance to every director I worked for". => speaker=Kate Morris
  no Kate Morris wanted, in other words, "a fresh start with a new team".

# A passage of a document quoted by its place in it, before a colon: "this
# line in the draft report:", "the key passage from the judgment reads:".
rule passage-in
  match \b(?:line|lines|passage|sentence|paragraph|section|words|phrase|finding|conclusion|verdict)s? (?:in|from|of) (?<subj>(?:the|its|their|this|that|an?) (?:[\w'-]+ ){0,3}?(?:report|letter|judgment|judgement|review|assessment|statement|inspection|findings|minutes))(?: (?<verb>reads|read|says|said|went|goes))?:? ?$
  yes The bit that stung was this line in the draft report: "Senior leaders have not ensured that the improvements are replicated." => speaker=the draft report
  no The bit that stung was this line: "Senior leaders have not ensured that the improvements are replicated."

# What the speaker described, called or branded something as ("described
# her as 'relentless'"), or what it described, the quotation right after the
# verb ("The report described 'a culture in which ...'").
rule described-as
  match (?:^|[,;:] |\b(?:and|but|while) )(?<subj>[^;:!?"]{1,160}?) {SAYADV}*(?:(?<verb>{SAYLEAD}describe|describe[sd]|call(?:ed|s)|brand(?:ed|s)|label(?:led|ed|s)|criticis(?:ed|es)|criticiz(?:ed|es)|dismiss(?:ed|es)|condemn(?:ed|s)|hail(?:ed|s)|praise[sd]|term(?:ed|s)|characteris(?:ed|es)|characteriz(?:ed|es)|denounce[sd])(?: [^"]{1,80}?)? as(?: having| being)?|(?<verb>describe[sd])) ?$
  yes However, the Association of Directors of Children's Services criticised Wilshaw's comments as "a partial and excessively negative story". => speaker=the Association of Directors of Children's Services
  yes One former colleague, who asked not to be named, described her as 'relentless to the point of exhausting'. => speaker=One former colleague
  yes Your correspondent Brian Tooley (Letters, 4 March) describes Haringey's children's services as "a department in permanent crisis". => speaker=Brian Tooley
  yes The report itself describes leaders as having "an exceptionally clear understanding of practice". => speaker=The report
  yes Senior leaders described the service to inspectors as 'on a journey back to good, but not there yet'. => speaker=Senior leaders
  yes Terry Blount spoke. He goes on to describe the council's own children's services as "a disgrace to the borough" and more. => speaker=Terry Blount
  yes Practitioners in Authority B described their most recent inspection as "a fair picture of a bad week". => speaker=Practitioners in Authority B
  yes Our interviewees repeatedly described the inspection framework as 'fair but relentless'. => speaker=Our interviewees
  yes An inspection found it inadequate. The report described ‘a culture in which poor practice had become normal’, and a commissioner was sent in. => speaker=The report

rule called-it
  match (?:^|[,;:] |\b(?:and|but|while|a record|a situation|a verdict|a decision|a finding) )(?<subj>[^;:!?"]{1,160}?) {SAYADV}*(?<verb>called|calls|branded|brands|labelled|labeled|labels|dubbed|dubs|termed|terms)(?: (?:it|them|this|that|the [\w' ]{1,40}?|[A-Z][\w' ]{1,40}?))? ?$
  yes Cllr Margaret Fenwick, cabinet member for children, young people and education, called the report "a great day for the county's children". => speaker=Margaret Fenwick; speaker_title=Cllr
  yes Malcolm Ferrers spoke. Birmingham has been judged inadequate since 2008, a record Ferrers called "a national disgrace that has gone on too long". => speaker=Malcolm Ferrers
  yes In practice, one director calls it "the nicest thing Ofsted can say without giving you the grade". => speaker=one director
  yes Professor Ann Hale is no fan of the scale: she once called it "a horoscope with a clipboard" in a lecture. => speaker=Ann Hale

# One character of a subject that does not run into another clause. A
# macro, so that {1,60} repeats a subroutine call (see GAPCHAR in
# ratings.pat).
define SUBJCHAR (?:(?!\b(?:with|but|and|while)\b)[^,;:!?"])
rule with-participle
  match \b(?:with|but|and|while) (?<subj>{SUBJCHAR}{1,60}?) (?<verb>finding|saying|warning|noting|concluding|praising|criticising|describing|reporting|judging)\b[^"]{0,160}?$
  yes Six years ago the services were judged inadequate, with inspectors finding "serious and widespread failures" there. => speaker=inspectors
  yes The council was judged good, but inspectors warning that assessments were "too often delayed and lacking in analysis". => speaker=inspectors

rule participle
  match ^(?:(?:In|By|Last|This|During|Since|After|On|At) [^,]{1,30}?,? )?(?<subj>(?:[Tt]he |[Aa]n? )?[^\s,;:!?"]+(?: [^\s,;:!?"]+){0,5}?) (?:(?:have|has|had|were|was|also|then|later) )*[a-z]+ed\b[^"]{0,150}?,? (?<verb>finding|saying|adding|warning|concluding|noting|citing|quoting|highlighting|calling (?:it|them|the \w+)|describing (?:it|them|the \w+) as|(?:praising|criticising|criticizing|condemning|highlighting|noting|welcoming) what (?:they|it|he|she) (?:called|described as|termed)) ?$
  yes In 2016 inspectors rated the council inadequate, finding "widespread and serious failures" in its work. => speaker=inspectors
  yes Ofsted inspectors have rated the council's services as inadequate, citing "widespread and serious failures." => speaker=Ofsted inspectors
  yes In Bristol, inspectors rated children's services outstanding in February, praising what they called "a workforce that is stable and proud of its work." => speaker=inspectors

rule what-called
  match \b(?:what|which) (?<subj>he|she|they|it|[A-Z][\w']+(?: [A-Z][\w']+)?) (?<verb>called|described as|termed|dubbed|branded|labelled) ?$
  yes Sir Michael Wilshaw spoke. He singled out what he called "systematic failure on a shocking scale" in the county. => speaker=Michael Wilshaw; attribution=pronoun

family quote_final

rule sentence-ends-said
  match , ?(?<subj>{PRON}|(?:(?:[Aa]n?|[Tt]he|[Oo]ne|[Mm]y) )?{SUBJ1}) (?:has |had |have |also )*(?<verb>{SAY})(?: in a statement| on \w+day| yesterday| today| last week| this week)?[.!?]?$
  yes There was "much to be optimistic about" in children's services, Wilshaw said. => speaker=Wilshaw
  yes Too many children face "clear and present risk of harm" because of failings, Ofsted has said. => speaker=Ofsted
  yes Children face "clear and present risk of harm" because of failings in departments,Ofsted has said. => speaker=Ofsted

# The speaker as the agent of a passive: 'The words - "..." - were spoken
# by Councillor Jo Whitfield, cabinet member for children at Haringey'.
rule spoken-by
  match (?:^|[,;] | - )(?:were|was|had been|have been|has been) (?:spoken|said|written|uttered|made) by (?<subj>[^;:!?"]{2,160}?)[.!?]?$
  yes The words - "we have to stop treating adoption as the finish line" - were spoken by Councillor Jo Whitfield, cabinet member for children at Haringey Council. => speaker=Jo Whitfield; speaker_title=Councillor
  no The comment "we have to stop treating adoption as the finish line" was made by accident.

family quote_sentence

rule reported-speech
  match (?:^(?:[QA]: )?|[,;] |[,.!?]?" |\b(?:and|but) )(?<subj>{PRON}|[^;:!?",]{1,100}?(?:, [^;:!?"]{1,120}?,)?)(?:,? who)? {SAYADV}*(?<verb>{SAY})(?![\w-])
  yes The city's director of children's services, Dr Anjali Rao, said the turnaround had been "built on getting the basics right". => speaker=Anjali Rao; speaker_title=Dr
  yes The report, published on Tuesday after a three-week inspection in January, found that Northumberland County Council had "turned a corner" in the way it protects children. => speaker=The report
  yes One care leaver, who now works at a club, told the paper that his adviser had been 'the one constant' in his life. => speaker=One care leaver
  yes The paper quoted an unnamed social worker who said staff had been "firefighting for three years with no end in sight". => speaker=an unnamed social worker
  yes As the Secretary of State said in the House, "no child should wait that long for a home". => speaker=the Secretary of State
  yes The latest inspection, carried out in June, found that children receive help that is "timely and well coordinated". => speaker=The latest inspection
  yes Inspectors who visited in September found most children safe, but said the response was 'too slow and too inconsistent' overall. => speaker=Inspectors who visited in September
  yes Ms Smith, 42, who adopted two children, told us the service had "never once returned a call on time". => speaker=Smith; speaker_title=Ms
  yes Detective Superintendent Mark Ollerton, of Cheshire Constabulary, told members that officers were "working closely with the council". => speaker=Mark Ollerton; speaker_title=Detective Superintendent; speaker_org=Cheshire Constabulary
  yes Chief Constable Sarah Crew told the panel the force had "learned hard lessons from this case". => speaker=Sarah Crew; speaker_title=Chief Constable
  yes A spokesperson for Ofsted said it had only anecdotal evidence and that it "did not want to name any names". => speaker=A spokesperson for Ofsted
  yes Q: Ofsted's chief inspector has said councils are 'running to stand still'. Do you agree? => speaker=Ofsted's chief inspector
  yes The inspectors had written that senior leaders 'did not know their services well enough'. => speaker=The inspectors
  yes Inspectors often write that leaders "know themselves well", and they mean it. => speaker=Inspectors
  yes The report, published this morning, says: "Leaders have a clear understanding of where practice is strong."\nBut it adds that care leavers "do not consistently receive the help they need". => speaker=The report; attribution=pronoun
  yes The answer is Kath Ridley, national officer for social care at Unison, who told MPs that the framework "rewards paperwork over practice". => speaker=Kath Ridley; speaker_org=Unison
  yes It was Kath Ridley, who told the committee that the framework "rewards paperwork over practice". => speaker=Kath Ridley
  yes Dr Amara Nwosu leads the service. In this keynote Amara argues that an outstanding judgement is ‘a licence to keep learning, not a certificate’. => speaker=Amara Nwosu
  no The boss of the council, who was "very tempted indeed" to resign, left.
  yes The council will focus on children in care, where inspectors found plans were "not always revisited quickly enough". => speaker=inspectors
  yes It was rated good, five years after inspectors said the service was "not yet safe enough for every child". => speaker=inspectors
  no Inspectors spent a week in Norwich and Great Yarmouth. They found that managers have "a detailed grip on practice in every team". => speaker=Great Yarmouth

family quote_coordinated

# A subject whose first verb is not the reporting one: "Inspectors looked at
# 150 records, and found that plans were "not specific enough"", "Councillor
# Durham (Shadow Cabinet Member) welcomed the result but said that "...""
# Tried after quote_sentence, and only for quotations: a family of its own,
# so that the scan for people reported as speaking does not run it on every
# sentence.
rule coordinated-said
  match ^(?:(?:In|By|Last|This|During|Since|After|On|At) [^,]{1,30}?,? )?(?<subj>(?:[Tt]he |[Aa]n? )?[^\s,;:!?"(]+(?: [^\s,;:!?"(]+){0,5}?(?: \([^()"]{1,80}\)|, [A-Z][^,;:!?"]{1,60},)?) (?:(?:have|has|had|were|was|also|then|later) )*(?:[a-z]+(?:ed|s)|spent|took|made|went|came|gave|got|left|began|kept|met|ran|saw|wrote|brought|built|held|sat|stood|won|lost|led|paid|sent|felt|grew|fell|rose|spoke)\b(?:[^";]{0,120}?"[^"]{1,200}")?[^";]{0,200}?,? (?:and|but) (?:also |then |later )?(?<verb>{SAY})(?![\w-])
  yes Inspectors looked at the records of 150 children, and found that plans were "not specific enough to make a difference". => speaker=Inspectors
  yes Third-year undergraduate Callum Reid spent his placement with a young carers' charity, and says he would "go back tomorrow." => speaker=Callum Reid
  yes Unison's Warwickshire branch secretary, Kelly Ashworth, described the payment as "a sticking plaster" and said staff needed "manageable caseloads and a pay rise that lasts". => speaker=Kelly Ashworth

family quote_colon

rule ends-with-colon
  match (?:^|[,;] |\b(?:and|but) )(?<subj>[^;:!?"]{1,160}?) {SAYADV}*(?<verb>{SAY}){SAYWHERE}?:$
  yes Inspectors said:\n- Children in care are "visited regularly by social workers who know them well"\n- Care leavers "do not always know what support they are entitled to" => speaker=Inspectors; attribution=preceding_colon
  no Key findings:\n- Children in care are "visited regularly by social workers who know them well"
  yes Jane Smith, director of children's services, said:\n"We are very clear that this will take time." => speaker=Jane Smith; attribution=preceding_colon

rule subject-colon-paragraph
  prefilter off
  match ^(?<subj>{COLONSUBJ}){COLONTAIL}
  yes Dame Sarah Lee was blunt about the findings:\n"We have let these children down and we must put it right." => speaker=Sarah Lee; speaker_title=Dame; attribution=preceding_colon

rule reported-paragraph
  match (?:^|[,;] |\b(?:and|but) )(?<subj>[^;:!?",]{1,100}?(?:, [^;:!?",]{1,100}?,)?) {SAYADV}*(?<verb>{SAY})(?![\w-])
  yes Debbie Jones, Ofsted's national director for social care, said inspectors have seen good practice.\n'These areas demonstrate that it can be done.' => speaker=Debbie Jones; speaker_org=Ofsted

# A second quotation the same speaker adds in the sentence of the first:
# '"We are disappointed," said Elaine Pritchard, the cabinet member, adding
# that a plan was "already well under way"'. Matched against the whole of
# the words between the two quotations.
family quote_added

rule adding-that
  match ^,?"? ?[^.!?"]{1,240}?,? (?:adding|before adding|and added|and adds|then added)(?: that| how| it was| this was)?(?: [^.!?"]{1,160})?$
  yes "We are disappointed but not surprised," said Elaine Pritchard, Worcestershire's cabinet member, adding that an improvement plan was "already well under way". => speaker=Elaine Pritchard

# A dash, then who said it: '"We will not stand still." — Jane Holt,
# director of children's services', on the quotation's own line or opening
# the next one (a pull quote over its attribution line). Tried only for a
# quotation that opens its sentence, so that a dash aside after a quoted
# phrase ('called it "a lottery" - Kent disagreed') names no speaker.
family quote_dash

# Ofsted itself, maybe with a date, after a dash: a briefing's or a
# broadcast's graphic ('"Leaders know their children well." — Ofsted,
# July 2024'), maybe inside a caption's brackets ('[ON SCREEN: "..." -
# Ofsted]').
# A full name, maybe with a title, signing a quotation: after a dash, in
# brackets after it ("(Professor Lena Okoro, University of Salford, 2021)";
# a surname and a year alone is a citation, not a speaker), or opening the
# line under it with a middle dot ("Marcus Hale · Chief Executive, Thurrock
# Council", a profile's recommendation).
define SIGNNAME (?:{HONORIFIC} )?[A-Z][\w'-]+(?: [A-Z][\w'-]+){1,3}

rule dash-speaker
  prefilter off
  match (?:[,.]? ?(?:\x{2014}|\x{2013}|--?) ?(?<subj>{SIGNNAME}(?:, [^;:!?"\x{2013}\x{2014}]{1,160}?)?|(?:An?|The) [^;:!?",\x{2013}\x{2014}]{1,80}?(?:spokesman|spokeswoman|spokesperson|spokespeople|source)|Ofsted(?:'s (?:inspection )?report)?(?=,? (?:[A-Z][a-z]+ )?{YEAR}[.]?\]?$|[.]?\]?$)(?:,? (?:[A-Z][a-z]+ )?{YEAR})?)[.]?|[,.]? ?\((?<subj>{SIGNNAME}(?:, [^();:!?"]{1,100}?)?)(?:, {YEAR})?\)[.]?|^(?<subj>{SIGNNAME}) \x{00B7} [^"]{1,200})\]?$
  yes "We would rather pay people to stay than pay agencies to fill the gaps." — Marcus Hale, director of children's services => speaker=Marcus Hale; attribution=same_sentence
  yes Pay rises\n"We would rather pay people to stay than pay agencies to fill the gaps."\n— Marcus Hale, director of children's services at Warwickshire County Council => speaker=Marcus Hale; attribution=paragraph; speaker_org=Warwickshire County Council
  yes "Every child deserves a social worker who knows their name." - A Department for Education spokesperson => speaker=A Department for Education spokesperson
  yes Leicester\n> "Leaders have a clear line of sight to frontline practice." — Ofsted, July 2024 => speaker=Ofsted
  yes [ON SCREEN: "Children say they trust the people who look after them" - Ofsted] => speaker=Ofsted
  no "Leaders have a clear line of sight to frontline practice." — Ofsted inspectors will return in May.
  no Inspectors called it "a real and lasting improvement in practice" - Kent disagreed with the report.
  no "We will keep going until every child is safe." — But the figures told another story.
  no Concerns\n"Too many children wait too long for a plan."\n- Kent rated good overall in 2019
  no Concerns\n"We are improving every month and will keep going."\n– Staff told inspectors they felt supported
  yes Critiques\n• "Grades flatten complexity into a single word." (Professor Lena Okoro, University of Salford, 2021) => speaker=Lena Okoro; speaker_title=Professor
  yes Recommendations\n“Sarah walked into one of the hardest jobs in local government and did not flinch.”\nMarcus Hale · Chief Executive, Thurrock Council · worked with Sarah => speaker=Marcus Hale; attribution=paragraph
  no Critiques\n"Grades flatten complexity into a single word and nothing else." (Okoro, 2021)

family quote_prev

rule sentence-subject
  prefilter off
  match ^(?:[A-Z][^,"]{1,100}, )?(?<subj>{PRON}|(?:{HONORIFIC} )?[A-Z][a-z'-]+(?: [A-Z][a-z'-]+){0,2}) (?:also |then |later |again |had |has |does |did |went on to )?(?<verb>[a-z]+(?:ed|s)|not)\b
  yes David Simmonds spoke first. Simmonds also reiterated concerns over the role of Ofsted. 'Parents need to have confidence in the judgments.' => speaker=David Simmonds; attribution=paragraph
  yes Miriam Oduya runs the service. Asked what she would tell a new director, she does not hesitate. 'Go and meet the children before you meet the councillors.' => speaker=Miriam Oduya
  yes Priya Chaudhry is a student. A council spokesperson said the scheme "works well for everyone involved". For Chaudhry, whose caseload is capped at six families, the verdict is simple. Asked whether she would apply, she laughed. "If they will have me, I will be there." => speaker=Priya Chaudhry
  yes Dr Miriam Oduya runs the service. Oduya, 54, arrived in 2011. Not everyone is a fan. Oduya shrugs. 'I will take that, and more.' => speaker=Miriam Oduya

# ---- speaker phrases ---------------------------------------------------------
# A personal name with an optional title and a role before it
# ("LGA board chair David Simmonds"). Words that cannot be part of a personal
# name are in nonnames.tsv; titles are in titles.tsv.
family speaker_name

words -i TITLEW @titles
define NAMEW (?:Ma?c(?=[A-Z])|[OD]'(?=[A-Z]))?[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?
rule person
  prefilter off
  match ^(?:(?<role>.+?) )?(?:(?<title>{TITLEW})\.? )?(?:{TITLEW}\.? )*(?<name>{NAMEW}(?: (?:{NAMEW}|de|van|von|der|da|di|bin|al)){1,3})(?: (?:MP|MS|MSP|AM|MLA|MEP|QC|KC|OBE|CBE|MBE|DBE|KBE|JP))*$
  yes LGA children and young people board chair David Simmonds
  yes Llinos Vaughan-Jones MS
  yes Cllr Roy Perry
  yes Council leader Cllr Hannah O'Rourke
  yes Jo McDonald
  yes Anne-Marie D'Souza
  no the council

rule titled-surname
  prefilter off
  match ^(?:(?<role>.+?) )?(?<title>{TITLEW})\.? (?<name>{NAMEW})$
  yes Mr Bolton

# A description that can speak: "A Department for Education spokesman",
# "The report", "inspectors", "One care leaver", "Hackney's mayor".
family speaker_desc

words -i SPEAKERHEAD adviser | advisor | carer | mentor | friend | spokesman | spokeswoman | spokesperson | spokespeople | spokesmen | source | sources | official | officials | report | reports | inspection | inspections | inspectors | inspector | council | authority | department | minister | ministers | secretary | secretary of state | mayor | leader | chief | director | chair | chairman | chairwoman | statement | letter | column | editorial | leader column | article | review | committee | watchdog | inspectorate | regulator | government | charity | association | union | board | trust | partnership | worker | workers | leaver | leavers | colleague | manager | member | parent | parents | mother | father | teenager | woman | man | girl | boy | child | children | resident | campaigners | campaigner | analysis | study | survey | findings | ofsted | lga | adcs | nspcc | dfe | iro | social worker | cabinet member | headteacher | teacher | nurse | doctor | lawyer | judge | coroner | MP | MPs | councillor | councillors | reader | readers | correspondent | reporter | journalist | editor | researcher | researchers | academic | academics | expert | experts | lecturer | volunteer | neighbour | relative | student | young person | young people | employee | officer | leaders | managers | directors | practitioners | professionals | staff | carers | officers | members | advisers | mentors | nurses | doctors | teachers | headteachers | colleagues | friends | relatives | family | daughter | son | wife | husband | partner | sister | brother | widow | widower | mum | dad | grandmother | grandfather | aunt | uncle | executive | chief executive | executives | commissioner | commissioners | president | deputy | principal | governor | ombudsman | solicitor | barrister | records | case records | case notes | minutes | documents | papers | file | files | guidance | judgment | audit | assessment | evaluation | submission | briefing | memo | email | emails | press release | newsletter | user | users | commenter | commenters | poster | follower | followers | viewer | viewers | listener | listeners | caller | callers | contributor | blogger | team | teams | panel | commission | inquiry | court | tribunal | agency | office | service | body | network | forum | backbencher | backbenchers | peer | peers | pupil | pupils | activist | activists | protester | protesters | witness | witnesses | observer | observers | onlooker | onlookers | delegate | delegates | attendee | attendees | constituent | constituents | voter | voters | candidate | insider | insiders | apprentice | trainee | survivor | whistleblower | tenant | guardian | guardians | owner | owners | grandparent | grandparents | adopter | adopters | advocate | advocates | youngster | youngsters | provider | providers | interviewee | interviewees
# A description may name how the writer knows the speaker ("One young
# woman I met there") or stress it ("The report itself"); that part, group
# `aside`, is left out of the speaker.
rule description
  prefilter off
  match (?i:^(?:an?|the|one|my|his|her|their|its|[\w'-]+'s)?\b.{0,80}?\b(?:{SPEAKERHEAD})(?<aside> (?:itself|himself|herself|themselves)| (?:I|we|he|she|they) (?:met|spoke to|interviewed|talked to|visited|know|knew|saw|sat with)(?: [\w' ]{1,30}?)?(?=,|$))?(?: (?:for|of|at|from|in) .{1,60}|,? (?:who|which|that) .{1,100}| (?:replying|responding|writing|speaking|posting|commenting|working|living|based) .{1,80})?$)
  yes A Department for Education spokesman
  yes inspectors
  yes One social worker from Chester-le-Street
  yes One special guardian
  yes The current owners
  yes Another reader, who asked not to be named
  yes The council's chief executive
  yes The Council's case records
  yes One user
  yes the inspection team
  yes A social worker replying to Oldham's post
  yes the minutes of the meeting
  no the weather

# People named anywhere in the text: their surnames and pronouns point back
# to them ("Wilshaw said", "he added").
family person_mention

# A name after a title written in lower case ("Labour councillor Jane
# Smith", "the reverend John Smith"); the other titles (Sir, Mrs, Dr, ...)
# are capitalised before a name, and full-name reads them. Its own rule, so
# that the prefilter runs it only where such a title is written, and so
# that full-name below need try only capitals. Of two rules of this family
# naming a person at the same place, the first counts (extract_quote.c).
rule lower-case-title
  match (?<![\w'-])(?<title>councillor|professor|reverend|justice|judge) (?:{TITLEW}\.? )*(?<name>{NAMEW}(?: {NAMEW}){1,2})(?![\w'-])
  yes "It is not good enough," said Labour councillor Jane Smith.
  no "It is not good enough," said Councillor Jane Smith.

# The lookahead only restates what the rest requires (a capital first): it
# spares the attempt at every lower-case word, which this rule, run over
# every paragraph, otherwise makes in full.
# A party before a name is no part of it ("Liberal Democrat Alison Keele",
# "Reform UK candidate Gary Pointon"). Two capitalised words right after
# "in", "at" or "near" are a place, not a person ("a home visit in Parson
# Cross"), unless a title says otherwise.
words PARTYW Liberal Democrats | Liberal Democrat | Lib Dems | Lib Dem | Labour | Conservatives | Conservative | Tories | Tory | Reform UK | Green Party | Greens | Plaid Cymru | SNP | UKIP | Democrat
rule full-name
  prefilter off
  match (?<![\w'-])(?=[A-Z])(?!(?:{PARTYW})\b)(?!(?<=\bin |\bat |\bnear |\baround |\boutside |\bacross |\binto )(?!{TITLEW}\.? ))(?:(?<title>{TITLEW})\.? )?(?:{TITLEW}\.? )*(?<name>{NAMEW}(?: {NAMEW}){1,2})(?![\w'-])
  yes The head of Ofsted, Sir Michael Wilshaw, described the findings as unacceptable.
  no It was a home visit in Parson Cross.
  yes It was a talk in Dr Jane Smith's office.
  no Liberal Democrat
  no Reform UK

# A person introduced by a first name alone, as children, care leavers and
# carers often are, known by what follows the name: an age ("Chloe, 19,
# who left care last year", "Jordan, who is 17,") or what they are
# ("Margaret, a foster carer from Bulwell,"). A list's next item after a
# figure ("London, 12, and the North West, 9") is no age. The last word of
# a full name ("Chloe Smith, 19,") is taken by full-name first, and a name
# inside another's counts once (extract_quote.c).
rule first-name-intro
  match (?<![\w'-])(?<name>{NAMEW})(?=, (?:(?:aged )?\d\d?, (?!and |or )[a-z]|who is \d|an? {FIRSTROLE}))
  yes I also spoke to Chloe, 19, who left care last year.
  yes Jordan, who is 17 and asked us not to use his surname, has lived in six placements.
  yes Margaret, a foster carer from Bulwell, emailed the programme.
  no Two councils stood out: London, 12, and the rest.
  yes Later, Amira, 15, said so.

# Descriptions of people, not bodies: "he" and "she" can point back to
# "a spokesman", never to "the report".
family speaker_human

rule human-noun
  prefilter off
  match (?i:\b(?:spokes\w*|man|woman|minister|secretary|chief|director|leader|mayor|chair\w*|official|worker|leaver|colleague|manager|member|parent|mother|father|teenager|girl|boy|councillor|MP|head\w*|inspector|officer|president|executive|commissioner|lawyer|judge|teacher|nurse|doctor|IRO|adviser|advisor|carer|keyworker|mentor|friend|sister|brother|foster \w+|guardian|grand\w+|aunt|uncle|daughter|son|relative|resident|student|pupil|practitioner|advocate|volunteer|campaigner|owner|survivor|child|person|people|youngster|neighbour|interviewee)s?\b)
  yes An NSPCC spokesman
  yes One special guardian
  yes The current owners
  yes Inspectors
  no the report

# Speakers that are an inspection's voice: their organisation is Ofsted when
# the article is about Ofsted.
family speaker_inspection

rule report-or-inspectors
  match (?i:\b(?:report|inspection|inspections|inspectors?|inspectorate|watchdog|monitoring visit|review)\b)
  yes The latest inspection
  no A council spokesman

# People spoken to, who may answer in the next quotation: "I asked my IRO
# once what it meant, and she said: ...".
family speaker_addressee

rule asked-someone
  match \b(?:asked|told|rang|called|emailed|messaged|wrote to) (?<subj>(?:my|his|her|their|our|the|a|an) [\w'-]+{SPWORD}{0,3}?)(?: once| again| later| then)? (?:what|whether|if|why|how|about|when|to|for)\b
  yes I asked my IRO once what it actually meant.
