//! Demands: who may do what to one at each status, the checks of its form, and the board.
//!
//! A demand goes draft → review → published, and an operator may return it (with a reason) to
//! be changed and submitted again; its owner may withdraw it at any time. A published demand is
//! on the board until `valid_until` (six months, renewable), after which it reads as expired.

use super::demand_check::check;
use super::entity::{demand, demand_text};
use super::{By, VALIDITY_MONTHS, mail};
use crate::i18n::tr;
use crate::platform::audit;
use crate::platform::page_generation;
use crate::web::error::Problem;
use crate::web::submit::Fields;
use crate::web::viewer::Viewer;
use chrono::{DateTime, Months, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter,
    QuerySelect, Set, TransactionTrait,
};

pub const DRAFT: &str = "draft";
pub const REVIEW: &str = "review";
pub const PUBLISHED: &str = "published";
pub const RETURNED: &str = "returned";
pub const WITHDRAWN: &str = "withdrawn";
/// A published demand past its validity: stored by [`expire_due`], and read so before then.
pub const EXPIRED: &str = "expired";

/// The status its owner sees: a published demand past its validity is expired.
pub fn shown_status(d: &demand::Model, now: DateTime<Utc>) -> &'static str {
    match d.status.as_str() {
        PUBLISHED if d.valid_until <= now => EXPIRED,
        PUBLISHED => PUBLISHED,
        REVIEW => REVIEW,
        RETURNED => RETURNED,
        WITHDRAWN => WITHDRAWN,
        EXPIRED => EXPIRED,
        _ => DRAFT,
    }
}

/// On the board now.
pub(super) fn is_public(d: &demand::Model, now: DateTime<Utc>) -> bool {
    shown_status(d, now) == PUBLISHED
}

/// What `viewer` may do to `d` now.
pub fn actions(
    d: &demand::Model,
    viewer: Option<&Viewer>,
    now: DateTime<Utc>,
) -> Vec<&'static str> {
    let Some(viewer) = viewer else {
        return Vec::new();
    };
    let status = shown_status(d, now);
    let mut actions = Vec::new();
    if owns(viewer, d) {
        if status != WITHDRAWN {
            actions.push("edit");
        }
        if matches!(status, DRAFT | RETURNED) {
            actions.push("submit");
        }
        if matches!(status, PUBLISHED | EXPIRED) {
            actions.push("renew");
        }
        if status != WITHDRAWN {
            actions.push("withdraw");
        }
    }
    if viewer.is_operator() && status == REVIEW {
        actions.extend(["publish", "return"]);
    }
    actions
}

/// `viewer` is the demand's owner and may still act as one.
fn owns(viewer: &Viewer, d: &demand::Model) -> bool {
    viewer.account_id == d.owner_id && may_publish(viewer)
}

/// Verified enterprises publish demands; verified partners, offers for their companies.
pub fn may_publish(viewer: &Viewer) -> bool {
    viewer.is_partner() || viewer.is_verified_enterprise()
}

/// `,MY,XKLS,` for a LIKE to find one code in; empty for anywhere.
fn targets_column(targets: &[String]) -> String {
    if targets.is_empty() {
        String::new()
    } else {
        format!(",{},", targets.join(","))
    }
}

pub(super) fn targets_of(d: &demand::Model) -> Vec<String> {
    d.targets
        .split(',')
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Stores the form of a new demand (`id` none) or of the viewer's demand `id`, and submits it
/// for review when `submit`: the demand and its texts in one transaction with the audit record.
/// An edit of a published demand takes it off the board until an operator publishes it again.
pub async fn save(
    db: &sea_orm::DatabaseConnection,
    by: &By<'_>,
    id: Option<i32>,
    fields: &Fields,
    submit: bool,
) -> Result<i32, Problem> {
    let (lang, viewer, actor) = (by.lang, by.viewer, by.actor);
    if !may_publish(viewer) {
        return Err(Problem::Forbidden);
    }
    // Another's demand is not there at all, whatever the form says.
    if let Some(id) = id {
        let found = demand::Entity::find_by_id(id).one(db).await?;
        if !found.is_some_and(|d| actions(&d, Some(viewer), Utc::now()).contains(&"edit")) {
            return Err(Problem::NotFound);
        }
    }
    let checked = match check(db, lang, viewer, fields).await? {
        Ok(checked) => checked,
        Err(errors) => return Err(Problem::Fields(errors)),
    };
    let txn = db.begin().await?;
    let now = Utc::now();
    let existing = match id {
        Some(id) => {
            let d = demand::Entity::find_by_id(id)
                .lock_exclusive()
                .one(&txn)
                .await?
                .ok_or(Problem::NotFound)?;
            if !actions(&d, Some(viewer), now).contains(&"edit") {
                return Err(Problem::NotFound);
            }
            Some(d)
        }
        None => None,
    };
    let status = match (&existing, submit) {
        (_, true) => REVIEW,
        (Some(d), false) if d.status == REVIEW || d.status == PUBLISHED => REVIEW,
        (Some(d), false) if d.status == RETURNED => RETURNED,
        _ => DRAFT,
    };
    let search = checked
        .texts
        .iter()
        .flat_map(|(_, t, d)| [t.as_deref(), d.as_deref()])
        .flatten()
        .collect::<Vec<_>>()
        .join("\n")
        .to_lowercase();
    let (min, max, currency, stage) = match checked.financing {
        Some((min, max, c, s)) => (Some(min), Some(max), Some(c), Some(s)),
        None => (None, None, None, None),
    };
    let mut model = match &existing {
        Some(d) => demand::ActiveModel::from(d.clone()),
        None => demand::ActiveModel {
            owner_id: Set(viewer.account_id),
            valid_until: Set(now + Months::new(VALIDITY_MONTHS)),
            created_at: Set(now),
            published_at: Set(None),
            return_reason: Set(None),
            ..Default::default()
        },
    };
    model.company_id = Set(checked.company_id);
    model.kind = Set(checked.kind);
    model.industry = Set(checked.industry);
    model.targets = Set(targets_column(&checked.targets));
    model.green = Set(checked.green);
    model.amount_min = Set(min);
    model.amount_max = Set(max);
    model.currency = Set(currency);
    model.stage = Set(stage);
    model.status = Set(status.to_owned());
    model.search = Set(search);
    model.updated_at = Set(now);
    let saved = model.save(&txn).await?;
    let demand_id = saved.id.unwrap();
    demand_text::Entity::delete_many()
        .filter(demand_text::Column::DemandId.eq(demand_id))
        .exec(&txn)
        .await?;
    for (l, title, description) in checked.texts {
        if title.is_none() && description.is_none() {
            continue;
        }
        demand_text::ActiveModel {
            demand_id: Set(demand_id),
            lang: Set(l.code().to_owned()),
            title: Set(title),
            description: Set(description),
        }
        .insert(&txn)
        .await?;
    }
    let action = if existing.is_some() {
        "demand.edit"
    } else {
        "demand.create"
    };
    audit::record(
        &txn,
        actor,
        action,
        &format!("demand:{demand_id}"),
        Some(status.to_owned()),
    )
    .await?;
    if status == REVIEW {
        mail::demand_submitted(&txn, by.origin, demand_id).await?;
    }
    if existing.is_some_and(|d| d.status == PUBLISHED) {
        page_generation::bump(&txn).await?;
    }
    txn.commit().await?;
    Ok(demand_id)
}

/// Takes `action` (`submit`, `withdraw`, `renew`, `publish`, `return`) on demand `id` for
/// `viewer`, if the demand's rules let them; `reason` is the operator's for a return.
pub async fn act(
    db: &sea_orm::DatabaseConnection,
    by: &By<'_>,
    id: i32,
    action: &str,
    reason: &str,
) -> Result<(), Problem> {
    let (lang, viewer, actor) = (by.lang, by.viewer, by.actor);
    let txn = db.begin().await?;
    let now = Utc::now();
    let d = demand::Entity::find_by_id(id)
        .lock_exclusive()
        .one(&txn)
        .await?
        .ok_or(Problem::NotFound)?;
    let allowed = actions(&d, Some(viewer), now);
    if !allowed.contains(&action) || action == "edit" {
        // Another's draft is not there at all; a step the rules refuse is forbidden.
        return Err(match detail_visible(&d, viewer, now) {
            true => Problem::Refused(tr(lang, "demand-error-not-now")),
            false => Problem::NotFound,
        });
    }
    let reason = reason.trim();
    if action == "return" && reason.is_empty() {
        return Err(Problem::Fields(vec![(
            "reason",
            tr(lang, "demand-error-reason"),
        )]));
    }
    if reason.chars().count() > 2000 {
        return Err(Problem::Fields(vec![(
            "reason",
            tr(lang, "demand-error-description-long"),
        )]));
    }
    let was_public = is_public(&d, now);
    let mut model = demand::ActiveModel::from(d.clone());
    match action {
        "submit" => model.status = Set(REVIEW.into()),
        "withdraw" => model.status = Set(WITHDRAWN.into()),
        "renew" => {
            model.status = Set(PUBLISHED.into());
            model.valid_until = Set(now + Months::new(VALIDITY_MONTHS));
        }
        "publish" => {
            model.status = Set(PUBLISHED.into());
            model.published_at = Set(Some(now));
            model.return_reason = Set(None);
            model.valid_until = Set(d.valid_until.max(now + Months::new(VALIDITY_MONTHS)));
        }
        _ => {
            model.status = Set(RETURNED.into());
            model.return_reason = Set(Some(reason.to_owned()));
        }
    }
    model.updated_at = Set(now);
    let saved = model.update(&txn).await?;
    let detail = (!reason.is_empty()).then(|| reason.to_owned());
    audit::record(
        &txn,
        actor,
        &format!("demand.{action}"),
        &format!("demand:{id}"),
        detail,
    )
    .await?;
    match action {
        "submit" => mail::demand_submitted(&txn, by.origin, id).await?,
        "publish" | "return" => mail::demand_decided(&txn, by.origin, &saved, action).await?,
        _ => {}
    }
    if was_public || is_public(&saved, now) {
        page_generation::bump(&txn).await?;
    }
    txn.commit().await?;
    Ok(())
}

fn detail_visible(d: &demand::Model, viewer: &Viewer, now: DateTime<Utc>) -> bool {
    is_public(d, now) || viewer.is_operator() || viewer.account_id == d.owner_id
}

/// Marks the published demands past their validity as expired, in one transaction that also
/// makes every instance's copies of the public pages stale (a cached board would otherwise show
/// them until the next write); the number marked.
pub async fn expire_due(db: &DatabaseConnection) -> Result<u64, DbErr> {
    let txn = db.begin().await?;
    let done = demand::Entity::update_many()
        .col_expr(demand::Column::Status, Expr::value(EXPIRED))
        .filter(demand::Column::Status.eq(PUBLISHED))
        .filter(demand::Column::ValidUntil.lte(Utc::now()))
        .exec(&txn)
        .await?
        .rows_affected;
    if done > 0 {
        page_generation::bump(&txn).await?;
    }
    txn.commit().await?;
    Ok(done)
}

/// Runs [`expire_due`] every minute for as long as the server runs. Every instance may run it:
/// a demand already marked is not marked again.
pub fn start_expiry(db: DatabaseConnection) {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(std::time::Duration::from_secs(60));
        loop {
            every.tick().await;
            match expire_due(&db).await {
                Ok(0) => {}
                Ok(n) => tracing::info!("{n} demands expired"),
                Err(err) => tracing::warn!(error = %err, "expiring demands"),
            }
        }
    });
}
