//! Which field a column of a partner's file fills, from its header. Exchanges and partners name
//! columns in any of our four languages (and in their own export formats), so headers are
//! compared in a normalized form against a table of aliases.

pub use super::fields::{Field, field_label};
use super::values::fold_width;
use crate::i18n::Lang;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Headers as partners write them, per field. Among them are the labels the zone's own export
/// writes in all four languages (`zone::export::headers`), so an exported file imports again.
/// Where a word could mean two things it goes to the more common one, noted in place.
#[rustfmt::skip] // A table: rustfmt would give every alias a line of its own.
const ALIASES: &[(Field, &[&str])] = &[
    // "bursa" is Malay for exchange (and the export's Malay label), not only Bursa Malaysia.
    (Field::Exchange, &[
        "exchange", "stock exchange", "mic", "market identifier code", "交易所", "证券交易所",
        "ตลาดหลักทรัพย์", "bursa", "bursa saham", "bursa efek",
    ]),
    // A bare "code"/"kod"/"代码" is a stock code far more often than an industry or ISIN code;
    // "หลักทรัพย์" (securities) heads SET's symbol column.
    (Field::Symbol, &[
        "symbol", "stock symbol", "stock code", "code", "ticker", "ticker symbol", "stock",
        "security code", "securities code", "stock short name", "trading code", "证券代码", "股票代码",
        "代码", "代號", "股份代號", "股票代號", "證券代號", "หลักทรัพย์", "ชื่อย่อหลักทรัพย์", "ชื่อย่อ",
        "รหัสหลักทรัพย์", "kod saham", "kod stok", "kod", "simbol", "kode saham", "kode", "mã ck",
        "mã chứng khoán",
    ]),
    // Short names (证券简称, Bursa's "stock name") are what exchanges display, so they count as
    // names; a file with both a short and a full name maps two columns to one field.
    (Field::Name(None), &[
        "name", "company", "company name", "listed company", "issuer", "issuer name",
        "security name", "name of securities", "stock name", "公司名称", "公司", "名称", "公司名稱", "名稱",
        "公司全称", "证券简称", "證券簡稱", "股票简称", "股份名稱", "บริษัท", "ชื่อบริษัท", "ชื่อบริษัทจดทะเบียน",
        "ชื่อ", "ชื่อหลักทรัพย์", "nama syarikat", "syarikat", "nama", "nama perusahaan",
        "nama emiten", "tên công ty",
    ]),
    (Field::Market, &[
        "market", "board", "listing board", "market board", "市场", "板块", "上市板块", "市場", "板塊", "ตลาด",
        "pasaran", "papan pencatatan", "sàn",
    ]),
    (Field::Industry, &[
        "industry", "industry group", "industry classification", "行业", "所属行业", "行業", "อุตสาหกรรม",
        "กลุ่มอุตสาหกรรม", "industri", "ngành",
    ]),
    (Field::Sector, &[
        "sector", "subsector", "细分行业", "子行业", "หมวดธุรกิจ", "sektor", "subsektor",
    ]),
    (Field::Country, &[
        "country", "country or region", "domicile", "country of incorporation",
        "country of domicile", "国家", "国家或地区", "國家", "注册地", "ประเทศ", "ประเทศหรือภูมิภาค", "negara",
        "negara atau wilayah",
    ]),
    (Field::Website, &[
        "website", "web", "url", "homepage", "web site", "company website", "网站", "网址", "公司网址",
        "公司网站", "網站", "เว็บไซต์", "laman web", "laman sesawang", "situs web",
    ]),
    (Field::ContactEmail, &[
        "email", "e-mail", "e mail", "contact email", "ir email", "investor relations email",
        "电子邮件", "电子邮箱", "邮箱", "联系邮箱", "投资者关系邮箱", "電子郵件", "อีเมล", "อีเมล์",
        "e-mel", "emel", "alamat e-mel",
    ]),
    // "วันที่จดทะเบียน" (registration date) is how SET lists the listing date.
    (Field::ListingDate, &[
        "listing date", "date listed", "listed date", "listed since", "date of listing",
        "ipo date", "上市日期", "上市时间", "วันที่เข้าจดทะเบียน", "วันที่จดทะเบียน",
        "เข้าจดทะเบียนในตลาดหลักทรัพย์เมื่อ", "tarikh penyenaraian", "tarikh disenaraikan",
        "tersenarai sejak", "tanggal pencatatan", "ngày niêm yết",
    ]),
    (Field::Green, &[
        "green", "green company", "green development", "esg", "绿色", "绿色企业", "绿色发展", "สีเขียว",
        "การพัฒนาสีเขียว", "hijau", "pembangunan hijau", "syarikat hijau",
    ]),
    // "business" alone is a description of it, not a business type.
    (Field::MainBusiness(None), &[
        "main business", "business", "principal activities", "principal activity",
        "business description", "nature of business", "主营业务", "主要业务", "主營業務", "ธุรกิจหลัก",
        "ลักษณะธุรกิจ", "perniagaan utama", "aktiviti utama",
    ]),
    (Field::Advantages(None), &[
        "advantages", "competitive advantages", "strengths", "竞争优势", "优势", "ความได้เปรียบ",
        "จุดแข็ง", "จุดแข็งในการแข่งขัน", "kelebihan", "kelebihan daya saing",
    ]),
    // A bare "cooperation" column is free text; the declared kinds are "intents"/"意向".
    (Field::CooperationNote(None), &[
        "cooperation note", "cooperation", "合作意向说明", "合作说明", "ความร่วมมือ", "nota kerjasama",
        "kerjasama",
    ]),
    (Field::Intents, &[
        "intents", "cooperation intents", "cooperation intentions", "合作意向", "เจตนาความร่วมมือ",
        "ความต้องการร่วมมือ", "hasrat kerjasama",
    ]),
    // A bare "year"/"tahun"/"ปี"/"年度" in a listing file is the fiscal year of its figures.
    (Field::FiscalYear, &[
        "fiscal year", "financial year", "year", "fy", "财年", "年度", "会计年度", "财政年度", "財年", "ปีบัญชี",
        "ปี", "tahun kewangan", "tahun",
    ]),
    (Field::Currency, &[
        "currency", "ccy", "reporting currency", "币种", "货币", "幣種", "สกุลเงิน", "mata wang",
        "mata uang",
    ]),
    (Field::Unit, &[
        "unit", "units", "单位", "單位", "หน่วย",
    ]),
    // "hasil" is the Malay term for revenue in Bursa filings; "pendapatan" the Indonesian one.
    (Field::Revenue, &[
        "revenue", "revenues", "total revenue", "sales", "turnover", "营业收入", "营收", "收入", "营业总收入",
        "รายได้", "รายได้รวม", "hasil", "pendapatan", "jumlah hasil",
    ]),
    // "profit" alone is taken as the bottom line, as summaries use it.
    (Field::NetProfit, &[
        "net profit", "profit", "net income", "profit after tax", "净利润", "归母净利润", "กำไรสุทธิ",
        "untung bersih", "keuntungan bersih", "laba bersih",
    ]),
    (Field::TotalAssets, &[
        "total assets", "总资产", "资产总额", "สินทรัพย์รวม", "jumlah aset", "total aset",
    ]),
    // 净资产 (net assets) equals total equity on a balance sheet.
    (Field::TotalEquity, &[
        "total equity", "shareholders' equity", "shareholders equity", "股东权益", "净资产", "所有者权益",
        "ส่วนของผู้ถือหุ้น", "jumlah ekuiti", "total ekuitas",
    ]),
    (Field::Eps, &[
        "eps", "earnings per share", "basic eps", "每股收益", "每股盈利", "กำไรต่อหุ้น",
        "pendapatan sesaham", "perolehan sesaham", "laba per saham",
    ]),
    (Field::MarketCap, &[
        "market cap", "market capitalisation", "market capitalization", "市值", "总市值",
        "มูลค่าตามราคาตลาด", "permodalan pasaran", "kapitalisasi pasar",
    ]),
    (Field::MarketCapDate, &[
        "market cap date", "market capitalisation date", "market capitalization date", "市值日期",
        "tarikh permodalan pasaran",
    ]),
    (Field::Audited, &[
        "audited", "audit", "经审计", "已审计", "ตรวจสอบแล้ว", "diaudit",
    ]),
];

/// Words that name a text field; each combines with a language tag on either side ("name en",
/// "英文名称", "ชื่อภาษาไทย", "nama (bm)", and the JSON keys "name.en", "main_business.zh").
#[rustfmt::skip]
const TEXT_BASES: &[(Field, &[&str])] = &[
    (Field::Name(None), &[
        "name", "company name", "名称", "公司名称", "nama", "nama syarikat", "ชื่อ", "ชื่อบริษัท",
    ]),
    (Field::MainBusiness(None), &[
        "main business", "business", "主营业务", "perniagaan utama", "ธุรกิจหลัก",
    ]),
    (Field::Advantages(None), &[
        "advantages", "competitive advantages", "竞争优势", "kelebihan", "จุดแข็ง",
    ]),
    (Field::CooperationNote(None), &[
        "cooperation note", "合作意向说明", "nota kerjasama", "ความร่วมมือ",
    ]),
];

/// How headers name a language, in the four languages.
#[rustfmt::skip]
const LANG_TAGS: [(Lang, &[&str]); 4] = [
    (Lang::Zh, &["zh", "cn", "chinese", "中文", "华文", "cina", "bahasa cina", "จีน", "ภาษาจีน"]),
    (Lang::En, &["en", "english", "英文", "英语", "inggeris", "bahasa inggeris", "อังกฤษ", "ภาษาอังกฤษ"]),
    (Lang::Ms, &["ms", "bm", "malay", "melayu", "bahasa melayu", "bahasa malaysia", "马来文", "马来语",
                 "มลายู", "ภาษามลายู"]),
    (Lang::Th, &["th", "thai", "泰文", "泰语", "bahasa thai", "ไทย", "ภาษาไทย"]),
];

/// Every alias, normalized, with its field.
fn aliases() -> Vec<(String, Field)> {
    let mut all: Vec<(String, Field)> = ALIASES
        .iter()
        .flat_map(|(field, names)| names.iter().map(move |n| (normalize_header(n), *field)))
        .collect();
    for (field, bases) in TEXT_BASES {
        for (lang, tags) in LANG_TAGS {
            for base in *bases {
                for tag in tags {
                    for header in [format!("{base} {tag}"), format!("{tag} {base}")] {
                        all.push((normalize_header(&header), field.in_lang(lang)));
                    }
                }
            }
        }
    }
    all
}

static BY_ALIAS: LazyLock<HashMap<String, Field>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for (alias, field) in aliases() {
        // First one wins; a test makes sure no alias is listed for two fields.
        map.entry(alias).or_insert(field);
    }
    map
});

/// A header as compared: full-width ASCII folded to ASCII, lowercase, without spaces,
/// underscores, hyphens, dots, slashes, colons, parentheses, apostrophes ("shareholders'
/// equity"), control characters, the byte-order mark and zero-width spaces (Thai text carries
/// them as word breaks).
pub fn normalize_header(header: &str) -> String {
    const DROPPED: [char; 11] = [
        '_', '-', '.', '/', ':', '(', ')', '\'', '\u{2019}', '\u{FEFF}', '\u{200B}',
    ];
    header
        .chars()
        .map(fold_width)
        .filter(|c| !c.is_whitespace() && !c.is_control() && !DROPPED.contains(c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The field a header names, through aliases in the four languages and common exchange
/// exports; `None` if it matches nothing.
pub fn field_for_header(header: &str) -> Option<Field> {
    BY_ALIAS.get(&normalize_header(header)).copied()
}

/// The language a text is written in, by script: mostly Thai letters → Th; mostly Han → Zh;
/// otherwise En (Malay and English share a script; the caller may say Ms where a column does).
pub fn script_lang(text: &str) -> Lang {
    let (mut thai, mut han) = (0usize, 0usize);
    for c in text.chars() {
        match c {
            '\u{0E00}'..='\u{0E7F}' => thai += 1,
            '\u{3400}'..='\u{4DBF}'
            | '\u{4E00}'..='\u{9FFF}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{20000}'..='\u{3FFFF}' => han += 1,
            _ => {}
        }
    }
    match (thai, han) {
        (0, 0) => Lang::En,
        (thai, han) if thai >= han => Lang::Th,
        _ => Lang::Zh,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Field::*;

    #[test]
    fn headers_are_normalized() {
        assert_eq!(normalize_header("Ｓｙｍｂｏｌ"), "symbol");
        assert_eq!(normalize_header(" Stock  Code "), "stockcode");
        assert_eq!(normalize_header("Ｓｔｏｃｋ\u{3000}Ｃｏｄｅ"), "stockcode");
        assert_eq!(normalize_header("\u{feff}Name"), "name");
        assert_eq!(normalize_header("公司名称（英文）"), "公司名称英文");
        assert_eq!(normalize_header("Main_Business.ZH"), "mainbusinesszh");
        assert_eq!(normalize_header("Listing-Date: (d/m/y)"), "listingdatedmy");
        assert_eq!(field_for_header("Ｓｙｍｂｏｌ"), Some(Symbol));
        assert_eq!(field_for_header(" Stock  Code "), Some(Symbol));
        assert_eq!(field_for_header(""), None);
        assert_eq!(field_for_header("Shoe size"), None);
    }

    #[test]
    fn no_alias_names_two_fields() {
        let mut seen: HashMap<String, Field> = HashMap::new();
        let mut clashes = Vec::new();
        for (alias, field) in aliases() {
            assert!(!alias.is_empty());
            if let Some(other) = seen.insert(alias.clone(), field).filter(|o| *o != field) {
                clashes.push((alias, other, field));
            }
        }
        assert!(clashes.is_empty(), "{clashes:?}");
    }

    #[test]
    fn aliases_in_four_languages() {
        // Headers of one field, separated by "|".
        let cases = [
            (Exchange, "Exchange|MIC|交易所|ตลาดหลักทรัพย์|Bursa"),
            (
                Symbol,
                "Stock Code|Ticker|证券代码|股份代號|ชื่อย่อหลักทรัพย์|Kod Saham|Stock short name",
            ),
            (
                Name(None),
                "Company Name|公司名称|证券简称|ชื่อบริษัท|Nama Syarikat|Issuer",
            ),
            (
                Name(Some(Lang::En)),
                "Name EN|English name|Company name (English)|英文名称|name_en",
            ),
            (Name(Some(Lang::En)), "ชื่อภาษาอังกฤษ|name.en"),
            (
                Name(Some(Lang::Ms)),
                "Nama (BM)|Nama Bahasa Melayu|name.ms|Malay name",
            ),
            (
                Name(Some(Lang::Zh)),
                "中文名称|Chinese name|name.zh|名称（中文）",
            ),
            (Name(Some(Lang::Th)), "ชื่อภาษาไทย|Thai name|name.th|泰文名称"),
            (
                MainBusiness(Some(Lang::Zh)),
                "main_business.zh|主营业务（中文）",
            ),
            (Advantages(Some(Lang::Ms)), "advantages.ms|Kelebihan (BM)"),
            (
                CooperationNote(Some(Lang::Th)),
                "cooperation_note.th|Cooperation note (Thai)",
            ),
            (Market, "Board|板块|ตลาด|Pasaran"),
            (Industry, "Industry Group|所属行业|กลุ่มอุตสาหกรรม|Industri"),
            (Sector, "Sub-sector|细分行业|หมวดธุรกิจ|Sektor"),
            (Country, "Country of incorporation|国家或地区|ประเทศ|Negara"),
            (Website, "Homepage|公司网址|เว็บไซต์|Laman Web"),
            (
                ListingDate,
                "Date Listed|上市日期|วันที่เข้าจดทะเบียน|Tarikh Penyenaraian",
            ),
            (Green, "ESG|绿色企业|สีเขียว|Hijau"),
            (
                MainBusiness(None),
                "Principal Activities|主营业务|ลักษณะธุรกิจ|Aktiviti Utama",
            ),
            (
                Advantages(None),
                "Strengths|竞争优势|จุดแข็ง|Kelebihan Daya Saing",
            ),
            (
                CooperationNote(None),
                "Cooperation|合作说明|ความร่วมมือ|Nota Kerjasama",
            ),
            (
                Intents,
                "Cooperation intents|合作意向|เจตนาความร่วมมือ|Hasrat Kerjasama",
            ),
            (FiscalYear, "FY|会计年度|ปีบัญชี|Tahun Kewangan|Year"),
            (Currency, "CCY|货币|สกุลเงิน|Mata Wang"),
            (Unit, "Unit|单位|หน่วย"),
            (Revenue, "Turnover|营业收入|รายได้รวม|Hasil|Pendapatan"),
            (NetProfit, "Net Income|净利润|กำไรสุทธิ|Keuntungan Bersih"),
            (TotalAssets, "Total Assets|总资产|สินทรัพย์รวม|Jumlah Aset"),
            (
                TotalEquity,
                "Shareholders' Equity|净资产|ส่วนของผู้ถือหุ้น|Jumlah Ekuiti",
            ),
            (
                Eps,
                "Earnings per share|每股收益|กำไรต่อหุ้น|Pendapatan Sesaham",
            ),
            (
                MarketCap,
                "Market Capitalisation|总市值|มูลค่าตามราคาตลาด|Permodalan Pasaran",
            ),
            (MarketCapDate, "Market cap date|市值日期"),
            (Audited, "Audited|经审计|ตรวจสอบแล้ว|Diaudit"),
        ];
        for (field, headers) in cases {
            for header in headers.split('|') {
                assert_eq!(field_for_header(header), Some(field), "{header}");
            }
        }
    }

    #[test]
    fn the_exports_own_headers_import_again() {
        let text = [
            Some(Exchange),
            Some(Symbol),
            Some(Name(None)),
            None, // "export-name-language": which language the name is in; no field stores it.
            Some(Market),
            Some(Industry),
            Some(Sector),
            Some(Country),
            Some(Website),
            Some(ListingDate),
            Some(Green),
            Some(Intents),
            Some(Currency),
        ];
        let numbers = [
            FiscalYear,
            Revenue,
            NetProfit,
            TotalAssets,
            TotalEquity,
            Eps,
        ]
        .map(Some);
        for lang in Lang::ALL {
            let (text_headers, number_headers) = crate::zone::export::headers(lang);
            let found: Vec<_> = text_headers.iter().map(|h| field_for_header(h)).collect();
            assert_eq!(found, text, "{lang:?}: {text_headers:?}");
            let found: Vec<_> = number_headers.iter().map(|h| field_for_header(h)).collect();
            assert_eq!(found, numbers, "{lang:?}: {number_headers:?}");
        }
    }

    #[test]
    fn scripts() {
        assert_eq!(script_lang("บริษัท ปตท. จำกัด (มหาชน)"), Lang::Th);
        assert_eq!(script_lang("马来亚银行"), Lang::Zh);
        assert_eq!(script_lang("ABC 科技有限公司"), Lang::Zh);
        assert_eq!(script_lang("Malayan Banking Berhad"), Lang::En);
        assert_eq!(script_lang(""), Lang::En);
    }
}
