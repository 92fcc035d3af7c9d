//! Fictional demo companies, generated deterministically from sector profiles and brand names.
//! `company(i)` is defined for any `i`, so benchmarks can seed as many as they need; the demo
//! seed loads the first [`DEMO_COMPANIES`] into an empty database only.

mod profiles;

use crate::i18n::Lang;
use crate::zone::entity::{
    company, company_text, cooperation_intent, exchange, exchange_rate, financial_year,
};
use chrono::{NaiveDate, Utc};
use profiles::{PROFILES, Profile};
use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    PaginatorTrait, Set, TransactionTrait,
};
use std::collections::HashMap;

pub const DEMO_COMPANIES: usize = 64;

/// The partner exchanges: MIC, country, names in zh, en, ms, th, website.
const EXCHANGES: [(&str, &str, [&str; 4], &str); 6] = [
    (
        "XKLS",
        "MY",
        [
            "马来西亚交易所",
            "Bursa Malaysia",
            "Bursa Malaysia",
            "ตลาดหลักทรัพย์มาเลเซีย",
        ],
        "https://www.bursamalaysia.com",
    ),
    (
        "XBKK",
        "TH",
        [
            "泰国证券交易所",
            "The Stock Exchange of Thailand",
            "Bursa Saham Thailand",
            "ตลาดหลักทรัพย์แห่งประเทศไทย",
        ],
        "https://www.set.or.th",
    ),
    (
        "XSES",
        "SG",
        [
            "新加坡交易所",
            "Singapore Exchange",
            "Bursa Singapura",
            "ตลาดหลักทรัพย์สิงคโปร์",
        ],
        "https://www.sgx.com",
    ),
    (
        "XHKG",
        "HK",
        [
            "香港交易所",
            "Hong Kong Exchanges and Clearing",
            "Bursa Hong Kong",
            "ตลาดหลักทรัพย์ฮ่องกง",
        ],
        "https://www.hkex.com.hk",
    ),
    (
        "XIDX",
        "ID",
        [
            "印度尼西亚证券交易所",
            "Indonesia Stock Exchange",
            "Bursa Efek Indonesia",
            "ตลาดหลักทรัพย์อินโดนีเซีย",
        ],
        "https://www.idx.co.id",
    ),
    (
        "XSTC",
        "VN",
        [
            "胡志明市证券交易所",
            "Ho Chi Minh City Stock Exchange",
            "Bursa Saham Bandar Raya Ho Chi Minh",
            "ตลาดหลักทรัพย์นครโฮจิมินห์",
        ],
        "https://www.hsx.vn",
    ),
];

/// Brand roots (en, zh, th). The first 32 list on Bursa, the next 26 on SET, the last 6 elsewhere.
const BRANDS: [[&str; 3]; DEMO_COMPANIES] = [
    ["Kinabalu", "京那巴鲁", "กีนาบาลู"],
    ["Meranti", "美兰蒂", "เมอรันตี"],
    ["Cendana", "珍达纳", "เจินดานา"],
    ["Lembah", "林峇", "เล็มบาห์"],
    ["Seri Mutiara", "斯里珍珠", "เสรีมุเทียรา"],
    ["Rimba", "林巴", "ริมบา"],
    ["Tanjung", "丹戎", "ตันจุง"],
    ["Pelangi", "彩虹", "เปอลางี"],
    ["Bayu", "巴尤", "บายู"],
    ["Gemilang", "辉煌", "เกมิลัง"],
    ["Mahsuri", "玛苏丽", "มะห์ซูรี"],
    ["Sinar", "晨光", "สินาร์"],
    ["Harimau", "哈里茂", "ฮาริเมา"],
    ["Teratai", "莲花", "เตอราไต"],
    ["Melati", "茉莉", "เมลาตี"],
    ["Puncak", "峰顶", "ปุนจัก"],
    ["Delima", "德丽玛", "เดลิมา"],
    ["Kenanga", "依兰", "เกอนางา"],
    ["Intan", "钻石", "อินตัน"],
    ["Suria", "苏丽雅", "สุริยา"],
    ["Cahaya", "光辉", "จาฮายา"],
    ["Merak", "孔雀", "เมอรัก"],
    ["Angsana", "安莎娜", "อังสนา"],
    ["Selasih", "瑟拉西", "เซอลาซิห์"],
    ["Langkasuka", "狼牙修", "ลังกาสุกะ"],
    ["Nusantara", "努山塔拉", "นูซันตารา"],
    ["Embun", "晨露", "เอ็มบุน"],
    ["Kijang", "基江", "กีจัง"],
    ["Cempaka", "金香木", "จัมปากา"],
    ["Duyong", "海牛", "ดูยง"],
    ["Serindit", "瑟林迪", "เซอรินดิต"],
    ["Sri Gading", "象牙", "ศรีกาดิง"],
    ["Chaba", "扎芭", "ชบา"],
    ["Siam Lotus", "暹罗莲", "สยามโลตัส"],
    ["Rachapruek", "金链花", "ราชพฤกษ์"],
    ["Mekong Star", "湄公星", "แม่โขงสตาร์"],
    ["Andaman Blue", "安达曼蓝", "อันดามันบลู"],
    ["Chao Phraya Delta", "湄南河三角洲", "เจ้าพระยาเดลต้า"],
    ["Nakhon Green", "那空绿", "นครกรีน"],
    ["Sukhothai Craft", "素可泰工艺", "สุโขทัยคราฟท์"],
    ["Phetra", "碧翠", "เพชรา"],
    ["Kanok", "卡诺", "กนก"],
    ["Ratchada", "拉差达", "รัชดา"],
    ["Thanasap", "塔纳萨", "ธนทรัพย์"],
    ["Siri Mongkol", "吉祥", "ศิริมงคล"],
    ["Prasert", "巴色", "ประเสริฐ"],
    ["Kaewtong", "金玉", "แก้วทอง"],
    ["Rungroj", "荣耀", "รุ่งโรจน์"],
    ["Pattana", "发展", "พัฒนา"],
    ["Boonrod", "福禄", "บุญรอด"],
    ["Wattana", "繁荣", "วัฒนา"],
    ["Thong Siam", "暹罗金", "ทองสยาม"],
    ["Lanna Hills", "兰纳山", "ล้านนาฮิลส์"],
    ["Isan Sun", "依善阳光", "อีสานซัน"],
    ["Korat Prime", "呵叻优选", "โคราชไพรม์"],
    ["Samui Bay", "苏梅湾", "สมุยเบย์"],
    ["Dao Rung", "晨星", "ดาวรุ่ง"],
    ["Ruamjai", "同心", "ร่วมใจ"],
    ["Straits Harbour", "海峡港", "สเตรทส์ฮาร์เบอร์"],
    ["Harbour Crest", "港峰", "ฮาร์เบอร์เครสต์"],
    ["Karya Timur", "卡利亚东方", "การ์ยาติมูร์"],
    ["Sao Viet", "越星", "เซาเวียด"],
    ["Kallang Bay", "加冷湾", "กัลลังเบย์"],
    ["Kowloon Bridge", "九龙桥", "เกาลูนบริดจ์"],
];

/// Home regions (zh, en, ms, th) per country.
fn places(country: &str) -> &'static [[&'static str; 4]] {
    match country {
        "MY" => &[
            ["雪兰莪", "Selangor", "Selangor", "สลังงอร์"],
            ["柔佛", "Johor", "Johor", "ยะโฮร์"],
            ["槟城", "Penang", "Pulau Pinang", "ปีนัง"],
            ["沙巴", "Sabah", "Sabah", "ซาบาห์"],
            ["砂拉越", "Sarawak", "Sarawak", "ซาราวัก"],
            ["霹雳", "Perak", "Perak", "เประ"],
        ],
        "TH" => &[
            ["曼谷", "Bangkok", "Bangkok", "กรุงเทพฯ"],
            ["春武里", "Chonburi", "Chonburi", "ชลบุรี"],
            ["罗勇", "Rayong", "Rayong", "ระยอง"],
            ["清迈", "Chiang Mai", "Chiang Mai", "เชียงใหม่"],
            ["孔敬", "Khon Kaen", "Khon Kaen", "ขอนแก่น"],
            ["宋卡", "Songkhla", "Songkhla", "สงขลา"],
        ],
        "SG" => &[["新加坡", "Singapore", "Singapura", "สิงคโปร์"]],
        "HK" => &[["香港", "Hong Kong", "Hong Kong", "ฮ่องกง"]],
        "ID" => &[["雅加达", "Jakarta", "Jakarta", "จาการ์ตา"]],
        _ => &[[
            "胡志明市",
            "Ho Chi Minh City",
            "Bandar Raya Ho Chi Minh",
            "นครโฮจิมินห์",
        ]],
    }
}

/// Listing of the i-th company: exchange, market, country, currency, reporting unit, local language.
struct Listing {
    mic: &'static str,
    market: &'static str,
    country: &'static str,
    currency: &'static str,
    unit: i64,
    /// Local currency per US dollar, to scale the profile's revenue.
    per_usd: f64,
    local_lang: Option<Lang>,
}

fn listing(i: usize) -> Listing {
    let (profile, slot) = ((i / 4) % PROFILES.len(), i % 4);
    let bursa = |market| Listing {
        mic: "XKLS",
        market,
        country: "MY",
        currency: "MYR",
        unit: 1000,
        per_usd: 4.7,
        local_lang: Some(Lang::Ms),
    };
    let set = |market| Listing {
        mic: "XBKK",
        market,
        country: "TH",
        currency: "THB",
        unit: 1000,
        per_usd: 36.0,
        local_lang: Some(Lang::Th),
    };
    match (slot, profile) {
        (0, _) => bursa("bursa-main"),
        (1, _) => set("set"),
        (2, 3 | 9) => bursa("bursa-leap"),
        (2, _) => bursa("bursa-ace"),
        (3, 2 | 6) => Listing {
            mic: "XSES",
            market: if profile == 2 {
                "sgx-mainboard"
            } else {
                "sgx-catalist"
            },
            country: "SG",
            currency: "SGD",
            unit: 1000,
            per_usd: 1.35,
            local_lang: Some(Lang::En),
        },
        (3, 3 | 7) => Listing {
            mic: "XHKG",
            market: if profile == 3 {
                "hkex-main"
            } else {
                "hkex-gem"
            },
            country: "HK",
            currency: "HKD",
            unit: 1000,
            per_usd: 7.8,
            local_lang: Some(Lang::Zh),
        },
        (3, 4) => Listing {
            mic: "XIDX",
            market: "idx-main",
            country: "ID",
            currency: "IDR",
            unit: 1_000_000,
            per_usd: 15_800.0,
            local_lang: None,
        },
        (3, 5) => Listing {
            mic: "XSTC",
            market: "hose",
            country: "VN",
            currency: "VND",
            unit: 1_000_000,
            per_usd: 25_000.0,
            local_lang: None,
        },
        _ => set("mai"),
    }
}

/// A small deterministic hash, so that every generated figure is reproducible.
fn mix(i: usize, salt: u64) -> u64 {
    let mut x = (i as u64).wrapping_add(salt.wrapping_mul(0x9E37_79B9_7F4A_7C15));
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// Where the brand's demo data or a generated variant deliberately lacks a language.
fn missing(i: usize, lang: Lang) -> bool {
    match lang {
        Lang::Ms => i % 9 == 5,
        Lang::Th => i % 11 == 7,
        Lang::Zh => i % 13 == 10,
        Lang::En => false,
    }
}

pub struct NewCompany {
    pub mic: &'static str,
    pub symbol: String,
    pub market: &'static str,
    pub industry: &'static str,
    pub sector: &'static str,
    pub country: &'static str,
    pub local_lang: Option<Lang>,
    pub website: String,
    pub listing_date: NaiveDate,
    pub green: bool,
    /// (lang, name, main business, advantages, cooperation note)
    pub texts: Vec<(Lang, String, String, Option<String>, String)>,
    pub intents: Vec<(&'static str, Option<&'static str>)>,
    pub years: Vec<financial_year::Model>,
}

fn legal_name(l: &Listing, lang: Lang, brand: [&str; 3], suffix: [&str; 3]) -> String {
    let ([en, zh, th], [s_zh, s_en, s_th]) = (brand, suffix);
    match (l.country, lang) {
        (_, Lang::Zh) => {
            let form = match l.country {
                "TH" => "大众有限公司",
                "HK" => "控股有限公司",
                "VN" => "股份公司",
                _ => "有限公司",
            };
            format!("{zh}{s_zh}{form}")
        }
        ("MY", Lang::Th) => format!("{th} {s_th} เบอร์ฮัด"),
        ("TH" | "VN", Lang::Th) => format!("บริษัท {th} {s_th} จำกัด (มหาชน)"),
        ("HK", Lang::Th) => format!("{th} {s_th} โฮลดิ้งส์ จำกัด"),
        ("ID", Lang::Th) => format!("พีที {th} {s_th} ทีบีเค"),
        (_, Lang::Th) => format!("{th} {s_th} จำกัด"),
        // Malay-speaking readers know listed companies by their English legal names.
        ("MY", _) => format!("{en} {s_en} Berhad"),
        ("TH", _) => format!("{en} {s_en} Public Company Limited"),
        ("HK", _) => format!("{en} {s_en} Holdings Limited"),
        ("ID", _) => format!("PT {en} {s_en} Tbk"),
        ("VN", _) => format!("{en} {s_en} Joint Stock Company"),
        _ => format!("{en} {s_en} Ltd"),
    }
}

fn symbol(i: usize, l: &Listing, brand_en: &str) -> String {
    let letters: String = brand_en
        .chars()
        .filter(char::is_ascii_alphabetic)
        .collect::<String>()
        .to_uppercase();
    let n = i / DEMO_COMPANIES;
    let base = match (l.mic, l.market) {
        ("XKLS", "bursa-main") => format!("{:04}", 5000 + i % DEMO_COMPANIES * 3),
        ("XKLS", "bursa-ace") => format!("{:04}", 100 + i % DEMO_COMPANIES),
        ("XKLS", _) => format!("{:05}", 3000 + i % DEMO_COMPANIES),
        ("XHKG", _) => format!("{:05}", 1000 + i % DEMO_COMPANIES * 7),
        ("XSES", _) => format!("{}{}X", (i % 9) + 1, &letters[..1]),
        ("XIDX", _) => letters.chars().take(4).collect(),
        ("XSTC", _) => letters.chars().take(3).collect(),
        _ => letters.chars().take(6).collect(),
    };
    if n == 0 { base } else { format!("{base}{n}") }
}

fn financials(i: usize, p: &Profile, l: &Listing) -> Vec<financial_year::Model> {
    let scale = 0.5 + (mix(i, 1) % 100) as f64 / 100.0;
    let mut revenue_usd = p.revenue_kusd as f64 * 1000.0 * scale;
    let shares = 200_000_000.0 + (mix(i, 2) % 1_800) as f64 * 1_000_000.0;
    let to_units = |usd: f64| (usd * l.per_usd / l.unit as f64).round() as i64;
    (2023..=2025)
        .map(|year| {
            let growth = -0.06 + (mix(i, year as u64) % 26) as f64 / 100.0;
            revenue_usd *= 1.0 + growth;
            let margin = (p.margin_pct as f64 + (mix(i, year as u64 * 7) % 9) as f64 - 4.0) / 100.0;
            let profit_usd = revenue_usd * margin;
            let assets_usd = revenue_usd * (1.1 + (mix(i, 3) % 90) as f64 / 100.0);
            let equity_usd = assets_usd * (0.35 + (mix(i, 4) % 35) as f64 / 100.0);
            let eps = profit_usd * l.per_usd / shares;
            let pe = 8.0 + (mix(i, 5) % 18) as f64;
            let cap_usd = if profit_usd > 0.0 {
                profit_usd * pe
            } else {
                equity_usd * 0.9
            };
            financial_year::Model {
                company_id: 0,
                fiscal_year: year,
                currency: l.currency.to_owned(),
                unit: l.unit,
                revenue: to_units(revenue_usd),
                net_profit: to_units(profit_usd),
                total_assets: to_units(assets_usd),
                total_equity: to_units(equity_usd),
                eps: Some((eps * 10_000.0).round() / 10_000.0),
                market_cap: Some(to_units(cap_usd)),
                market_cap_date: NaiveDate::from_ymd_opt(year, 12, 31),
                audited: year < 2025 || mix(i, 6).is_multiple_of(2),
            }
        })
        .collect()
}

/// The i-th generated company. The first [`DEMO_COMPANIES`] are the demo set.
pub fn company(i: usize) -> NewCompany {
    let p = &PROFILES[(i / 4) % PROFILES.len()];
    let l = listing(i);
    let brand = BRANDS[i % DEMO_COMPANIES];
    let place_list = places(l.country);
    let place = place_list[(i * 5 + i / DEMO_COMPANIES) % place_list.len()];
    let slug: String = brand[0]
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("-");
    let texts = Lang::ALL
        .into_iter()
        .enumerate()
        .filter(|(_, lang)| !missing(i, *lang))
        .map(|(k, lang)| {
            let fill = |t: &str| t.replace("{place}", place[k]);
            let advantages = (!(lang == Lang::Th && i % 7 == 3)).then(|| fill(p.advantages[k]));
            (
                lang,
                legal_name(&l, lang, brand, p.name_suffix),
                fill(p.business[k]),
                advantages,
                fill(p.cooperation[k]),
            )
        })
        .collect();
    NewCompany {
        mic: l.mic,
        symbol: symbol(i, &l, brand[0]),
        market: l.market,
        industry: p.industry,
        sector: p.sector,
        country: l.country,
        local_lang: l.local_lang,
        website: format!("https://{slug}.example"),
        listing_date: NaiveDate::from_ymd_opt(
            1990 + (i * 7 % 34) as i32,
            (i % 12) as u32 + 1,
            (i % 27) as u32 + 1,
        )
        .expect("day 1 to 27 exists in every month"),
        green: p.green && !mix(i, 8).is_multiple_of(4),
        texts,
        intents: p.intents.to_vec(),
        years: financials(i, p, &l),
    }
}

/// Reference CNY rates for the demo currencies (illustrative, of the date given).
const CNY_RATES: [(&str, f64); 6] = [
    ("MYR", 1.62),
    ("THB", 0.21),
    ("SGD", 5.46),
    ("HKD", 0.91),
    ("IDR", 0.000_44),
    ("VND", 0.000_28),
];
const CNY_RATES_DATE: (i32, u32, u32) = (2026, 10, 30);

/// Migrates the database and, when `demo`, loads the demo companies into it if it has none, in
/// one transaction (see [`crate::db::prepare`]).
pub async fn prepare(db: &DatabaseConnection, demo: bool) -> Result<(), DbErr> {
    crate::db::prepare(db, async |txn| {
        if !demo {
            return Ok(());
        }
        if load(txn).await? {
            tracing::info!("loaded the demo companies into an empty database");
        }
        // Databases seeded before the rate table existed get the reference rates too.
        ensure_rates(txn).await
    })
    .await
}

/// Inserts the reference CNY rates of [`CNY_RATES_DATE`], each only if missing.
pub async fn ensure_rates(db: &impl ConnectionTrait) -> Result<(), DbErr> {
    let (y, m, d) = CNY_RATES_DATE;
    let as_of = NaiveDate::from_ymd_opt(y, m, d).expect("a valid date");
    for (currency, cny_per_unit) in CNY_RATES {
        if exchange_rate::Entity::find_by_id((currency.to_owned(), as_of))
            .one(db)
            .await?
            .is_some()
        {
            continue;
        }
        exchange_rate::ActiveModel {
            currency: Set(currency.to_owned()),
            as_of: Set(as_of),
            cny_per_unit: Set(cny_per_unit),
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

/// Inserts the exchanges, each only if missing, with a fictional liaison desk. The desk's name
/// is one column for every page language, so it is the exchange's own name in its home language
/// (a proper name reads the same on every page; the field's label carries the language).
pub async fn ensure_exchanges(db: &impl ConnectionTrait) -> Result<(), DbErr> {
    for (mic, country, names, website) in EXCHANGES {
        if exchange::Entity::find_by_id(mic).one(db).await?.is_some() {
            continue;
        }
        let desk = mic.to_lowercase();
        let home_name = match country {
            "HK" => names[0],
            "MY" | "ID" => names[2],
            "TH" => names[3],
            _ => names[1],
        };
        exchange::ActiveModel {
            mic: Set(mic.to_owned()),
            country: Set(country.to_owned()),
            name_zh: Set(names[0].to_owned()),
            name_en: Set(names[1].to_owned()),
            name_ms: Set(names[2].to_owned()),
            name_th: Set(names[3].to_owned()),
            website: Set(Some(website.to_owned())),
            liaison_name: Set(Some(home_name.to_owned())),
            liaison_email: Set(Some(format!("liaison-{desk}@vnext.example"))),
            liaison_phone: Set(Some(format!(
                "+86 755 8866 {:04}",
                mic.len() * 1000 + mic.as_bytes()[1] as usize
            ))),
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

/// Companies per round trip: a batch of financial years stays under SQLite's 32,766 bound
/// parameters and PostgreSQL's 65,535.
const BATCH: usize = 500;

/// Inserts companies with their texts, intents and financial years, a batch per statement.
pub async fn insert(
    db: &impl ConnectionTrait,
    companies: impl IntoIterator<Item = NewCompany>,
) -> Result<(), DbErr> {
    let now = Utc::now();
    let mut companies = companies.into_iter().peekable();
    while companies.peek().is_some() {
        let batch: Vec<NewCompany> = companies.by_ref().take(BATCH).collect();
        let rows = batch.iter().map(|c| company::ActiveModel {
            delisted_at: Set(None),
            id: NotSet,
            exchange_mic: Set(c.mic.to_owned()),
            symbol: Set(c.symbol.clone()),
            market: Set(c.market.to_owned()),
            industry: Set(c.industry.to_owned()),
            sector: Set(c.sector.to_owned()),
            country: Set(c.country.to_owned()),
            local_lang: Set(c.local_lang.map(|l| l.code().to_owned())),
            website: Set(Some(c.website.clone())),
            contact_email: Set(Some(format!(
                "ir@{}",
                c.website.trim_start_matches("https://")
            ))),
            listing_date: Set(Some(c.listing_date)),
            green: Set(c.green),
            created_at: Set(now),
            updated_at: Set(now),
        });
        // RETURNING promises no order, so ids are matched back by the unique (exchange, symbol).
        let ids: HashMap<(String, String), i32> = company::Entity::insert_many(rows)
            .exec_with_returning(db)
            .await?
            .into_iter()
            .map(|m| ((m.exchange_mic, m.symbol), m.id))
            .collect();
        let (mut texts, mut intents, mut years) = (Vec::new(), Vec::new(), Vec::new());
        for c in batch {
            let id = ids[&(c.mic.to_owned(), c.symbol)];
            texts.extend(c.texts.into_iter().map(
                |(lang, name, business, advantages, cooperation)| company_text::ActiveModel {
                    company_id: Set(id),
                    lang: Set(lang.code().to_owned()),
                    name: Set(Some(name)),
                    main_business: Set(Some(business)),
                    advantages: Set(advantages),
                    cooperation_note: Set(Some(cooperation)),
                },
            ));
            intents.extend(c.intents.into_iter().map(|(kind, industry)| {
                cooperation_intent::ActiveModel {
                    id: NotSet,
                    company_id: Set(id),
                    kind: Set(kind.to_owned()),
                    target_industry: Set(industry.map(str::to_owned)),
                    target_region: Set(Some("CN".to_owned())),
                }
            }));
            years.extend(c.years.into_iter().map(|y| {
                let mut y: financial_year::ActiveModel = financial_year::Model {
                    company_id: id,
                    ..y
                }
                .into();
                y.company_id = Set(id);
                y
            }));
        }
        if !texts.is_empty() {
            company_text::Entity::insert_many(texts)
                .exec_without_returning(db)
                .await?;
        }
        if !intents.is_empty() {
            cooperation_intent::Entity::insert_many(intents)
                .exec_without_returning(db)
                .await?;
        }
        if !years.is_empty() {
            financial_year::Entity::insert_many(years)
                .exec_without_returning(db)
                .await?;
        }
    }
    Ok(())
}

/// Fills an empty database with `count` generated companies (the demo set first), in
/// transactions of ten thousand so a benchmark's 100,000 need no more memory than that.
pub async fn seed_generated(db: &DatabaseConnection, count: usize) -> Result<(), DbErr> {
    if company::Entity::find().count(db).await? > 0 {
        return Err(DbErr::Custom(
            "seed: the database already has companies".into(),
        ));
    }
    ensure_exchanges(db).await?;
    ensure_rates(db).await?;
    for start in (0..count).step_by(10_000) {
        let txn = db.begin().await?;
        insert(&txn, (start..count.min(start + 10_000)).map(company)).await?;
        txn.commit().await?;
    }
    Ok(())
}

/// Loads the demo set into an empty database; a database that has any exchange is left alone.
/// Returns whether anything was loaded. Run it in a transaction (as [`prepare`] does), so a
/// failure leaves nothing half-loaded.
pub async fn load(db: &impl ConnectionTrait) -> Result<bool, DbErr> {
    if exchange::Entity::find().count(db).await? > 0 {
        return Ok(false);
    }
    ensure_exchanges(db).await?;
    ensure_rates(db).await?;
    insert(db, (0..DEMO_COMPANIES).map(company)).await?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn demo_symbols_are_unique_per_exchange() {
        let keys: HashSet<(String, String)> = (0..DEMO_COMPANIES)
            .map(company)
            .map(|c| (c.mic.to_owned(), c.symbol))
            .collect();
        assert_eq!(keys.len(), DEMO_COMPANIES);
    }

    #[test]
    fn demo_mostly_complete_with_some_languages_missing() {
        let companies: Vec<NewCompany> = (0..DEMO_COMPANIES).map(company).collect();
        let complete = companies.iter().filter(|c| c.texts.len() == 4).count();
        assert!(complete >= DEMO_COMPANIES * 3 / 4, "{complete} complete");
        assert!(complete < DEMO_COMPANIES);
        assert!(
            companies
                .iter()
                .all(|c| c.texts.iter().any(|t| t.0 == Lang::En))
        );
    }

    #[test]
    fn demo_spans_exchanges_and_has_losses() {
        let companies: Vec<NewCompany> = (0..DEMO_COMPANIES).map(company).collect();
        let count = |mic: &str| companies.iter().filter(|c| c.mic == mic).count();
        assert!(count("XKLS") >= 20 && count("XBKK") >= 20);
        assert!(
            ["XSES", "XHKG", "XIDX", "XSTC"]
                .iter()
                .all(|m| count(m) >= 1)
        );
        assert!(
            companies
                .iter()
                .any(|c| c.years.iter().any(|y| y.net_profit < 0))
        );
        assert!(companies.iter().filter(|c| c.green).count() >= 4);
    }

    #[test]
    fn generated_companies_beyond_the_demo_stay_unique() {
        let keys: HashSet<(String, String)> = (0..DEMO_COMPANIES * 20)
            .map(company)
            .map(|c| (c.mic.to_owned(), c.symbol))
            .collect();
        assert_eq!(keys.len(), DEMO_COMPANIES * 20);
    }
}
