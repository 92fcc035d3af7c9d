//! One case as its party or an operator reads it (contacts only once both have agreed), and
//! the company an enterprise is about to ask for. The desk's lists, the export and the home
//! page's figures are in `desk_reads`.

use super::cases::{initiator_of, sees, side_of, stage_of};
use super::entity::{case, case_event, case_message};
use super::flow::{self, Side};
use super::{
    CaseDetail, CaseEvent, CaseMessage, Contact, IntroductionTarget, MEETING_ZONES, Meeting,
    demand_reads, home_zone,
};
use crate::accounts::parties;
use crate::i18n::{Lang, Localized, tr_code};
use crate::web::url::Page;
use crate::web::viewer::Viewer;
use crate::zone::{Choice, INTENT_KINDS, lookup};
use chrono::{DateTime, FixedOffset, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};

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
            side: tr_code(lang, "case-side", &e.side),
            actor: String::new(),
            step: tr_code(lang, "case-step", &e.step),
            to_stage: tr_code(lang, "case-stage", &e.to_stage),
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
            side: tr_code(lang, "case-side", &m.side),
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
        let mut text = tr_code(lang, "case-outcome", o);
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
        kind: tr_code(lang, "case-kind", &c.kind),
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
        purpose: tr_code(lang, "intent", &c.purpose),
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
pub(super) fn enterprise_label(
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
            tr_code(lang, "kind", &e.kind),
            tr_code(lang, "industry", &e.industry)
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
                label: tr_code(lang, "intent", k),
            })
            .collect(),
    }))
}
