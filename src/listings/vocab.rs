//! The coded values a file names in words: markets per exchange, industries and cooperation
//! intents. A cell matches a code, its label in any of the four languages, or a name the
//! exchanges' own lists use.

use super::columns::normalize_header as fold;
use crate::i18n::{Lang, tr};
use crate::zone::{INDUSTRIES, INTENT_KINDS};
use std::collections::HashMap;
use std::sync::LazyLock;

/// The markets of each exchange (`market-*` messages) and the short names their lists use.
const MARKETS: &[(&str, &str, &[&str])] = &[
    (
        "XKLS",
        "bursa-main",
        &["main", "main market", "pasaran utama", "主板"],
    ),
    ("XKLS", "bursa-ace", &["ace", "ace market", "pasaran ace"]),
    (
        "XKLS",
        "bursa-leap",
        &["leap", "leap market", "pasaran leap"],
    ),
    (
        "XBKK",
        "set",
        &["set", "set market", "main board", "ตลาดหลักทรัพย์"],
    ),
    (
        "XBKK",
        "mai",
        &[
            "mai",
            "market for alternative investment",
            "ตลาดหลักทรัพย์ เอ็ม เอ ไอ",
        ],
    ),
    ("XSES", "sgx-mainboard", &["mainboard", "main board"]),
    ("XSES", "sgx-catalist", &["catalist"]),
    ("XHKG", "hkex-main", &["main board", "mainboard", "主板"]),
    (
        "XHKG",
        "hkex-gem",
        &["gem", "growth enterprise market", "创业板"],
    ),
    ("XIDX", "idx-main", &["main board", "papan utama"]),
    ("XSTC", "hose", &["hose", "hsx"]),
];

/// Industry names of the exchanges' own classifications (SET industry groups, Bursa sectors).
const INDUSTRY_NAMES: &[(&str, &[&str])] = &[
    (
        "plantation",
        &[
            "agro",
            "agro & food industry",
            "agro and food",
            "agribusiness",
            "plantation",
            "เกษตรและอุตสาหกรรมอาหาร",
            "perladangan",
        ],
    ),
    (
        "energy",
        &[
            "resourc",
            "resources",
            "energy & utilities",
            "oil & gas",
            "ทรัพยากร",
            "tenaga",
        ],
    ),
    (
        "technology",
        &[
            "tech",
            "technology",
            "telecommunications & media",
            "ict",
            "เทคโนโลยี",
            "teknologi",
        ],
    ),
    (
        "healthcare",
        &[
            "health care",
            "health care services",
            "การแพทย์",
            "penjagaan kesihatan",
        ],
    ),
    (
        "consumer",
        &[
            "consump",
            "service",
            "services",
            "บริการ",
            "consumer products",
            "consumer products & services",
            "สินค้าอุปโภคบริโภค",
            "produk pengguna",
        ],
    ),
    (
        "industrial",
        &[
            "indus",
            "industrials",
            "industrial products & services",
            "construction",
            "สินค้าอุตสาหกรรม",
            "produk perindustrian",
        ],
    ),
    (
        "transport",
        &[
            "transportation & logistics",
            "transportation",
            "logistics",
            "ขนส่งและโลจิสติกส์",
            "pengangkutan",
        ],
    ),
    (
        "property",
        &[
            "propcon",
            "property & construction",
            "reit",
            "real estate",
            "อสังหาริมทรัพย์และก่อสร้าง",
            "hartanah",
        ],
    ),
    (
        "materials",
        &["materials", "basic materials", "วัสดุ", "bahan"],
    ),
    ("utilities", &["utilities", "สาธารณูปโภค", "utiliti"]),
    (
        "financials",
        &[
            "fincial",
            "financials",
            "financial services",
            "banking",
            "ธุรกิจการเงิน",
            "perkhidmatan kewangan",
        ],
    ),
];

/// Every name a coded value goes by, folded: `(kind, exchange or "", name) → code`, built once.
static NAMES: LazyLock<HashMap<(&'static str, &'static str, String), &'static str>> =
    LazyLock::new(|| {
        let mut names = HashMap::new();
        let mut add =
            |kind: &'static str, mic: &'static str, code: &'static str, extra: &[&str]| {
                let labels = Lang::ALL.map(|lang| tr(lang, &format!("{kind}-{code}")));
                for name in extra
                    .iter()
                    .copied()
                    .chain([code])
                    .chain(labels.iter().map(String::as_str))
                {
                    names.entry((kind, mic, fold(name))).or_insert(code);
                }
            };
        for (mic, code, extra) in MARKETS {
            add("market", mic, code, extra);
        }
        for code in INDUSTRIES {
            let extra = INDUSTRY_NAMES
                .iter()
                .find(|(c, _)| *c == code)
                .map_or(&[][..], |(_, names)| names);
            add("industry", "", code, extra);
        }
        for code in INTENT_KINDS {
            add("intent", "", code, &[]);
        }
        names
    });

fn lookup(kind: &'static str, mic: &'static str, cell: &str) -> Option<&'static str> {
    NAMES.get(&(kind, mic, fold(cell))).copied()
}

/// The market code of exchange `mic` a cell names.
pub fn market(mic: &str, cell: &str) -> Option<&'static str> {
    let mic = MARKETS.iter().map(|(m, _, _)| *m).find(|m| *m == mic)?;
    lookup("market", mic, cell)
}

/// The markets of exchange `mic`, for the message that lists what a cell may say.
pub fn markets_of(mic: &str) -> Vec<&'static str> {
    MARKETS
        .iter()
        .filter(|(m, _, _)| *m == mic)
        .map(|(_, code, _)| *code)
        .collect()
}

/// The names an exchange goes by in the four languages and in its own lists, besides its MIC.
#[rustfmt::skip] // A table: rustfmt would give every name a line of its own.
const EXCHANGE_NAMES: &[(&str, &[&str])] = &[
    ("XKLS", &["bursa malaysia", "bursa malaysia berhad", "myx", "马来西亚交易所", "马来西亚证券交易所",
               "ตลาดหลักทรัพย์มาเลเซีย"]),
    ("XBKK", &["set", "stock exchange of thailand", "the stock exchange of thailand",
               "ตลาดหลักทรัพย์แห่งประเทศไทย", "泰国证券交易所", "bursa saham thailand"]),
    ("XSES", &["sgx", "singapore exchange", "新加坡交易所", "bursa singapura"]),
    ("XHKG", &["hkex", "hong kong exchanges and clearing", "香港交易所", "港交所"]),
    ("XIDX", &["idx", "indonesia stock exchange", "bursa efek indonesia", "印尼证券交易所"]),
    ("XSTC", &["hose", "hsx", "ho chi minh stock exchange", "胡志明证券交易所"]),
];

/// Whether a cell of an exchange column names exchange `mic`: its MIC or one of its names.
pub fn is_exchange(mic: &str, cell: &str) -> bool {
    let cell = fold(cell);
    cell == fold(mic)
        || EXCHANGE_NAMES
            .iter()
            .filter(|(m, _)| m.eq_ignore_ascii_case(mic))
            .any(|(_, names)| names.iter().any(|n| fold(n) == cell))
}

/// The industry code a cell names.
pub fn industry(cell: &str) -> Option<&'static str> {
    lookup("industry", "", cell)
}

/// The intent codes a cell lists, separated by `;`, `,`, `、` or `，`; the first name that
/// matches nothing is the error.
pub fn intents(cell: &str) -> Result<Vec<&'static str>, String> {
    let mut codes = Vec::new();
    for part in cell
        .split([';', ',', '、', '，', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let code = lookup("intent", "", part).ok_or_else(|| part.to_owned())?;
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    Ok(codes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_exchange_is_named_by_its_mic_or_its_names() {
        assert!(is_exchange("XKLS", "xkls"));
        assert!(is_exchange("XKLS", "Bursa Malaysia"));
        assert!(is_exchange("XBKK", "SET"));
        assert!(is_exchange("XBKK", "ตลาดหลักทรัพย์แห่งประเทศไทย"));
        assert!(!is_exchange("XKLS", "SET"));
        assert!(!is_exchange("XBKK", "XKLS"));
        assert!(!is_exchange("XBKK", ""));
    }

    #[test]
    fn markets_match_codes_labels_and_short_names_of_their_own_exchange_only() {
        assert_eq!(market("XKLS", "Main Market"), Some("bursa-main"));
        assert_eq!(market("XKLS", "ACE"), Some("bursa-ace"));
        assert_eq!(market("XKLS", "bursa-leap"), Some("bursa-leap"));
        assert_eq!(market("XBKK", "mai"), Some("mai"));
        assert_eq!(market("XBKK", "SET"), Some("set"));
        assert_eq!(market("XKLS", "SET"), None);
        assert_eq!(market("XBKK", "Bursa Main Market"), None);
    }

    #[test]
    fn industries_match_labels_in_four_languages_and_exchange_classifications() {
        assert_eq!(industry("Plantation and agriculture"), Some("plantation"));
        assert_eq!(industry("AGRO"), Some("plantation"));
        assert_eq!(industry("เทคโนโลยี"), Some("technology"));
        assert_eq!(industry("Property & Construction"), Some("property"));
        assert_eq!(industry("Energy"), Some("energy"));
        assert_eq!(industry("Underwater basket weaving"), None);
    }

    #[test]
    fn intents_are_a_list_and_the_unknown_one_is_named() {
        assert_eq!(
            intents("technology; Supply chain"),
            Ok(vec!["technology", "supply-chain"])
        );
        assert_eq!(
            intents("market-access、market-access"),
            Ok(vec!["market-access"])
        );
        assert_eq!(intents("technology, telepathy"), Err("telepathy".into()));
        assert_eq!(intents(""), Ok(vec![]));
    }
}
