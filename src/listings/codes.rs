//! ISO code lists the import validates against. Data, kept in one place so the parsers stay short.

/// ISO 3166-1: every officially assigned country code, as (alpha-2, alpha-3), by alpha-2.
/// From the ISO 3166 Maintenance Agency list (249 entries, unchanged since South Sudan in 2011).
pub const COUNTRIES: [(&str, &str); 249] = [
    ("AD", "AND"), // Andorra
    ("AE", "ARE"), // United Arab Emirates
    ("AF", "AFG"), // Afghanistan
    ("AG", "ATG"), // Antigua and Barbuda
    ("AI", "AIA"), // Anguilla
    ("AL", "ALB"), // Albania
    ("AM", "ARM"), // Armenia
    ("AO", "AGO"), // Angola
    ("AQ", "ATA"), // Antarctica
    ("AR", "ARG"), // Argentina
    ("AS", "ASM"), // American Samoa
    ("AT", "AUT"), // Austria
    ("AU", "AUS"), // Australia
    ("AW", "ABW"), // Aruba
    ("AX", "ALA"), // Åland Islands
    ("AZ", "AZE"), // Azerbaijan
    ("BA", "BIH"), // Bosnia and Herzegovina
    ("BB", "BRB"), // Barbados
    ("BD", "BGD"), // Bangladesh
    ("BE", "BEL"), // Belgium
    ("BF", "BFA"), // Burkina Faso
    ("BG", "BGR"), // Bulgaria
    ("BH", "BHR"), // Bahrain
    ("BI", "BDI"), // Burundi
    ("BJ", "BEN"), // Benin
    ("BL", "BLM"), // Saint Barthélemy
    ("BM", "BMU"), // Bermuda
    ("BN", "BRN"), // Brunei Darussalam
    ("BO", "BOL"), // Bolivia, Plurinational State of
    ("BQ", "BES"), // Bonaire, Sint Eustatius and Saba
    ("BR", "BRA"), // Brazil
    ("BS", "BHS"), // Bahamas
    ("BT", "BTN"), // Bhutan
    ("BV", "BVT"), // Bouvet Island
    ("BW", "BWA"), // Botswana
    ("BY", "BLR"), // Belarus
    ("BZ", "BLZ"), // Belize
    ("CA", "CAN"), // Canada
    ("CC", "CCK"), // Cocos (Keeling) Islands
    ("CD", "COD"), // Congo, The Democratic Republic of the
    ("CF", "CAF"), // Central African Republic
    ("CG", "COG"), // Congo
    ("CH", "CHE"), // Switzerland
    ("CI", "CIV"), // Côte d'Ivoire
    ("CK", "COK"), // Cook Islands
    ("CL", "CHL"), // Chile
    ("CM", "CMR"), // Cameroon
    ("CN", "CHN"), // China
    ("CO", "COL"), // Colombia
    ("CR", "CRI"), // Costa Rica
    ("CU", "CUB"), // Cuba
    ("CV", "CPV"), // Cabo Verde
    ("CW", "CUW"), // Curaçao
    ("CX", "CXR"), // Christmas Island
    ("CY", "CYP"), // Cyprus
    ("CZ", "CZE"), // Czechia
    ("DE", "DEU"), // Germany
    ("DJ", "DJI"), // Djibouti
    ("DK", "DNK"), // Denmark
    ("DM", "DMA"), // Dominica
    ("DO", "DOM"), // Dominican Republic
    ("DZ", "DZA"), // Algeria
    ("EC", "ECU"), // Ecuador
    ("EE", "EST"), // Estonia
    ("EG", "EGY"), // Egypt
    ("EH", "ESH"), // Western Sahara
    ("ER", "ERI"), // Eritrea
    ("ES", "ESP"), // Spain
    ("ET", "ETH"), // Ethiopia
    ("FI", "FIN"), // Finland
    ("FJ", "FJI"), // Fiji
    ("FK", "FLK"), // Falkland Islands (Malvinas)
    ("FM", "FSM"), // Micronesia, Federated States of
    ("FO", "FRO"), // Faroe Islands
    ("FR", "FRA"), // France
    ("GA", "GAB"), // Gabon
    ("GB", "GBR"), // United Kingdom
    ("GD", "GRD"), // Grenada
    ("GE", "GEO"), // Georgia
    ("GF", "GUF"), // French Guiana
    ("GG", "GGY"), // Guernsey
    ("GH", "GHA"), // Ghana
    ("GI", "GIB"), // Gibraltar
    ("GL", "GRL"), // Greenland
    ("GM", "GMB"), // Gambia
    ("GN", "GIN"), // Guinea
    ("GP", "GLP"), // Guadeloupe
    ("GQ", "GNQ"), // Equatorial Guinea
    ("GR", "GRC"), // Greece
    ("GS", "SGS"), // South Georgia and the South Sandwich Islands
    ("GT", "GTM"), // Guatemala
    ("GU", "GUM"), // Guam
    ("GW", "GNB"), // Guinea-Bissau
    ("GY", "GUY"), // Guyana
    ("HK", "HKG"), // Hong Kong
    ("HM", "HMD"), // Heard Island and McDonald Islands
    ("HN", "HND"), // Honduras
    ("HR", "HRV"), // Croatia
    ("HT", "HTI"), // Haiti
    ("HU", "HUN"), // Hungary
    ("ID", "IDN"), // Indonesia
    ("IE", "IRL"), // Ireland
    ("IL", "ISR"), // Israel
    ("IM", "IMN"), // Isle of Man
    ("IN", "IND"), // India
    ("IO", "IOT"), // British Indian Ocean Territory
    ("IQ", "IRQ"), // Iraq
    ("IR", "IRN"), // Iran, Islamic Republic of
    ("IS", "ISL"), // Iceland
    ("IT", "ITA"), // Italy
    ("JE", "JEY"), // Jersey
    ("JM", "JAM"), // Jamaica
    ("JO", "JOR"), // Jordan
    ("JP", "JPN"), // Japan
    ("KE", "KEN"), // Kenya
    ("KG", "KGZ"), // Kyrgyzstan
    ("KH", "KHM"), // Cambodia
    ("KI", "KIR"), // Kiribati
    ("KM", "COM"), // Comoros
    ("KN", "KNA"), // Saint Kitts and Nevis
    ("KP", "PRK"), // Korea, Democratic People's Republic of
    ("KR", "KOR"), // Korea, Republic of
    ("KW", "KWT"), // Kuwait
    ("KY", "CYM"), // Cayman Islands
    ("KZ", "KAZ"), // Kazakhstan
    ("LA", "LAO"), // Lao People's Democratic Republic
    ("LB", "LBN"), // Lebanon
    ("LC", "LCA"), // Saint Lucia
    ("LI", "LIE"), // Liechtenstein
    ("LK", "LKA"), // Sri Lanka
    ("LR", "LBR"), // Liberia
    ("LS", "LSO"), // Lesotho
    ("LT", "LTU"), // Lithuania
    ("LU", "LUX"), // Luxembourg
    ("LV", "LVA"), // Latvia
    ("LY", "LBY"), // Libya
    ("MA", "MAR"), // Morocco
    ("MC", "MCO"), // Monaco
    ("MD", "MDA"), // Moldova, Republic of
    ("ME", "MNE"), // Montenegro
    ("MF", "MAF"), // Saint Martin (French part)
    ("MG", "MDG"), // Madagascar
    ("MH", "MHL"), // Marshall Islands
    ("MK", "MKD"), // North Macedonia
    ("ML", "MLI"), // Mali
    ("MM", "MMR"), // Myanmar
    ("MN", "MNG"), // Mongolia
    ("MO", "MAC"), // Macao
    ("MP", "MNP"), // Northern Mariana Islands
    ("MQ", "MTQ"), // Martinique
    ("MR", "MRT"), // Mauritania
    ("MS", "MSR"), // Montserrat
    ("MT", "MLT"), // Malta
    ("MU", "MUS"), // Mauritius
    ("MV", "MDV"), // Maldives
    ("MW", "MWI"), // Malawi
    ("MX", "MEX"), // Mexico
    ("MY", "MYS"), // Malaysia
    ("MZ", "MOZ"), // Mozambique
    ("NA", "NAM"), // Namibia
    ("NC", "NCL"), // New Caledonia
    ("NE", "NER"), // Niger
    ("NF", "NFK"), // Norfolk Island
    ("NG", "NGA"), // Nigeria
    ("NI", "NIC"), // Nicaragua
    ("NL", "NLD"), // Netherlands
    ("NO", "NOR"), // Norway
    ("NP", "NPL"), // Nepal
    ("NR", "NRU"), // Nauru
    ("NU", "NIU"), // Niue
    ("NZ", "NZL"), // New Zealand
    ("OM", "OMN"), // Oman
    ("PA", "PAN"), // Panama
    ("PE", "PER"), // Peru
    ("PF", "PYF"), // French Polynesia
    ("PG", "PNG"), // Papua New Guinea
    ("PH", "PHL"), // Philippines
    ("PK", "PAK"), // Pakistan
    ("PL", "POL"), // Poland
    ("PM", "SPM"), // Saint Pierre and Miquelon
    ("PN", "PCN"), // Pitcairn
    ("PR", "PRI"), // Puerto Rico
    ("PS", "PSE"), // Palestine, State of
    ("PT", "PRT"), // Portugal
    ("PW", "PLW"), // Palau
    ("PY", "PRY"), // Paraguay
    ("QA", "QAT"), // Qatar
    ("RE", "REU"), // Réunion
    ("RO", "ROU"), // Romania
    ("RS", "SRB"), // Serbia
    ("RU", "RUS"), // Russian Federation
    ("RW", "RWA"), // Rwanda
    ("SA", "SAU"), // Saudi Arabia
    ("SB", "SLB"), // Solomon Islands
    ("SC", "SYC"), // Seychelles
    ("SD", "SDN"), // Sudan
    ("SE", "SWE"), // Sweden
    ("SG", "SGP"), // Singapore
    ("SH", "SHN"), // Saint Helena, Ascension and Tristan da Cunha
    ("SI", "SVN"), // Slovenia
    ("SJ", "SJM"), // Svalbard and Jan Mayen
    ("SK", "SVK"), // Slovakia
    ("SL", "SLE"), // Sierra Leone
    ("SM", "SMR"), // San Marino
    ("SN", "SEN"), // Senegal
    ("SO", "SOM"), // Somalia
    ("SR", "SUR"), // Suriname
    ("SS", "SSD"), // South Sudan
    ("ST", "STP"), // Sao Tome and Principe
    ("SV", "SLV"), // El Salvador
    ("SX", "SXM"), // Sint Maarten (Dutch part)
    ("SY", "SYR"), // Syrian Arab Republic
    ("SZ", "SWZ"), // Eswatini
    ("TC", "TCA"), // Turks and Caicos Islands
    ("TD", "TCD"), // Chad
    ("TF", "ATF"), // French Southern Territories
    ("TG", "TGO"), // Togo
    ("TH", "THA"), // Thailand
    ("TJ", "TJK"), // Tajikistan
    ("TK", "TKL"), // Tokelau
    ("TL", "TLS"), // Timor-Leste
    ("TM", "TKM"), // Turkmenistan
    ("TN", "TUN"), // Tunisia
    ("TO", "TON"), // Tonga
    ("TR", "TUR"), // Türkiye
    ("TT", "TTO"), // Trinidad and Tobago
    ("TV", "TUV"), // Tuvalu
    ("TW", "TWN"), // Taiwan, Province of China
    ("TZ", "TZA"), // Tanzania, United Republic of
    ("UA", "UKR"), // Ukraine
    ("UG", "UGA"), // Uganda
    ("UM", "UMI"), // United States Minor Outlying Islands
    ("US", "USA"), // United States
    ("UY", "URY"), // Uruguay
    ("UZ", "UZB"), // Uzbekistan
    ("VA", "VAT"), // Holy See (Vatican City State)
    ("VC", "VCT"), // Saint Vincent and the Grenadines
    ("VE", "VEN"), // Venezuela, Bolivarian Republic of
    ("VG", "VGB"), // Virgin Islands, British
    ("VI", "VIR"), // Virgin Islands, U.S.
    ("VN", "VNM"), // Viet Nam
    ("VU", "VUT"), // Vanuatu
    ("WF", "WLF"), // Wallis and Futuna
    ("WS", "WSM"), // Samoa
    ("YE", "YEM"), // Yemen
    ("YT", "MYT"), // Mayotte
    ("ZA", "ZAF"), // South Africa
    ("ZM", "ZMB"), // Zambia
    ("ZW", "ZWE"), // Zimbabwe
];

/// ISO 4217 list one: every active alphabetic currency code, including fund codes (BOV, CLF,
/// ...), precious metals (XAU, ...) and the special codes (XDR, XTS, XXX), as the list stood
/// in May 2025. Withdrawn by then and so left out: HRK (Croatia joined the euro in 2023), SLL
/// (replaced by SLE), ZWL (replaced by ZWG in 2024), CUC (Cuba), ANG (replaced by XCG in 2025).
/// BGN is still in it, though Bulgaria adopted the euro in 2026: review at the next update.
pub const CURRENCIES: [&str; 179] = [
    "AED", "AFN", "ALL", "AMD", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN",
    "BHD", "BIF", "BMD", "BND", "BOB", "BOV", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD",
    "CDF", "CHE", "CHF", "CHW", "CLF", "CLP", "CNY", "COP", "COU", "CRC", "CUP", "CVE", "CZK",
    "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS",
    "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD",
    "IRR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD",
    "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT",
    "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MXV", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK",
    "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD",
    "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP",
    "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS",
    "UAH", "UGX", "USD", "USN", "UYI", "UYU", "UYW", "UZS", "VED", "VES", "VND", "VUV", "WST",
    "XAD", "XAF", "XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XCD", "XCG", "XDR", "XOF", "XPD",
    "XPF", "XPT", "XSU", "XTS", "XUA", "XXX", "YER", "ZAR", "ZMW", "ZWG",
];

/// The alpha-2 code of an upper-case alpha-2 or alpha-3 country code; `None` if ISO never
/// assigned it.
pub fn country_alpha2(code: &str) -> Option<&'static str> {
    COUNTRIES
        .iter()
        .find(|(a2, a3)| *a2 == code || *a3 == code)
        .map(|(a2, _)| *a2)
}

/// Whether `code` (upper case) is an active ISO 4217 alphabetic code.
pub fn is_currency(code: &str) -> bool {
    // The list is sorted, so a binary search suffices.
    CURRENCIES.binary_search(&code).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn lists_are_well_formed_and_unique() {
        let a2: HashSet<_> = COUNTRIES.iter().map(|(a, _)| a).collect();
        let a3: HashSet<_> = COUNTRIES.iter().map(|(_, a)| a).collect();
        assert_eq!((a2.len(), a3.len()), (249, 249));
        for (two, three) in COUNTRIES {
            assert!(two.len() == 2 && two.bytes().all(|b| b.is_ascii_uppercase()));
            assert!(three.len() == 3 && three.bytes().all(|b| b.is_ascii_uppercase()));
        }
        assert!(
            CURRENCIES.windows(2).all(|w| w[0] < w[1]),
            "sorted, no duplicates"
        );
        assert!(
            CURRENCIES
                .iter()
                .all(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()))
        );
    }

    #[test]
    fn lookups() {
        assert_eq!(country_alpha2("MY"), Some("MY"));
        assert_eq!(country_alpha2("MYS"), Some("MY"));
        assert_eq!(country_alpha2("THA"), Some("TH"));
        assert_eq!(country_alpha2("HKG"), Some("HK"));
        assert_eq!(country_alpha2("XX"), None);
        assert_eq!(country_alpha2("UK"), None);
        for c in [
            "MYR", "THB", "SGD", "HKD", "IDR", "VND", "CNY", "USD", "EUR", "ZWG", "XCG",
        ] {
            assert!(is_currency(c), "{c}");
        }
        for c in ["ABC", "HRK", "myr", ""] {
            assert!(!is_currency(c), "{c}");
        }
    }
}
