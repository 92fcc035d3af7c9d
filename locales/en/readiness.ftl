# Readiness evaluation: a self-assessment for enterprises going abroad.

nav-readiness = Readiness
readiness-title = Readiness for going abroad
readiness-new-title = Readiness evaluation
readiness-assessment-title = Readiness evaluation result
readiness-intro = Before looking for partners overseas, see where your company stands. Twenty statements in five areas, answered in about ten minutes: you get a score for each area, a chart, and concrete next steps where you are weakest. Every evaluation is kept, so you can take it again later and compare.
readiness-new-lead = For each statement, choose how far it is true of your company today. Your answers are seen only by you and the platform's operators.
readiness-start = Start the evaluation
readiness-retake = Take the evaluation again
readiness-submit = See my results
readiness-latest = Latest evaluation
readiness-history = All evaluations
readiness-history-link = All evaluations of this enterprise
readiness-none-yet = No enterprise has taken the evaluation yet.
readiness-operators-lead = The latest evaluation of each enterprise, newest first. Open one to see its answers' scores and next steps, or the enterprise's name for all it took.
readiness-enterprise = Enterprise
readiness-taken = Taken on
readiness-overall = Overall { $score } / 100
readiness-overall-short = Overall
readiness-overall-compared = { $before } / 100 on { $date }
readiness-first-take = First evaluation
readiness-dimension = Area
readiness-score = Score
readiness-before = Before
readiness-change = Change
readiness-next-steps = Next steps
readiness-no-weak = No area is below 60: keep your documents current and take the evaluation again before you open talks.
readiness-chart-title = Score per area, out of 100
readiness-chart-previous = the thin bar is the evaluation before
readiness-chart-weak = weak below { $score }
readiness-error-answer = Choose one answer for this statement.
notice-readiness-taken = Your evaluation is saved. Here are your results.

readiness-level-none = Not yet
readiness-level-planned = Planned
readiness-level-partly = Partly in place
readiness-level-fully = Fully in place

readiness-dim-governance = Governance
readiness-dim-governance-about = How the company is directed and controlled.
readiness-dim-finance = Financial health
readiness-dim-finance-about = Growth, cash and debt, and accounts a foreign partner can read.
readiness-dim-ip = Intellectual property
readiness-dim-ip-about = What protects your technology and brands at home and abroad.
readiness-dim-international = Internationalisation
readiness-dim-international-about = What you already do abroad, and who in the team does it.
readiness-dim-esg = ESG
readiness-dim-esg-about = Environment, labour and the reporting that partners and exchanges ask for.

readiness-q-governance-1 = The company has a board with at least one independent director and written rules for its decisions.
readiness-step-governance-1 = Appoint at least one independent director and write down which decisions the board takes and how.
readiness-q-governance-2 = The financial statements are audited every year by an independent accounting firm.
readiness-step-governance-2 = Engage an accounting firm with cross-border experience for an annual audit.
readiness-q-governance-3 = Related-party transactions are recorded and approved by people without an interest in them.
readiness-step-governance-3 = Keep a register of related-party transactions and have each approved by directors without an interest in it.
readiness-q-governance-4 = Anti-corruption and compliance rules are written down, taught to staff and checked.
readiness-step-governance-4 = Adopt an anti-corruption policy that meets the law of your target market, train staff on it and check it once a year.

readiness-q-finance-1 = Revenue has grown over the last three years.
readiness-step-finance-1 = Prepare three years of comparable results and a plan that explains the growth a partner can expect.
readiness-q-finance-2 = Operating cash flow was positive in each of the last two years.
readiness-step-finance-2 = Build a 24-month cash-flow forecast and secure working capital before committing to a project abroad.
readiness-q-finance-3 = Total debt is less than half of total assets.
readiness-step-finance-3 = Reduce debt or bring in equity before taking on commitments abroad: a debt ratio under 50% reassures partners.
readiness-q-finance-4 = The accounts can be presented under IFRS or reconciled to it.
readiness-step-finance-4 = Have your accounts reconciled to IFRS, the standard of Bursa Malaysia and SET companies, before you show them to partners.

readiness-q-ip-1 = The core technologies are protected by patents or registered rights in China.
readiness-step-ip-1 = File patents or software copyrights for the technologies your cooperation relies on.
readiness-q-ip-2 = The main trademarks are registered in the target markets.
readiness-step-ip-2 = Register your trademarks in the target countries, for example through the Madrid System, before you enter them.
readiness-q-ip-3 = Employees and partners sign confidentiality and IP assignment agreements.
readiness-step-ip-3 = Put confidentiality and IP assignment clauses in every employment, supplier and partner contract.
readiness-q-ip-4 = The company has checked that its products do not infringe others' rights in the target markets.
readiness-step-ip-4 = Commission a freedom-to-operate search for your main products in each target market.

readiness-q-international-1 = The company already sells to or buys from other countries.
readiness-step-international-1 = Start with exports or sourcing through a trading partner to learn the market before you invest in it.
readiness-q-international-2 = Someone in the team is responsible for business abroad and speaks the partner's working language.
readiness-step-international-2 = Name one person responsible for business abroad, with English or the local language, and give them the time for it.
readiness-q-international-3 = The company knows the target market's rules on foreign ownership, licences and tax.
readiness-step-international-3 = Get advice on foreign-ownership limits, licences and tax in the target market; the partner exchange's liaison desk can point you to advisers.
readiness-q-international-4 = Contracts, product documents and the website exist in English or the partner's language.
readiness-step-international-4 = Translate your company profile, product documents and standard contracts into English or the partner's language.

readiness-q-esg-1 = Energy use and emissions are measured and reported.
readiness-step-esg-1 = Measure your energy use and greenhouse-gas emissions and publish them once a year.
readiness-q-esg-2 = The company has an ESG policy or publishes an ESG report.
readiness-step-esg-2 = Write an ESG policy and a first report along the ISSB standards that Bursa Malaysia and SET ask of their listed companies.
readiness-q-esg-3 = Labour standards (working hours, safety, no forced labour) are checked in your own operations and at your suppliers.
readiness-step-esg-3 = Check working hours, safety and forced-labour risks at your sites and your main suppliers, and keep the results.
readiness-q-esg-4 = Products or processes hold recognised green or sustainability certifications.
readiness-step-esg-4 = Seek the certifications your target customers expect, such as ISO 14001 or, for palm oil, RSPO or MSPO.
