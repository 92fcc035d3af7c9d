site-name = V-Next Zone
nav-skip = Skip to content
nav-label = Main navigation
nav-home = Home
nav-zone = Overseas listed companies
nav-language = Language
footer-about = V-Next Zone connects overseas listed companies with domestic enterprises and investors for cross-border industrial cooperation.
footer-fictional = Demonstration platform: every company shown here is fictional.

not-found-title = Page not found
not-found-body = The page you asked for does not exist or has moved.
not-found-zone = Browse listed companies
not-found-home = Go to the home page

home-title = Cross-border industrial cooperation
home-description = Find overseas listed companies from Bursa Malaysia, the Stock Exchange of Thailand and other partner exchanges, and the cooperation they are looking for.
home-heading = Meet overseas listed companies looking for partners in China
home-lead = Partner exchanges publish their listed companies — main business, competitive advantages, core financial data and cooperation intentions — so domestic enterprises and investors can find the right partner.
home-cta-zone = Explore the overseas company zone
home-figures = The zone today
home-figure-companies = listed companies
home-figure-exchanges = partner exchanges
home-figure-countries = countries and regions
home-figure-intents = companies with cooperation intentions
home-figure-green = green development companies
home-exchanges = Partner exchanges
