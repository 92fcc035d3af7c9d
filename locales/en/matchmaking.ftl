## Matchmaking: demands, introductions and liaison cases

nav-demands = Demands
nav-desk = My cases
company-introduce = Request an introduction
form-choose = Choose…

home-liaison-figures = The long-term liaison
home-figure-enterprises-served = enterprises served
home-figure-introductions = introductions made
home-figure-cooperation = cooperation agreed
home-figure-financing = financing closed
home-figure-financing-amount = financing closed, in yuan

## The board

board-title = Cooperation and financing demands
board-intro = Domestic enterprises publish what they are looking for abroad, and partner exchanges publish offers for their listed companies. Contact details are never shown here: ask for an introduction and the platform carries it.
board-publish = Publish a demand
board-search = Search demands
board-any = Any
board-country = Target country or region
board-apply = Apply
board-count = { $count ->
    [one] One demand
   *[other] { $count } demands
}
board-empty = No demand matches. Try fewer filters or another search.

## A demand

demand-title = Demand
demand-new-title = Publish a demand
demand-edit-title = Change a demand
demand-form-intro = Describe what you are looking for. Write the title and description in one or more languages: readers see their own language where you wrote it, and another one with a note where you did not. An operator reviews every demand before it is published; it then stays on the board for six months and can be renewed.
demand-kind = Kind of demand
demand-kind-technology = Technology cooperation
demand-kind-market-access = Market expansion
demand-kind-supply-chain = Supply chain
demand-kind-joint-venture = Joint venture
demand-kind-m-and-a = Mergers and acquisitions
demand-kind-financing = Equity financing
demand-industry = Industry
demand-targets = Target countries and exchanges
demand-targets-hint = Tick none for anywhere.
demand-targets-anywhere = Anywhere
demand-green = Green development
demand-green-fit = The demand serves green development
demand-financing = Financing
demand-financing-hint = For equity financing only: the amount sought, in whole units of the currency, and the stage of the enterprise.
demand-financing-range = { $currency } { $min } – { $max } · { $stage }
demand-amount-min = Smallest amount
demand-amount-max = Largest amount
demand-currency = Currency
demand-stage = Stage
demand-stage-seed = Seed
demand-stage-growth = Growth
demand-stage-expansion = Expansion
demand-stage-pre-ipo = Pre-IPO
demand-texts = Title and description
demand-texts-hint = At least one title. A description without a title in the same language is not enough.
demand-text-title = Title
demand-text-description = Description
demand-company = Company (its symbol)
demand-company-hint = The symbol of one of your exchange's listed companies, as in the zone.
demand-publisher = Published by
demand-publisher-enterprise = A domestic enterprise ({ $kind })
demand-valid-until = Valid until
demand-no-contacts = Contact details are shared only through an introduction, once both sides have agreed.
demand-save-draft = Save as draft
demand-submit = Submit for review
demand-status = Status
demand-status-draft = Draft
demand-status-review = Under review
demand-status-published = Published
demand-status-returned = Returned for changes
demand-status-withdrawn = Withdrawn
demand-status-expired = Expired
demand-returned-because = The operator returned it:
demand-review = Review
demand-return-reason = Reason for returning it
demand-action-edit = Change
demand-action-submit = Submit for review
demand-action-renew = Renew for six months
demand-action-withdraw = Withdraw
demand-action-publish = Publish
demand-action-return = Return for changes
demand-action-answer = Offer an introduction
demand-answer = Answer for one of your companies
demand-answer-hint = The operator screens your answer first; the enterprise sees it once it is forwarded.
demand-case-open = A liaison case about this demand is open
demand-error-kind = Please choose the kind of demand.
demand-error-industry = Please choose an industry.
demand-error-targets = Please choose target countries and exchanges from the list.
demand-error-amount = Please enter a whole amount greater than zero.
demand-error-amount-order = The largest amount cannot be smaller than the smallest.
demand-error-currency = Please choose a currency.
demand-error-stage = Please choose the stage of the enterprise.
demand-error-title-long = The title is too long (at most 120 characters).
demand-error-description-long = The text is too long.
demand-error-title-missing = This description needs a title in the same language.
demand-error-no-title = Please give the demand a title in at least one language.
demand-error-company = No listed company of your exchange has this symbol.
demand-error-reason = Please give the reason.
demand-error-not-now = This cannot be done to the demand in its present status.
notice-demand-saved = The demand is saved as a draft.
notice-demand-submitted = The demand is submitted. An operator will review it.
notice-demand-submit = The demand is submitted. An operator will review it.
notice-demand-renew = The demand stays on the board for six more months.
notice-demand-withdraw = The demand is withdrawn.
notice-demand-publish = The demand is published on the board.
notice-demand-return = The demand is returned to its owner with your reason.

## Introductions and liaison cases

introduce-title = Request an introduction
introduce-intro = Tell the platform what you would like to discuss. An operator screens the request and forwards it to the company's exchange, which answers for the company. You follow every step under My cases.
introduce-privacy = Your contact details are shared with the company only after it accepts.
introduce-send = Send the request
introduce-already = You already have an open introduction request for this company.
introduce-open-case = Open the liaison case
case-title = Liaison case
case-kind-introduction = Introduction
case-company = Overseas listed company
case-enterprise = Domestic enterprise
case-purpose = Purpose
case-message = Message
case-demand = In answer to
case-request = The request
case-outcome = Outcome
case-outcome-cooperation = Cooperation agreed
case-outcome-financing = Financing closed
case-outcome-no-deal = No deal
case-outcome-note = Note on the outcome (for no deal: the reason)
case-amount = Amount
case-amount-hint = For financing closed: the amount, in whole units of the currency.
case-stage-requested = Requested
case-stage-screening = Screening
case-stage-forwarded = Forwarded to the other side
case-stage-accepted = Accepted
case-stage-declined = Declined
case-stage-meeting = Meeting scheduled
case-stage-closed = Closed
case-stage-withdrawn = Withdrawn
case-step-request = Requested
case-step-screen = Screening started
case-step-forward = Forwarded
case-step-refuse = Turned down by the operator
case-step-accept = Accepted
case-step-decline = Declined
case-step-schedule = Meeting set
case-step-close = Closed
case-step-withdraw = Withdrawn
case-do-screen = Start screening
case-do-forward = Forward to the other side
case-do-refuse = Turn down
case-do-accept = Accept
case-do-decline = Decline
case-do-schedule = Set the meeting
case-do-close = Close with an outcome
case-do-withdraw = Withdraw the request
case-side-enterprise = Domestic enterprise
case-side-partner = Partner exchange
case-side-operator = Operator
case-steps = What you can do now
case-note = Note (optional)
case-reason = Reason
case-meeting = Meeting
case-meeting-date = Date
case-meeting-time = Time
case-meeting-zone = Time zone
case-meeting-place = Online link or place
case-meeting-place-hint = A video-call link, or an address.
case-meeting-your-time = Your time
case-meeting-set-in = As set
case-contacts = Contacts
case-contact-person = Contact person
case-contacts-later = Each side sees the other's contact details once both have accepted.
case-history = History
case-thread = Messages
case-thread-hint = Only the two sides and the platform's operators read these messages.
case-thread-empty = No messages yet.
case-message-new = New message
case-message-send = Send
case-error-purpose = Please choose the purpose.
case-error-message = Please write a message.
case-error-too-long = The text is too long.
case-error-already-open = An open liaison case already exists for this.
case-error-not-now = This step is not possible at this stage of the case.
case-error-reason = Please give the reason.
case-error-zone = Please choose a time zone.
case-error-when = Please enter a date and time from today up to two years ahead.
case-error-place = Please give an online link or a place.
case-error-outcome = Please choose the outcome.
case-error-closed = The case is over; no more messages can be added.
notice-case-opened = Your request is sent. You can follow it here.
notice-case-moved = The case is updated.
notice-case-message-sent = Your message is sent.

## The desk

desk-title = My cases
desk-intro = Liaison cases you take part in, and what waits for you.
desk-none = Cases and demands are for verified enterprises, partner exchanges and operators.
desk-awaiting = { $count ->
    [0] Nothing waits for you.
    [one] One case waits for you.
   *[other] { $count } cases wait for you.
}
desk-cases = { $count ->
    [one] One case
   *[other] { $count } cases
}
desk-days = { $count ->
    [0] today
    [one] 1 day ago
   *[other] { $count } days ago
}
desk-overdue = no change for { $days } days
desk-overdue-only = Only cases without change for { $days } days
desk-awaits-you = waits for you
desk-demands = My demands
desk-demands-none = None yet.
desk-review = Demands waiting for review
desk-export-csv = Export as CSV
desk-export-xlsx = Export as Excel
case-export-file = liaison-cases
case-column-id = Case
case-column-stage = Stage
case-column-company = Company
case-column-exchange = Exchange
case-column-enterprise = Enterprise
case-column-purpose = Purpose
case-column-opened = Opened
case-column-changed = Last change
case-column-outcome = Outcome
case-column-currency = Currency
case-column-days = Days since the last change
case-column-amount = Amount

## Mail

mail-demand-submitted-subject = A demand waits for review
mail-demand-submitted-body = The demand "{ $title }" was submitted on V-Next Zone and waits for an operator's review: { $link }
mail-demand-published-subject = Your demand is published
mail-demand-published-body = Your demand "{ $title }" is now on the V-Next Zone board for six months: { $link }
mail-demand-returned-subject = Your demand was returned for changes
mail-demand-returned-body = An operator returned your demand "{ $title }" on V-Next Zone with this reason: { $reason } — You can change it and submit it again: { $link }
mail-case-requested-subject = A new introduction request
mail-case-requested-body = An introduction to { $company } was requested on V-Next Zone and waits for screening: { $link }
mail-case-moved-subject = Liaison case: { $stage }
mail-case-moved-body = The liaison case about { $company } on V-Next Zone is now at "{ $stage }". { $note } Details: { $link }
mail-case-message-subject = A new message in a liaison case
mail-case-message-body = There is a new message in the liaison case about { $company } on V-Next Zone: { $link }

## Recommendations
match-companies-title = Recommended companies
match-demands-title = Demands that fit this company
match-link-companies = Recommended companies
match-link-demands = Demands that fit this company
match-how = Each match is scored out of 100 from its industry, the intention it declares, the target market, the green wish and the topics both sides write about, in whichever languages they wrote in. The table under each match shows its points.
match-weighed = { $count ->
    [one] { $shown } candidate weighed.
   *[other] { $shown } candidates weighed.
}
match-no-companies = No listed company fits this demand yet.
match-no-demands = No demand on the board fits this company yet.
match-score = Match { $score } / 100
match-why = Why this match
match-act-answer = Answer this demand
match-part-industry = Industry
match-part-intent = Intention
match-part-target = Target market
match-part-green = Green
match-part-topics = Shared topics
match-why-same-industry = Same industry: { $industry }
match-why-related-industry = Related: the texts touch { $industry }
match-why-other-industry = Another industry
match-why-declares = Declares “{ $intent }”
match-why-not-declared = Does not declare “{ $intent }”
match-why-any-market = The demand is open to any market
match-why-in-market = In a target market: { $place }
match-why-outside-markets = Outside the target markets
match-why-green = Marked green, as the demand asks
match-why-not-green = Not marked green
match-why-shared = { $topics }
match-why-nothing-shared = No topics in common
match-list-separator = {", "}
