//! What is read of demands: the board, one demand's page, its form, titles. The owners' lists
//! and the operators' review queue are the desk's (`desk_reads`).

use super::demands::{PUBLISHED, actions, is_public, shown_status, targets_of};
use super::entity::{demand, demand_text};
use super::{Board, BoardQuery, DEMAND_KINDS, DemandCard, DemandDetail, DemandForm};
use crate::accounts::parties;
use crate::i18n::{Lang, Localized, format_number, pick, tr, tr_args, tr_code};
use crate::web::viewer::Viewer;
use crate::zone::search::like_pattern;
use crate::zone::{Choice, INDUSTRIES, lookup};
use chrono::Utc;
use sea_orm::sea_query::{Expr, LikeExpr};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use std::collections::HashMap;

/// The countries and exchanges a demand may target, labelled, countries first.
pub async fn target_choices(db: &impl ConnectionTrait, lang: Lang) -> Result<Vec<Choice>, DbErr> {
    let exchanges = lookup::exchanges(db, lang).await?;
    let mut countries: Vec<Choice> = exchanges
        .iter()
        .map(|(_, _, country)| Choice {
            value: country.clone(),
            label: tr(lang, &format!("country-{country}")),
        })
        .collect();
    countries.sort_by(|a, b| a.label.cmp(&b.label));
    countries.dedup_by(|a, b| a.value == b.value);
    let exchanges = exchanges.into_iter().map(|(mic, name, _)| Choice {
        value: mic,
        label: name,
    });
    Ok(countries.into_iter().chain(exchanges).collect())
}

/// The board's cards for `demands`, in their order: texts, labels and publishers read in a
/// few queries for the whole page.
async fn cards(
    db: &impl ConnectionTrait,
    lang: Lang,
    demands: &[demand::Model],
) -> Result<Vec<DemandCard>, DbErr> {
    let ids: Vec<i32> = demands.iter().map(|d| d.id).collect();
    let texts = texts_of(db, &ids).await?;
    let owners: Vec<i32> = demands.iter().map(|d| d.owner_id).collect();
    let enterprises = parties::enterprises(db, &owners).await?;
    let companies: Vec<i32> = demands.iter().filter_map(|d| d.company_id).collect();
    let names = lookup::names(db, lang, &companies).await?;
    let targets: HashMap<String, String> = target_choices(db, lang)
        .await?
        .into_iter()
        .map(|c| (c.value, c.label))
        .collect();
    Ok(demands
        .iter()
        .map(|d| {
            let title =
                localized(lang, texts.get(&d.id), |t| t.title.as_deref()).unwrap_or_else(|| {
                    Localized {
                        text: format!("#{}", d.id),
                        shown_in: None,
                    }
                });
            let publisher = match d.company_id.and_then(|id| names.get(&id)) {
                Some(name) => name.text.clone(),
                None => tr_args(
                    lang,
                    "demand-publisher-enterprise",
                    &[(
                        "kind",
                        enterprises
                            .get(&d.owner_id)
                            .map(|e| tr_code(lang, "kind", &e.kind))
                            .unwrap_or_default()
                            .into(),
                    )],
                ),
            };
            DemandCard {
                id: d.id,
                title,
                kind: tr_code(lang, "demand-kind", &d.kind),
                industry: tr_code(lang, "industry", &d.industry),
                targets: targets_of(d)
                    .iter()
                    .map(|t| targets.get(t).cloned().unwrap_or_else(|| t.clone()))
                    .collect(),
                green: d.green,
                financing: financing(lang, d),
                publisher,
                valid_until: d.valid_until.date_naive().to_string(),
            }
        })
        .collect())
}

/// "CNY 50,000,000 – 80,000,000 · Growth", for a financing demand.
fn financing(lang: Lang, d: &demand::Model) -> Option<String> {
    let (min, max, currency) = (d.amount_min?, d.amount_max?, d.currency.as_deref()?);
    let stage = d
        .stage
        .as_deref()
        .map(|s| tr_code(lang, "demand-stage", s))
        .unwrap_or_default();
    Some(tr_args(
        lang,
        "demand-financing-range",
        &[
            ("currency", currency.to_owned().into()),
            ("min", format_number(min as f64, 0).into()),
            ("max", format_number(max as f64, 0).into()),
            ("stage", stage.into()),
        ],
    ))
}

type Texts = HashMap<i32, Vec<demand_text::Model>>;

async fn texts_of(db: &impl ConnectionTrait, ids: &[i32]) -> Result<Texts, DbErr> {
    let mut by_demand: Texts = HashMap::new();
    if ids.is_empty() {
        return Ok(by_demand);
    }
    for t in demand_text::Entity::find()
        .filter(demand_text::Column::DemandId.is_in(ids.iter().copied()))
        .all(db)
        .await?
    {
        by_demand.entry(t.demand_id).or_default().push(t);
    }
    Ok(by_demand)
}

fn localized(
    lang: Lang,
    texts: Option<&Vec<demand_text::Model>>,
    get: fn(&demand_text::Model) -> Option<&str>,
) -> Option<Localized> {
    let texts = texts?;
    pick(lang, |l| {
        texts.iter().find(|t| t.lang == l.code()).and_then(get)
    })
}

/// Demands whose texts contain `text`, in any case: the board is small enough for a LIKE.
fn containing(text: &str) -> Expr {
    use sea_orm::sea_query::ExprTrait;
    let pattern = LikeExpr::new(like_pattern(text)).escape('\\');
    Expr::col((demand::Entity, demand::Column::Search)).like(pattern)
}

/// One page of the public board: published demands still valid, newest first.
pub async fn board(
    db: &impl ConnectionTrait,
    lang: Lang,
    query: &BoardQuery,
) -> Result<Board, DbErr> {
    let query = query.clone().normalized();
    let now = Utc::now();
    let mut select = demand::Entity::find()
        .filter(demand::Column::Status.eq(PUBLISHED))
        .filter(demand::Column::ValidUntil.gt(now));
    if let Some(kind) = &query.kind {
        select = select.filter(demand::Column::Kind.eq(kind.as_str()));
    }
    if let Some(industry) = &query.industry {
        select = select.filter(demand::Column::Industry.eq(industry.as_str()));
    }
    let exchanges = lookup::exchanges(db, lang).await?;
    if let Some(country) = &query.country {
        // A demand for anywhere, for the country, or for one of its exchanges.
        let mut targets = Condition::any()
            .add(demand::Column::Targets.eq(""))
            .add(demand::Column::Targets.contains(format!(",{country},")));
        for (mic, _, _) in exchanges.iter().filter(|(_, _, c)| c == country) {
            targets = targets.add(demand::Column::Targets.contains(format!(",{mic},")));
        }
        select = select.filter(targets);
    }
    if query.green {
        select = select.filter(demand::Column::Green.eq(true));
    }
    if let Some(text) = &query.q {
        select = select.filter(containing(text));
    }
    let total = select.clone().count(db).await?;
    let pages = total.div_ceil(BoardQuery::PAGE_SIZE).max(1) as u32;
    let page = query.page.min(pages);
    let demands = select
        .order_by_desc(demand::Column::PublishedAt)
        .order_by_desc(demand::Column::Id)
        .offset(u64::from(page - 1) * BoardQuery::PAGE_SIZE)
        .limit(BoardQuery::PAGE_SIZE)
        .all(db)
        .await?;
    let mut countries: Vec<Choice> = exchanges
        .iter()
        .map(|(_, _, c)| Choice {
            value: c.clone(),
            label: tr_code(lang, "country", c),
        })
        .collect();
    countries.sort_by(|a, b| a.label.cmp(&b.label));
    countries.dedup_by(|a, b| a.value == b.value);
    let choices = |prefix: &str, codes: &[&str]| {
        codes
            .iter()
            .map(|c| Choice {
                value: (*c).to_owned(),
                label: tr_code(lang, prefix, c),
            })
            .collect()
    };
    Ok(Board {
        cards: cards(db, lang, &demands).await?,
        query: BoardQuery { page, ..query },
        total,
        pages,
        kinds: choices("demand-kind", &DEMAND_KINDS),
        industries: choices("industry", &INDUSTRIES),
        countries,
    })
}

/// The demand `id` as `viewer` may see it: anyone a published one, its owner and operators
/// any; `None` otherwise, as if there were none.
pub async fn detail(
    db: &impl ConnectionTrait,
    lang: Lang,
    id: i32,
    viewer: Option<&Viewer>,
) -> Result<Option<DemandDetail>, DbErr> {
    let now = Utc::now();
    let Some(d) = demand::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let privileged = viewer.is_some_and(|v| v.is_operator() || v.account_id == d.owner_id);
    if !is_public(&d, now) && !privileged {
        return Ok(None);
    }
    let card = cards(db, lang, std::slice::from_ref(&d)).await?.remove(0);
    let texts = texts_of(db, &[d.id]).await?;
    let partner_may_answer =
        viewer.is_some_and(|v| v.is_partner()) && d.company_id.is_none() && is_public(&d, now);
    let case_id = match viewer {
        Some(v) => super::cases::open_about_demand(db, v, d.id).await?,
        None => None,
    };
    Ok(Some(DemandDetail {
        card,
        description: localized(lang, texts.get(&d.id), |t| t.description.as_deref()),
        status: shown_status(&d, now).to_owned(),
        return_reason: d.return_reason.clone().filter(|_| privileged),
        actions: actions(&d, viewer, now)
            .into_iter()
            .map(str::to_owned)
            .collect(),
        case_id: case_id.filter(|_| partner_may_answer || privileged),
    })
    .map(|mut detail| {
        if partner_may_answer && detail.case_id.is_none() {
            detail.actions.push("answer".into());
        }
        // Recommendations are for an enterprise's demand: to its owner and the operators.
        if privileged && d.company_id.is_none() {
            detail.actions.push("matches".into());
        }
        detail
    }))
}

/// The form for a new demand (`id` none) or for the viewer's own demand `id`; `None` when it is
/// not theirs to edit.
pub async fn form(
    db: &impl ConnectionTrait,
    lang: Lang,
    viewer: &Viewer,
    id: Option<i32>,
) -> Result<Option<DemandForm>, DbErr> {
    let target_choices = target_choices(db, lang).await?;
    let Some(id) = id else {
        return Ok(Some(DemandForm {
            texts: Lang::ALL
                .iter()
                .map(|l| (l.code().to_owned(), String::new(), String::new()))
                .collect(),
            target_choices,
            ..DemandForm::default()
        }));
    };
    let Some(d) = demand::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    if !actions(&d, Some(viewer), Utc::now()).contains(&"edit") {
        return Ok(None);
    }
    let texts = texts_of(db, &[id]).await?;
    let company = match d.company_id {
        Some(company) => lookup::by_id(db, company)
            .await?
            .map(|c| c.symbol)
            .unwrap_or_default(),
        None => String::new(),
    };
    let number = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_default();
    Ok(Some(DemandForm {
        id: Some(id),
        kind: d.kind.clone(),
        industry: d.industry.clone(),
        targets: targets_of(&d),
        green: d.green,
        amount_min: number(d.amount_min),
        amount_max: number(d.amount_max),
        currency: d.currency.clone().unwrap_or_default(),
        stage: d.stage.clone().unwrap_or_default(),
        texts: Lang::ALL
            .iter()
            .map(|l| {
                let t = texts
                    .get(&id)
                    .and_then(|ts| ts.iter().find(|t| t.lang == l.code()));
                let get = |f: fn(&demand_text::Model) -> Option<&str>| {
                    t.and_then(f).unwrap_or_default().to_owned()
                };
                (
                    l.code().to_owned(),
                    get(|t| t.title.as_deref()),
                    get(|t| t.description.as_deref()),
                )
            })
            .collect(),
        company,
        target_choices,
    }))
}

/// Demand `id` if it is on the board now.
pub async fn published(db: &impl ConnectionTrait, id: i32) -> Result<Option<demand::Model>, DbErr> {
    let d = demand::Entity::find_by_id(id).one(db).await?;
    Ok(d.filter(|d| is_public(d, Utc::now())))
}

/// A demand's title in `lang`, for a case or a mail.
pub async fn title(
    db: &impl ConnectionTrait,
    lang: Lang,
    id: i32,
) -> Result<Option<Localized>, DbErr> {
    Ok(titles(db, lang, &[id]).await?.remove(&id))
}

/// The titles of demands `ids` in `lang`, as their pages show them.
pub async fn titles(
    db: &impl ConnectionTrait,
    lang: Lang,
    ids: &[i32],
) -> Result<HashMap<i32, Localized>, DbErr> {
    let texts = texts_of(db, ids).await?;
    Ok(ids
        .iter()
        .filter_map(|id| Some((*id, localized(lang, texts.get(id), |t| t.title.as_deref())?)))
        .collect())
}

/// Enterprises with a published demand, for the figures.
pub async fn publishing_enterprises(db: &impl ConnectionTrait) -> Result<Vec<i32>, DbErr> {
    demand::Entity::find()
        .select_only()
        .column(demand::Column::OwnerId)
        .filter(demand::Column::Status.eq(PUBLISHED))
        .filter(demand::Column::CompanyId.is_null())
        .distinct()
        .into_tuple()
        .all(db)
        .await
}
