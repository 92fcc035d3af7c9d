//! The partner's own companies, one at a time: the list of an exchange's companies, one company
//! as its edit form shows it, and the changes stored in one transaction with their audit entry.
//! `company_check.rs` reads the posted form back into a snapshot.

use super::snapshot::{self, Snapshot, Stored, Texts};
use super::store;
use super::vocab;
use super::{
    COMPANY_TEXT_FIELDS, CompanyForm, CompanyFormTexts, CompanyFormYear, CompanyList, CompanyRow,
};
use crate::i18n::{Lang, Localized, pick, tr};
use crate::platform::audit::{self, Actor};
use crate::platform::page_generation;
use crate::web::error::Problem;
use crate::web::viewer::Viewer;
use crate::zone::INDUSTRIES;
use crate::zone::entity::{company, exchange};
use chrono::Utc;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, Set,
    TransactionTrait,
};

/// Companies per page of the list.
const PAGE_SIZE: usize = 25;

/// What the list shows: a search, two filters and the page wanted.
pub struct Filters<'a> {
    /// Part of the symbol or of a name in any language, any case.
    pub q: &'a str,
    /// `listed`, `delisted`, or anything else for all.
    pub state: &'a str,
    /// A market code; empty for every market.
    pub market: &'a str,
    pub page: u32,
}

/// Company `symbol` of the exchange the viewer maintains: for a partner its own exchange (another
/// exchange's company is as absent as one that does not exist), for an operator the exchange
/// `asked` names. Anonymous viewers are refused 401, anyone else 403, before anything is read.
pub async fn maintained_company(
    db: &impl ConnectionTrait,
    viewer: Option<&Viewer>,
    asked: Option<&str>,
    symbol: &str,
) -> Result<(String, Stored), Problem> {
    let viewer = viewer.ok_or(Problem::SignInRequired)?;
    let Some(mic) = viewer.maintained_exchange(asked) else {
        // An operator who names no exchange names no company.
        return Err(if viewer.is_operator() {
            Problem::NotFound
        } else {
            Problem::Forbidden
        });
    };
    // One exchange is about a thousand companies (the import's row limit bounds it), and the
    // snapshot loader reads them in four queries: simpler than a second loader for one company.
    let mut stored = snapshot::load_exchange(db, &mic).await?;
    let company = stored.remove(symbol).ok_or(Problem::NotFound)?;
    Ok((mic, company))
}

/// One page of exchange `mic`'s companies, delisted ones included, by symbol; `None` when there
/// is no such exchange.
pub async fn list(
    db: &impl ConnectionTrait,
    lang: Lang,
    mic: &str,
    filters: &Filters<'_>,
) -> Result<Option<CompanyList>, DbErr> {
    let Some(exchange) = exchange::Entity::find_by_id(mic).one(db).await? else {
        return Ok(None);
    };
    // Filtered here rather than in SQL: an exchange has about a thousand companies (bounded by
    // the import's row limit), and a case-insensitive match on names in four scripts would need
    // different SQL on SQLite and PostgreSQL.
    let stored = snapshot::load_exchange(db, mic).await?;
    let needle = filters.q.trim().to_lowercase();
    let mut found: Vec<Snapshot> = stored
        .into_values()
        .map(|s| s.snapshot)
        .filter(|s| matches(s, &needle, filters))
        .collect();
    found.sort_by(|a, b| a.symbol.cmp(&b.symbol));
    let total = found.len();
    let pages = total.div_ceil(PAGE_SIZE).max(1);
    let page = usize::try_from(filters.page).unwrap_or(1).clamp(1, pages);
    let rows = found
        .iter()
        .skip((page - 1) * PAGE_SIZE)
        .take(PAGE_SIZE)
        .map(|s| CompanyRow {
            symbol: s.symbol.clone(),
            name: name(lang, s),
            market: s.market.clone(),
            industry: s.industry.clone(),
            delisted: s.delisted,
        })
        .collect();
    Ok(Some(CompanyList {
        exchange_mic: exchange.mic.clone(),
        exchange_name: exchange.name(lang).to_owned(),
        markets: markets(lang, mic),
        rows,
        total,
        page: u32::try_from(page).unwrap_or(1),
        pages: u32::try_from(pages).unwrap_or(1),
    }))
}

fn matches(s: &Snapshot, needle: &str, filters: &Filters) -> bool {
    let state = match filters.state {
        "listed" => !s.delisted,
        "delisted" => s.delisted,
        _ => true,
    };
    let market = filters.market.is_empty() || s.market == filters.market;
    let text = needle.is_empty()
        || s.symbol.to_lowercase().contains(needle)
        || s.texts
            .values()
            .filter_map(|t| t.name.as_deref())
            .any(|n| n.to_lowercase().contains(needle));
    state && market && text
}

/// The name in `lang`, or the nearest language that has one; the symbol when none has.
fn name(lang: Lang, s: &Snapshot) -> Localized {
    pick(lang, |l| {
        s.texts.get(l.code()).and_then(|t| t.name.as_deref())
    })
    .unwrap_or_else(|| Localized {
        text: s.symbol.clone(),
        shown_in: None,
    })
}

/// The markets of exchange `mic`: (code, label in `lang`).
fn markets(lang: Lang, mic: &str) -> Vec<(String, String)> {
    vocab::markets_of(mic)
        .into_iter()
        .map(|code| (code.to_owned(), tr(lang, &format!("market-{code}"))))
        .collect()
}

fn text_of<'t>(t: &'t Texts, field: &str) -> Option<&'t str> {
    match field {
        "name" => t.name.as_deref(),
        "main_business" => t.main_business.as_deref(),
        "advantages" => t.advantages.as_deref(),
        _ => t.cooperation_note.as_deref(),
    }
}

/// Company `s` of exchange `mic` as its edit form shows it.
pub fn form(lang: Lang, mic: &str, s: &Snapshot) -> CompanyForm {
    let texts = Lang::ALL
        .into_iter()
        .map(|l| {
            let t = s.texts.get(l.code());
            CompanyFormTexts {
                lang: l.code().to_owned(),
                values: COMPANY_TEXT_FIELDS
                    .iter()
                    .map(|f| t.and_then(|t| text_of(t, f)).unwrap_or_default().to_owned())
                    .collect(),
            }
        })
        .collect();
    let years = s
        .years
        .iter()
        .map(|y| CompanyFormYear {
            fiscal_year: y.fiscal_year,
            currency: y.currency.clone(),
            unit: y.unit.to_string(),
            revenue: y.revenue.to_string(),
            net_profit: y.net_profit.to_string(),
            total_assets: y.total_assets.to_string(),
            total_equity: y.total_equity.to_string(),
            eps: y.eps.map(|e| e.to_string()).unwrap_or_default(),
            audited: y.audited,
        })
        .collect();
    CompanyForm {
        seen: snapshot::digest(s),
        exchange_mic: mic.to_owned(),
        symbol: s.symbol.clone(),
        name: name(lang, s),
        delisted: s.delisted,
        market: s.market.clone(),
        industry: s.industry.clone(),
        sector: s.sector.clone(),
        country: s.country.clone(),
        website: s.website.clone().unwrap_or_default(),
        contact_email: s.contact_email.clone().unwrap_or_default(),
        listing_date: s.listing_date.map(|d| d.to_string()).unwrap_or_default(),
        green: s.green,
        texts,
        intents: s.intents.iter().map(|i| i.kind.clone()).collect(),
        years,
        markets: markets(lang, mic),
        industries: INDUSTRIES
            .iter()
            .map(|code| (code.to_string(), tr(lang, &format!("industry-{code}"))))
            .collect(),
    }
}

fn target(mic: &str, symbol: &str) -> String {
    format!("company:{mic}:{symbol}")
}

/// Makes company `id` of exchange `mic` exactly `snapshot`, with its audit entry, in one
/// transaction — if it is still as the form showed it (`seen`, its digest then).
pub async fn save(
    db: &DatabaseConnection,
    mic: &str,
    id: i32,
    snapshot: &Snapshot,
    seen: &str,
    actor: &Actor,
) -> Result<Saved, DbErr> {
    let tx = db.begin().await?;
    snapshot::lock_exchange(&tx, mic).await?;
    let now = snapshot::load_exchange(&tx, mic)
        .await?
        .remove(&snapshot.symbol);
    if now.is_none_or(|now| now.id != id || snapshot::digest(&now.snapshot) != seen) {
        return Ok(Saved::ChangedSince);
    }
    store::write(&tx, Some(id), mic, snapshot).await?;
    let target = target(mic, &snapshot.symbol);
    audit::record(&tx, actor, "company.edit", &target, None).await?;
    tx.commit().await?;
    Ok(Saved::Saved)
}

/// What became of an edit.
#[derive(Debug, PartialEq, Eq)]
pub enum Saved {
    Saved,
    /// Someone changed the company after the form was shown: nothing was written.
    ChangedSince,
}

/// Takes company `id` out of the zone (`delisted`) or puts it back, its data kept either way,
/// with its audit entry, in one transaction. Already so: nothing changes, and nothing is
/// recorded (the first delisting date stays).
pub async fn set_delisted(
    db: &DatabaseConnection,
    mic: &str,
    id: i32,
    symbol: &str,
    delisted: bool,
    actor: &Actor,
) -> Result<(), DbErr> {
    let tx = db.begin().await?;
    snapshot::lock_exchange(&tx, mic).await?;
    let now = Utc::now();
    let row = company::ActiveModel {
        delisted_at: Set(delisted.then_some(now)),
        updated_at: Set(now),
        ..Default::default()
    };
    let other_state = if delisted {
        company::Column::DelistedAt.is_null()
    } else {
        company::Column::DelistedAt.is_not_null()
    };
    let changed = company::Entity::update_many()
        .set(row)
        .filter(company::Column::Id.eq(id))
        .filter(other_state)
        .exec(&tx)
        .await?;
    if changed.rows_affected == 1 {
        let action = if delisted {
            "company.delist"
        } else {
            "company.relist"
        };
        audit::record(&tx, actor, action, &target(mic, symbol), None).await?;
        crate::zone::facets::refresh(&tx, mic).await?;
        page_generation::bump(&tx).await?;
    }
    tx.commit().await
}
