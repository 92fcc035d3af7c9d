zone-title = Overseas listed companies
zone-description = Directory of overseas listed companies: filter by exchange, market, industry, country and cooperation intention, or search in any language.
zone-heading = Overseas listed company zone
zone-lead = Main business, competitive advantages and cooperation intentions of companies listed on our partner exchanges.
zone-loading = Loading…
zone-load-error = The companies could not be loaded. Please try again in a moment.
zone-filters = Filters
zone-filter-exchange = Exchange
zone-filter-market = Market
zone-filter-industry = Industry
zone-filter-country = Country or region
zone-filter-intent = Cooperation intention
zone-filter-any = Any
zone-filter-green = Green development only
zone-search = Search
zone-search-placeholder = Company name, symbol or keyword
zone-reset = Clear all filters
zone-green-badge = Green
zone-no-results = No companies match these filters. Try removing one.
zone-intents = Cooperation intentions
zone-result-count = { $count ->
    [one] { $count } company
   *[other] { $count } companies
}

pagination-label = Pages
pagination-previous = ← Previous
pagination-next = Next →
pagination-page-of = Page { $page } of { $pages }

fallback-shown-in-zh = Shown in Chinese — not yet translated
fallback-shown-in-en = Shown in English — not yet translated
fallback-shown-in-ms = Shown in Malay — not yet translated
fallback-shown-in-th = Shown in Thai — not yet translated

market-bursa-main = Bursa Main Market
market-bursa-ace = Bursa ACE Market
market-bursa-leap = Bursa LEAP Market
market-set = SET
market-mai = mai (Market for Alternative Investment)
market-sgx-mainboard = SGX Mainboard
market-sgx-catalist = SGX Catalist
market-hkex-main = HKEX Main Board
market-hkex-gem = HKEX GEM
market-idx-main = IDX Main Board
market-hose = HOSE

industry-plantation = Plantation and agriculture
industry-energy = Energy
industry-technology = Technology
industry-healthcare = Healthcare
industry-consumer = Consumer products
industry-industrial = Industrial products
industry-transport = Transport and logistics
industry-property = Property
industry-materials = Materials
industry-utilities = Utilities
industry-financials = Financial services

sector-palm-oil = Palm oil
sector-solar = Solar power
sector-semiconductors = Semiconductors
sector-software = Software
sector-medical-gloves = Medical gloves
sector-food-processing = Food processing
sector-precision-engineering = Precision engineering
sector-biomass = Biomass power
sector-logistics = Logistics
sector-industrial-parks = Industrial parks
sector-packaging = Packaging
sector-water-treatment = Water treatment
sector-e-commerce = E-commerce
sector-hospitals = Hospitals
sector-digital-payments = Digital payments
sector-batteries = Batteries and energy storage

country-CN = China
country-MY = Malaysia
country-TH = Thailand
country-SG = Singapore
country-HK = Hong Kong, China
country-ID = Indonesia
country-VN = Viet Nam

intent-technology = Technology cooperation
intent-market-access = Market access
intent-supply-chain = Supply chain
intent-joint-venture = Joint venture
intent-m-and-a = Mergers and acquisitions
intent-investment = Investment and financing
intent-green-energy = Green energy
