## Partner workspace: the exchange's companies, one by one

partner-company-list-link = Edit companies one by one
partner-company-list-title = Companies of your exchange
partner-company-list-intro = Find a company by its symbol or any of its names, correct its data, or delist it from the zone. Changes made here apply at once and are recorded in the audit log.
partner-company-back-to-workspace = ← Listings of your exchange
partner-company-search-placeholder = Symbol or company name
partner-company-state-all = All
partner-company-state-listed = In the zone
partner-company-state-delisted = Delisted
partner-company-list-count = { $count ->
    [one] { $count } company
   *[other] { $count } companies
}
partner-company-list-none = No company matches. Clear the search or choose another filter.

partner-company-edit-title = Edit a company
partner-company-back-to-list = ← All companies of your exchange
partner-company-view-in-zone = See its page in the zone
partner-company-texts = Texts in four languages
partner-company-texts-hint = Leave a text empty where there is no translation yet: the zone then shows it in another language, with a note. A company name is required in at least one language.
partner-company-listing-facts = Listing facts
partner-company-country-hint = An ISO country code, for example MY or TH.
partner-company-contact-hint = Shown only to verified enterprises, operators and your exchange, beside the liaison desk.
partner-company-years = Core financial data
partner-company-years-hint = Amounts are whole numbers in the unit given (1 for amounts as they are, 1,000 for thousands) and in the currency given (an ISO code such as MYR). Fill in the last row to add a fiscal year.
partner-company-year-new = new fiscal year
partner-company-year-remove = Remove
partner-company-save = Save changes
partner-company-zone-state = In the zone or delisted
partner-company-delist-hint = Delisting takes the company out of the zone. Its data is kept, and it can be put back into the zone at any time.
partner-company-delist = Delist from the zone
partner-company-relist-hint = This company is delisted: the zone does not show it. Its data is kept.
partner-company-relist = Put back into the zone

partner-company-error-summary = { $count ->
    [one] Nothing was saved: one field has a problem. It is marked below.
   *[other] Nothing was saved: { $count } fields have problems. They are marked below.
}
partner-company-error-name = Give the company a name in at least one language.
partner-company-error-year-exists = This fiscal year is already in the table: change its row instead.
partner-company-error-unit = The unit is 1 or more: 1 for amounts as they are, 1,000 for thousands.

notice-company-saved = The changes to the company were saved.
notice-company-delisted = The company was delisted from the zone. Its data is kept.
notice-company-relisted = The company is back in the zone.
partner-company-error-changed = Someone changed this company after this form was opened: nothing was saved. Open the company again and make your change there.
