//! What operators decide about accounts, and the staff accounts (operators, partner desks) that
//! nobody registers online.

use super::{FieldErrors, Problem, find_by_email, normalize_email};
use crate::accounts::entity::account;
use crate::accounts::mail::{Mail, queue};
use crate::accounts::{Role, Status, password, session};
use crate::i18n::{Lang, tr, tr_args};
use crate::platform::audit::{self, Actor};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ActiveValue::Set, DatabaseConnection, EntityTrait,
    TransactionTrait,
};

/// An operator's decision about an account.
#[derive(Clone, Debug)]
pub enum Decision {
    Verify,
    Reject(String),
    Suspend,
    Reinstate,
}

impl Decision {
    fn action(&self) -> &'static str {
        match self {
            Decision::Verify => "account.verify",
            Decision::Reject(_) => "account.reject",
            Decision::Suspend => "account.suspend",
            Decision::Reinstate => "account.reinstate",
        }
    }
}

/// Applies `decision` to account `id` when its current status allows it. Suspending ends the
/// account's sessions at once.
pub async fn decide(
    db: &DatabaseConnection,
    lang: Lang,
    id: i32,
    decision: Decision,
    actor: &Actor,
) -> Result<account::Model, Problem> {
    let txn = db.begin().await?;
    let Some(found) = account::Entity::find_by_id(id).one(&txn).await? else {
        return Err(Problem::Refused(tr(lang, "admin-error-no-account")));
    };
    let current = Status::from_code(&found.status);
    let (next, reason, mail) = match (&decision, current) {
        (Decision::Verify, Some(Status::Pending | Status::Rejected)) => {
            (Status::Verified, None, Mail::Verified)
        }
        (Decision::Reject(reason), Some(Status::Pending)) => {
            let reason = reason.trim();
            if reason.is_empty() {
                return Err(Problem::Fields(vec![(
                    "reason",
                    tr(lang, "admin-error-reason"),
                )]));
            }
            (Status::Rejected, Some(reason.to_owned()), Mail::Rejected)
        }
        // Operators answer for each other's accounts only through whoever runs the platform:
        // one operator cannot lock another out.
        (Decision::Suspend, Some(Status::Verified))
            if actor.id != Some(id) && found.role != Role::Operator.code() =>
        {
            (Status::Suspended, None, Mail::Suspended)
        }
        (Decision::Reinstate, Some(Status::Suspended)) => {
            (Status::Verified, None, Mail::Reinstated)
        }
        _ => return Err(Problem::Refused(tr(lang, "admin-error-transition"))),
    };
    let recipient_lang = Lang::from_code(&found.lang).unwrap_or(Lang::DEFAULT);
    let email = found.email.clone();
    let mut change: account::ActiveModel = found.into();
    change.status = Set(next.code().into());
    change.status_reason = Set(reason.clone());
    change.updated_at = Set(Utc::now());
    let saved = change.update(&txn).await?;
    if next == Status::Suspended {
        session::destroy_all(&txn, id, None).await?;
    }
    queue(
        &txn,
        &email,
        recipient_lang,
        mail,
        &[("reason", reason.clone().unwrap_or_default())],
    )
    .await?;
    audit::record(&txn, actor, decision.action(), &email, reason).await?;
    txn.commit().await?;
    Ok(saved)
}

/// Creates an operator or a partner account (verified from the start). A partner names the
/// exchange it speaks for.
pub async fn create_staff(
    db: &DatabaseConnection,
    lang: Lang,
    role: Role,
    email: &str,
    password: &str,
    exchange: Option<&str>,
    actor: &Actor,
) -> Result<account::Model, Problem> {
    let mut errors = FieldErrors::new();
    let email = normalize_email(email);
    if email.is_none() {
        errors.push(("email", tr(lang, "form-error-email")));
    }
    if let Err(weakness) = password::check(password, email.as_deref().unwrap_or_default()) {
        errors.push((
            "password",
            tr_args(lang, weakness.key(), &[("min", password::MIN_CHARS.into())]),
        ));
    }
    let exchange = match (role, exchange) {
        (Role::Partner, Some(mic)) => {
            let mic = mic.trim().to_uppercase();
            let known = crate::zone::entity::exchange::Entity::find_by_id(mic.clone())
                .one(db)
                .await?
                .is_some();
            if !known {
                errors.push(("exchange", tr(lang, "admin-error-exchange")));
            }
            Some(mic)
        }
        (Role::Partner, None) => {
            errors.push(("exchange", tr(lang, "admin-error-exchange")));
            None
        }
        _ => None,
    };
    let Some(email) = email.filter(|_| errors.is_empty()) else {
        return Err(Problem::Fields(errors));
    };
    let password_hash = password::hash_async(password).await;
    let txn = db.begin().await?;
    if find_by_email(&txn, &email).await?.is_some() {
        return Err(Problem::Fields(vec![(
            "email",
            tr(lang, "register-error-email-taken"),
        )]));
    }
    let now = Utc::now();
    let saved = account::ActiveModel {
        id: NotSet,
        email: Set(email.clone()),
        password_hash: Set(password_hash),
        role: Set(role.code().into()),
        status: Set(Status::Verified.code().into()),
        status_reason: Set(None),
        lang: Set(lang.code().into()),
        exchange_mic: Set(exchange.clone()),
        created_at: Set(now),
        updated_at: Set(now),
        // A partner desk created in the console was handed its password by an operator, who
        // must not keep knowing it; one made on the command line chose its own.
        must_change_password: Set(role == Role::Partner && actor.id.is_some()),
    }
    .insert(&txn)
    .await?;
    if role == Role::Partner {
        queue(
            &txn,
            &email,
            lang,
            Mail::PartnerCreated,
            &[("exchange", exchange.clone().unwrap_or_default())],
        )
        .await?;
    }
    audit::record(
        &txn,
        actor,
        &format!("{}.create", role.code()),
        &email,
        exchange,
    )
    .await?;
    txn.commit().await?;
    Ok(saved)
}
