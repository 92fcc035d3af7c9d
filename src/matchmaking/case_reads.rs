//! What each side reads of cases: one case as its party or an operator sees it (contacts only
//! once both have agreed), the desk's lists with what awaits the viewer, the operator's
//! export, and the liaison figures of the home page.

use super::cases::{initiator_of, sees, side_of, stage_of};
use super::entity::{case, case_event, case_message};
use super::flow::{self, Side, Stage};
use super::{
    CaseDetail, CaseEvent, CaseMessage, CaseQuery, CaseRow, Contact, Desk, IntroductionTarget,
    LiaisonFigures, MEETING_ZONES, Meeting, OVERDUE_DAYS, demand_reads, home_zone,
};
use crate::accounts::parties;
use crate::i18n::{Lang, Localized, tr};
use crate::web::url::Page;
use crate::web::viewer::Viewer;
use crate::zone::{Choice, INTENT_KINDS, lookup};
use chrono::{DateTime, Duration, FixedOffset, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Select,
};
use std::collections::HashMap;

fn label(lang: Lang, prefix: &str, code: &str) -> String {
    tr(lang, &format!("{prefix}-{code}"))
}

/// `2027-01-14 10:00 (Asia/Kuala_Lumpur, UTC+08:00)`
fn local_time(at: DateTime<Utc>, zone: &str) -> String {
    let minutes = MEETING_ZONES
        .iter()
        .find(|(z, _)| *z == zone)
        .map_or(0, |(_, m)| *m);
    let offset = FixedOffset::east_opt(minutes * 60).expect("offsets are within a day");
    let local = at.with_timezone(&offset);
    format!(
        "{} ({zone}, UTC{})",
        local.format("%Y-%m-%d %H:%M"),
        local.format("%:z")
    )
}

/// The case `id` as `viewer` sees it; `None` when it is not theirs to see.
pub async fn detail(
    db: &impl ConnectionTrait,
    lang: Lang,
    viewer: &Viewer,
    id: i32,
) -> Result<Option<CaseDetail>, DbErr> {
    let Some(c) = case::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let Some(side) = side_of(viewer, &c) else {
        return Ok(None);
    };
    if !sees(side, &c) {
        return Ok(None);
    }
    let (stage, initiator) = (stage_of(&c), initiator_of(&c));
    let company = lookup::by_id(db, c.company_id).await?;
    let name = lookup::names(db, lang, &[c.company_id])
        .await?
        .remove(&c.company_id)
        .unwrap_or(Localized {
            text: String::new(),
            shown_in: None,
        });
    let enterprise = parties::enterprises(db, &[c.enterprise_id])
        .await?
        .remove(&c.enterprise_id);
    let events = case_event::Entity::find()
        .filter(case_event::Column::CaseId.eq(id))
        .order_by_asc(case_event::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|e| CaseEvent {
            at: e.at.to_rfc3339(),
            side: label(lang, "case-side", &e.side),
            actor: String::new(),
            step: label(lang, "case-step", &e.step),
            to_stage: label(lang, "case-stage", &e.to_stage),
            note: e.note,
        })
        .collect();
    let messages = case_message::Entity::find()
        .filter(case_message::Column::CaseId.eq(id))
        .order_by_asc(case_message::Column::Id)
        .limit(500)
        .all(db)
        .await?
        .into_iter()
        .map(|m| CaseMessage {
            at: m.at.to_rfc3339(),
            mine: m.author_id == Some(viewer.account_id),
            side: label(lang, "case-side", &m.side),
            body: m.body,
        })
        .collect();
    let contacts = match stage.contacts_shared(c.accepted_at.is_some()) {
        true => Some(contacts(db, lang, &c, enterprise.as_ref(), company.as_ref(), &name).await?),
        false => None,
    };
    let own_zone = match side {
        Side::Partner => home_zone(company.as_ref().map(|c| c.country.as_str())),
        _ => home_zone(None),
    };
    let meeting = match (c.meeting_at, &c.meeting_zone) {
        (Some(at), Some(zone)) => Some(Meeting {
            at: at.to_rfc3339(),
            local: local_time(at, zone),
            own: local_time(at, own_zone),
            place: c.meeting_place.clone().unwrap_or_default(),
        }),
        _ => None,
    };
    let demand = match c.demand_id {
        Some(d) => demand_reads::title(db, lang, d).await?.map(|t| (d, t)),
        None => None,
    };
    let outcome = c.outcome.as_deref().map(|o| {
        let mut text = label(lang, "case-outcome", o);
        if let (Some(amount), Some(currency)) = (c.amount, &c.currency) {
            text = format!(
                "{text} · {currency} {}",
                crate::i18n::format_number(amount as f64, 0)
            );
        }
        if let Some(note) = &c.outcome_note {
            text = format!("{text} · {note}");
        }
        text
    });
    Ok(Some(CaseDetail {
        id,
        kind: label(lang, "case-kind", &c.kind),
        stage: stage.code().to_owned(),
        side: side.code().to_owned(),
        initiator: initiator.code().to_owned(),
        company: name,
        company_href: company
            .as_ref()
            .map(|co| {
                Page::Company {
                    mic: &co.mic,
                    symbol: &co.symbol,
                }
                .url(lang)
            })
            .unwrap_or_default(),
        enterprise: enterprise_label(lang, enterprise.as_ref(), side, &c),
        purpose: label(lang, "intent", &c.purpose),
        message: c.message.clone(),
        demand,
        events,
        messages,
        steps: flow::allowed(stage, side, initiator)
            .into_iter()
            .map(|s| s.code().to_owned())
            .collect(),
        contacts,
        meeting,
        outcome,
    }))
}

/// How the enterprise is named to `side`: by name to itself, the operators, and the other
/// party once contacts are shared; by its kind and industry before.
fn enterprise_label(
    lang: Lang,
    e: Option<&parties::EnterpriseParty>,
    side: Side,
    c: &case::Model,
) -> String {
    let Some(e) = e else {
        return String::new();
    };
    let named = side != Side::Partner || stage_of(c).contacts_shared(c.accepted_at.is_some());
    if named {
        match (lang, &e.name_en) {
            (Lang::Zh, _) | (_, None) => e.name_zh.clone(),
            (_, Some(en)) => format!("{en} ({})", e.name_zh),
        }
    } else {
        format!(
            "{} · {}",
            label(lang, "kind", &e.kind),
            label(lang, "industry", &e.industry)
        )
    }
}

async fn contacts(
    db: &impl ConnectionTrait,
    lang: Lang,
    c: &case::Model,
    enterprise: Option<&parties::EnterpriseParty>,
    company: Option<&lookup::CompanyRef>,
    name: &Localized,
) -> Result<(Contact, Contact), DbErr> {
    let ours = enterprise
        .map(|e| Contact {
            organisation: enterprise_label(lang, Some(e), Side::Operator, c),
            person: Some(e.contact_name.clone()),
            email: Some(e.email.clone()),
            phone: Some(e.phone.clone()),
        })
        .unwrap_or_default();
    let desk = match company {
        Some(co) => lookup::liaison_desk(db, &co.mic).await?,
        None => None,
    };
    let theirs = Contact {
        organisation: name.text.clone(),
        person: desk.as_ref().and_then(|d| d.name.clone()),
        email: company
            .and_then(|co| co.contact_email.clone())
            .or_else(|| desk.as_ref().and_then(|d| d.email.clone())),
        phone: desk.and_then(|d| d.phone),
    };
    Ok((ours, theirs))
}

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
                purpose: label(lang, "intent", &c.purpose),
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
        Side::Operator => demand_reads::to_review(db, lang).await?,
        _ => demand_reads::owned(db, lang, viewer.account_id).await?,
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
                label: label(lang, "case-stage", s.code()),
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
                    label(lang, "case-stage", &row.stage),
                    row.company.text,
                    row.exchange_mic,
                    row.enterprise,
                    row.purpose,
                    c.created_at.date_naive().to_string(),
                    row.updated,
                    c.outcome
                        .as_deref()
                        .map(|o| label(lang, "case-outcome", o))
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

/// The company a verified enterprise asks to be introduced to, and its open case with it.
pub async fn introduction_target(
    db: &impl ConnectionTrait,
    lang: Lang,
    viewer: &Viewer,
    mic: &str,
    symbol: &str,
) -> Result<Option<IntroductionTarget>, DbErr> {
    let Some(company) = lookup::listed(db, mic, symbol).await? else {
        return Ok(None);
    };
    let name = lookup::names(db, lang, &[company.id])
        .await?
        .remove(&company.id)
        .unwrap_or(Localized {
            text: company.symbol.clone(),
            shown_in: None,
        });
    let exchange = lookup::exchanges(db, lang)
        .await?
        .into_iter()
        .find(|(m, _, _)| *m == company.mic)
        .map(|(_, name, _)| name)
        .unwrap_or_default();
    Ok(Some(IntroductionTarget {
        open_case: super::cases::open_with_company(db, viewer.account_id, company.id).await?,
        mic: company.mic,
        symbol: company.symbol,
        name,
        exchange,
        intents: INTENT_KINDS
            .iter()
            .map(|k| Choice {
                value: (*k).to_owned(),
                label: label(lang, "intent", k),
            })
            .collect(),
    }))
}
