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
# gazetteer by the extractor) or a word standing for the article's authority.
define CNAME [A-Z][\w'&.-]*(?:,? (?:[A-Z][\w'&.-]*|and|upon|on|under|with|of|the|&))*
define CREF (?:[Tt]he (?:council|authority|local authority|borough|county council|city council|unitary|trust)|[Ii]ts|[Tt]heir|{CNAME})
define CLIST {CREF}(?:(?:, | and | & |, and ){CREF}){0,8}
define CLINK (?:(?:were|was|is|are|has been|have been|had been|had|have|has|been|being|be|now|currently|still|also|first|again|previously|once|subsequently|overall|judged|rated|found|deemed|graded|assessed|declared|as|to be|to|only|just|all|both|by Ofsted|by inspectors|in \d{4}|in (?:January|February|March|April|May|June|July|August|September|October|November|December)(?: \d{4})?|last year|this year|three years ago|two years ago|a year ago|at (?:its|their) (?:last|latest|most recent|previous) inspection|at every inspection since \d{4}|despite [\w ]{1,40}?|-) ?)

rule services-at
  match (?i:children's (?:social care )?services|services for (?:vulnerable )?children(?: and young people)?|safeguarding services|child protection services|social care services|social services) (?:at|in|run by|provided by|of) (?<council>{CLIST}) (?:{CLINK})+(?<grade>{GRADE})
  yes Children's services at Rotherham Borough Council have been rated "inadequate" after Ofsted found failings. => council=Rotherham; grade=inadequate; judgement=overall

rule rated-council
  match \b(?:rated|judged|found|graded|deemed|assessed|declared|placed|left) (?<council>{CLIST})(?:'s(?<jdg>(?: [\w'-]+){1,6}?))? (?:(?:services )?(?:to be|as|to) )?(?<grade>{GRADE})
  yes The previous inspections in 2010 and 2012 had judged Rotherham's safeguarding and adoption services to be "adequate". => council=Rotherham; grade=adequate; judgement=adoption
  yes Kent was inspected. Inspectors rated the council inadequate in 2016. => council=Kent; grade=inadequate

rule council-which-was
  match (?<council>{CLIST}),? (?:which|where|whose [\w' ]{1,40}?|who) (?:{CLINK})*(?<grade>{GRADE})
  yes The changes were made in Slough, which was rated inadequate in 2013. => council=Slough; grade=inadequate

rule previous-rating
  match (?<council>\b(?:[Ii]ts|[Tt]heir|[Tt]he council's|[Tt]he authority's)) (?:previous|last|earlier|first|former|latest|current) (?:Ofsted )?{Q}(?<grade>{GRADEA}){Q} (?:rating|grade|judgement|verdict)
  yes Hull City Council lost its previous 'adequate' rating in 2012. => council=Kingston upon Hull; grade=adequate

rule received-grade
  match (?<council>{CLIST})[^.;]{0,150}?\b(?:receiv\w+|given|awarded|handed|got|gained|achieved|earned|retained|kept|lost|won|secured) (?:an? |its |the |their )?(?:previous |first |latest |current |overall |new )?(?<grade>{GRADEA}) (?:rating|grade|judgement|verdict|result)
  yes He singled out Sunderland, whose services were taken over after receiving an "inadequate" rating last year. => council=Sunderland; grade=inadequate

rule judgement-was-rated
  match (?<![\w'-])(?<jdg>(?i:the )?(?:progress (?:made )?by |experiences (?:and progress )?of |services for |support for |help for )?(?i:care leavers|children looked after|looked-after children|children in care|adoption(?: performance| services)?|fostering(?: services)?|leadership(?: and management)?|leaders|help and protection|child protection|safeguarding|the impact of leaders)(?: [\w'-]+){0,3}?) (?:{CLINK})+(?<grade>{GRADE})
  yes Rotherham was inspected. The progress made by care leavers was also judged inadequate. => council=Rotherham; grade=inadequate; judgement=care_leavers
  no Child protection was judged inadequate in a quarter of councils.

rule council-was-rated
  match (?<![\w'-])(?<council>{CLIST})(?:'s)?(?<jdg>(?: [\w'-]+){0,6}?)?,? (?:{CLINK})+(?<grade>{GRADE})
  yes Doncaster was first judged inadequate three years ago. => council=Doncaster; grade=inadequate
  yes Rotherham children's services rated 'inadequate' => council=Rotherham; grade=inadequate
  yes Barnsley Council was judged to require improvement overall. => council=Barnsley; grade=requires_improvement
  yes He singled out Trafford, Leeds and Hampshire - all rated good despite shrinking budgets. => council=Hampshire; grade=good
  yes Derbyshire was one of 10 authorities judged outstanding for children in care in 2018-19. => council=Derbyshire; grade=outstanding; judgement=looked_after
  no Reading is a skill every child needs, and their schools were judged good.

# "These included Rotherham": the councils of a national figure just given.
family council_rating_member

rule these-included
  match ^(?:These|They|Those|Among them|Among these|Among those)(?: included| include| were| are| was| is|,)? (?<council>{CLIST})
  yes A quarter of the 87 authorities were judged inadequate. These included Rotherham, where cases came to light. => council=Rotherham; grade=inadequate
