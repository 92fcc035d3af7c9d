//! The desk: the cases each side may see with what awaits it, an owner's demands or the
//! operators' review queue, the operator's filters and export, and the liaison figures of the
//! home page.

use super::case_reads::enterprise_label;
use super::cases::{initiator_of, stage_of};
use super::demands::{REVIEW, shown_status};
use super::entity::{case, demand};
use super::flow::{self, Side, Stage};
use super::{CaseQuery, CaseRow, DemandRow, Desk, LiaisonFigures, OVERDUE_DAYS, demand_reads};
use crate::accounts::parties;
use crate::i18n::{Lang, Localized, tr, tr_code};
use crate::web::viewer::Viewer;
use crate::zone::{Choice, lookup};
use chrono::{Duration, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Select,
};
use std::collections::HashMap;

/// Enterprises with a case, for the figures.
pub async fn enterprises_with_cases(db: &impl ConnectionTrait) -> Result<Vec<i32>, DbErr> {
    case::Entity::find()
        .select_only()
        .column(case::Column::EnterpriseId)
        .distinct()
        .into_tuple()
        .all(db)
        .await
}

/// Does a case at `stage` started by `initiator` wait for `side` to move it on?
fn awaits(stage: Stage, initiator: Side, side: Side) -> bool {
    match side {
        Side::Operator => matches!(stage, Stage::Requested | Stage::Screening),
        party if Some(party) == initiator.other() => stage == Stage::Forwarded,
        Side::Partner => matches!(stage, Stage::Accepted | Stage::Meeting),
        _ => false,
    }
}

/// Cases visible to `side` on the desk: all for operators, the enterprise's own, the partner's
/// exchange's once forwarded.
pub fn scope(viewer: &Viewer, side: Side) -> sea_orm::Select<case::Entity> {
    let find = case::Entity::find();
    match side {
        Side::Operator => find,
        party => {
            let own = match party {
                Side::Enterprise => case::Column::EnterpriseId.eq(viewer.account_id),
                _ => case::Column::ExchangeMic.eq(viewer.exchange_mic.clone().unwrap_or_default()),
            };
            find.filter(own).filter(
                sea_orm::Condition::any()
                    .add(case::Column::Initiator.eq(party.code()))
                    .add(case::Column::ForwardedAt.is_not_null()),
            )
        }
    }
}

/// The side a viewer works on the desk as, if any.
fn desk_side(viewer: &Viewer) -> Option<Side> {
    if viewer.is_operator() {
        Some(Side::Operator)
    } else if viewer.is_partner() {
        Some(Side::Partner)
    } else if viewer.is_verified_enterprise() {
        Some(Side::Enterprise)
    } else {
        None
    }
}

/// The operator's filters on `select`.
fn filtered(select: Select<case::Entity>, query: &CaseQuery) -> Select<case::Entity> {
    let mut select = select;
    if let Some(stage) = query.stage.as_deref().and_then(Stage::from_code) {
        select = select.filter(case::Column::Stage.eq(stage.code()));
    }
    if let Some(mic) = &query.exchange {
        select = select.filter(case::Column::ExchangeMic.eq(mic.as_str()));
    }
    if query.overdue {
        let open: Vec<&str> = flow::STAGES
            .into_iter()
            .filter(|s| !s.is_final())
            .map(Stage::code)
            .collect();
        select = select
            .filter(case::Column::Stage.is_in(open))
            .filter(case::Column::UpdatedAt.lt(Utc::now() - Duration::days(OVERDUE_DAYS)));
    }
    select
}

/// The desk's rows for `cases`, from `side`'s point of view.
async fn rows(
    db: &impl ConnectionTrait,
    lang: Lang,
    side: Side,
    cases: &[case::Model],
) -> Result<Vec<CaseRow>, DbErr> {
    let companies: Vec<i32> = cases.iter().map(|c| c.company_id).collect();
    let names = lookup::names(db, lang, &companies).await?;
    let ids: Vec<i32> = cases.iter().map(|c| c.enterprise_id).collect();
    let enterprises = parties::enterprises(db, &ids).await?;
    let now = Utc::now();
    Ok(cases
        .iter()
        .map(|c| {
            let stage = stage_of(c);
            let days = (now - c.updated_at).num_days();
            CaseRow {
                id: c.id,
                stage: stage.code().to_owned(),
                company: names.get(&c.company_id).cloned().unwrap_or(Localized {
                    text: String::new(),
                    shown_in: None,
                }),
                exchange_mic: c.exchange_mic.clone(),
                enterprise: enterprise_label(lang, enterprises.get(&c.enterprise_id), side, c),
                purpose: tr_code(lang, "intent", &c.purpose),
                updated: c.updated_at.date_naive().to_string(),
                days_since_change: days,
                overdue: !stage.is_final() && days >= OVERDUE_DAYS,
                awaits_viewer: awaits(stage, initiator_of(c), side),
            }
        })
        .collect())
}

/// The viewer's desk: a page of the cases they may see (an operator's filtered), how many wait
/// for them, and their demands or, for an operator, the demands to review. `None` for a viewer
/// with no desk (an enterprise not yet verified).
pub async fn desk(
    db: &impl ConnectionTrait,
    lang: Lang,
    viewer: &Viewer,
    query: &CaseQuery,
) -> Result<Option<Desk>, DbErr> {
    let Some(side) = desk_side(viewer) else {
        return Ok(None);
    };
    let mut query = query.clone();
    if side != Side::Operator {
        query = CaseQuery {
            page: query.page,
            ..CaseQuery::default()
        };
    }
    let select = filtered(scope(viewer, side), &query);
    let total = select.clone().count(db).await?;
    let pages = total.div_ceil(CaseQuery::PAGE_SIZE).max(1) as u32;
    query.page = query.page.clamp(1, pages);
    let cases = select
        .order_by_desc(case::Column::UpdatedAt)
        .order_by_desc(case::Column::Id)
        .offset(u64::from(query.page - 1) * CaseQuery::PAGE_SIZE)
        .limit(CaseQuery::PAGE_SIZE)
        .all(db)
        .await?;
    let by_stage: Vec<(String, String, i64)> = scope(viewer, side)
        .select_only()
        .column(case::Column::Stage)
        .column(case::Column::Initiator)
        .column_as(case::Column::Id.count(), "n")
        .group_by(case::Column::Stage)
        .group_by(case::Column::Initiator)
        .into_tuple()
        .all(db)
        .await?;
    let awaiting = by_stage
        .iter()
        .filter(|(stage, initiator, _)| {
            let stage = Stage::from_code(stage).unwrap_or(Stage::Requested);
            let initiator = Side::from_code(initiator).unwrap_or(Side::Enterprise);
            awaits(stage, initiator, side)
        })
        .map(|(_, _, n)| *n as u64)
        .sum();
    let demands = match side {
        Side::Operator => to_review(db, lang).await?,
        _ => owned(db, lang, viewer.account_id).await?,
    };
    let exchanges = match side {
        Side::Operator => lookup::exchanges(db, lang)
            .await?
            .into_iter()
            .map(|(mic, name, _)| Choice {
                value: mic,
                label: name,
            })
            .collect(),
        _ => Vec::new(),
    };
    Ok(Some(Desk {
        side: side.code().to_owned(),
        cases: rows(db, lang, side, &cases).await?,
        query,
        total,
        pages,
        awaiting,
        demands,
        stages: flow::STAGES
            .into_iter()
            .map(|s| Choice {
                value: s.code().to_owned(),
                label: tr_code(lang, "case-stage", s.code()),
            })
            .collect(),
        exchanges,
    }))
}

/// Every case the operator's filters select, as export rows (at most 50,000, newest first):
/// the text columns and the numeric ones, under `headers`.
pub async fn export(
    db: &impl ConnectionTrait,
    lang: Lang,
    viewer: &Viewer,
    query: &CaseQuery,
) -> Result<Vec<crate::zone::export::ExportRow>, DbErr> {
    let cases = filtered(scope(viewer, Side::Operator), query)
        .order_by_desc(case::Column::UpdatedAt)
        .limit(50_000)
        .all(db)
        .await?;
    let mut out = Vec::with_capacity(cases.len());
    for chunk in cases.chunks(500) {
        for (row, c) in rows(db, lang, Side::Operator, chunk)
            .await?
            .into_iter()
            .zip(chunk)
        {
            out.push(crate::zone::export::ExportRow {
                texts: vec![
                    c.id.to_string(),
                    tr_code(lang, "case-stage", &row.stage),
                    row.company.text,
                    row.exchange_mic,
                    row.enterprise,
                    row.purpose,
                    c.created_at.date_naive().to_string(),
                    row.updated,
                    c.outcome
                        .as_deref()
                        .map(|o| tr_code(lang, "case-outcome", o))
                        .unwrap_or_default(),
                    c.currency.clone().unwrap_or_default(),
                ],
                numbers: vec![
                    Some(row.days_since_change as f64),
                    c.amount.map(|a| a as f64),
                ],
            });
        }
    }
    Ok(out)
}

/// The export's column headers in `lang`: text columns, then numeric ones.
pub fn export_headers(lang: Lang) -> (Vec<String>, Vec<String>) {
    let text = [
        "case-column-id",
        "case-column-stage",
        "case-column-company",
        "case-column-exchange",
        "case-column-enterprise",
        "case-column-purpose",
        "case-column-opened",
        "case-column-changed",
        "case-column-outcome",
        "case-column-currency",
    ];
    let numbers = ["case-column-days", "case-column-amount"];
    (
        text.map(|k| tr(lang, k)).into(),
        numbers.map(|k| tr(lang, k)).into(),
    )
}

/// The liaison mechanism's figures, from the demands and cases as they are.
pub async fn figures(db: &impl ConnectionTrait) -> Result<LiaisonFigures, DbErr> {
    let mut served = demand_reads::publishing_enterprises(db).await?;
    served.extend(enterprises_with_cases(db).await?);
    served.sort_unstable();
    served.dedup();
    let introductions = case::Entity::find()
        .filter(case::Column::ForwardedAt.is_not_null())
        .count(db)
        .await?;
    let closed = |outcome: flow::Outcome| {
        case::Entity::find()
            .filter(case::Column::Stage.eq(Stage::Closed.code()))
            .filter(case::Column::Outcome.eq(outcome.code()))
    };
    let cooperation_agreed = closed(flow::Outcome::Cooperation).count(db).await?;
    let financing: Vec<(Option<i64>, Option<String>)> = closed(flow::Outcome::Financing)
        .select_only()
        .column(case::Column::Amount)
        .column(case::Column::Currency)
        .into_tuple()
        .all(db)
        .await?;
    let rates: HashMap<String, f64> = lookup::cny_rates(db).await?;
    let financing_cny = financing
        .iter()
        .filter_map(|(amount, currency)| Some((*amount)? as f64 * rates.get(currency.as_deref()?)?))
        .sum();
    Ok(LiaisonFigures {
        enterprises_served: served.len() as u64,
        introductions,
        cooperation_agreed,
        financing_closed: financing.len() as u64,
        financing_cny,
    })
}

/// Rows for lists of `demands`, titled in `lang`.
async fn demand_rows(
    db: &impl ConnectionTrait,
    lang: Lang,
    demands: Vec<demand::Model>,
) -> Result<Vec<DemandRow>, DbErr> {
    let ids: Vec<i32> = demands.iter().map(|d| d.id).collect();
    let mut titles = demand_reads::titles(db, lang, &ids).await?;
    let now = Utc::now();
    Ok(demands
        .into_iter()
        .map(|d| DemandRow {
            id: d.id,
            title: titles.remove(&d.id).unwrap_or(Localized {
                text: format!("#{}", d.id),
                shown_in: None,
            }),
            kind: tr_code(lang, "demand-kind", &d.kind),
            status: shown_status(&d, now).to_owned(),
            valid_until: d.valid_until.date_naive().to_string(),
            return_reason: d.return_reason,
        })
        .collect())
}

/// The demands account `owner` published, newest first (at most 200).
async fn owned(db: &impl ConnectionTrait, lang: Lang, owner: i32) -> Result<Vec<DemandRow>, DbErr> {
    let demands = demand::Entity::find()
        .filter(demand::Column::OwnerId.eq(owner))
        .order_by_desc(demand::Column::UpdatedAt)
        .limit(200)
        .all(db)
        .await?;
    demand_rows(db, lang, demands).await
}

/// The demands waiting for an operator, oldest first (at most 200).
async fn to_review(db: &impl ConnectionTrait, lang: Lang) -> Result<Vec<DemandRow>, DbErr> {
    let demands = demand::Entity::find()
        .filter(demand::Column::Status.eq(REVIEW))
        .order_by_asc(demand::Column::UpdatedAt)
        .limit(200)
        .all(db)
        .await?;
    demand_rows(db, lang, demands).await
}
