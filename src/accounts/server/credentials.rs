//! Credentials: signing in and out, changing a password, and resetting it by an emailed link.

use super::{FieldErrors, Problem, find_by_email, password_problems};
use crate::accounts::entity::{account, password_reset};
use crate::accounts::mail::{Mail, queue};
use crate::accounts::{Status, password, session};
use crate::i18n::{Lang, tr};
use crate::platform::audit::{self, Actor};
use crate::platform::entity::audit as audit_log;
use crate::platform::tokens::{digest, new_token};
use chrono::{Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr,
    EntityTrait, QueryFilter, TransactionTrait,
};

/// Checks credentials. Unknown addresses cost the same Argon2 work as wrong passwords, and get
/// the same message.
pub async fn check_credentials(
    db: &impl ConnectionTrait,
    lang: Lang,
    email: &str,
    password: &str,
) -> Result<account::Model, Problem> {
    let found = find_by_email(db, email).await?;
    let hash = found.as_ref().map(|a| a.password_hash.as_str());
    let matches = password::verify_async(password, hash).await;
    match found {
        Some(account) if matches => {
            if account.status == Status::Suspended.code() {
                Err(Problem::Refused(tr(lang, "login-error-suspended")))
            } else {
                Ok(account)
            }
        }
        _ => Err(Problem::Refused(tr(lang, "login-error-credentials"))),
    }
}

/// Whether the account `email` has signed in from `ip` in the last 90 days.
pub async fn signed_in_from_before(
    db: &impl ConnectionTrait,
    email: &str,
    ip: &str,
) -> Result<bool, DbErr> {
    use sea_orm::PaginatorTrait;
    let Some(found) = find_by_email(db, email).await? else {
        return Ok(false);
    };
    let count = audit_log::Entity::find()
        .filter(audit_log::Column::ActorId.eq(found.id))
        .filter(audit_log::Column::Action.eq("login"))
        .filter(audit_log::Column::Ip.eq(ip))
        .filter(audit_log::Column::At.gt(Utc::now() - Duration::days(90)))
        .count(db)
        .await?;
    Ok(count > 0)
}

/// Starts a session for `account` and records the sign-in, together.
pub async fn sign_in(
    db: &DatabaseConnection,
    account: &account::Model,
    actor: &Actor,
    user_agent: Option<String>,
) -> Result<String, DbErr> {
    let txn = db.begin().await?;
    let token = session::create(&txn, account.id, actor.ip.clone(), user_agent).await?;
    audit::record(&txn, actor, "login", &account.email, None).await?;
    txn.commit().await?;
    Ok(token)
}

/// Ends every session of the acting account.
pub async fn sign_out_everywhere(db: &DatabaseConnection, actor: &Actor) -> Result<(), DbErr> {
    let Some(id) = actor.id else {
        return Ok(());
    };
    let txn = db.begin().await?;
    session::destroy_all(&txn, id, None).await?;
    audit::record(&txn, actor, "session.end-all", &actor.label, None).await?;
    txn.commit().await
}

/// The hash of a new password that passes the rules and was typed the same twice.
async fn new_password_hash(
    lang: Lang,
    new: &str,
    confirm: &str,
    email: &str,
) -> Result<String, Problem> {
    let mut errors = FieldErrors::new();
    password_problems(lang, new, confirm, email, &mut errors);
    if !errors.is_empty() {
        return Err(Problem::Fields(errors));
    }
    Ok(password::hash_async(new).await)
}

/// A new password as typed twice.
pub struct NewPassword<'a> {
    pub password: &'a str,
    pub confirm: &'a str,
}

/// Changes the signed-in account's password; its other sessions end.
pub async fn change_password(
    db: &DatabaseConnection,
    lang: Lang,
    account_id: i32,
    current: &str,
    new: NewPassword<'_>,
    keep_session: &str,
    actor: &Actor,
) -> Result<(), Problem> {
    let NewPassword {
        password: new,
        confirm,
    } = new;
    let Some(found) = account::Entity::find_by_id(account_id).one(db).await? else {
        return Err(Problem::Refused(tr(lang, "admin-error-no-account")));
    };
    if !password::verify_async(current, Some(&found.password_hash)).await {
        return Err(Problem::Fields(vec![(
            "current_password",
            tr(lang, "password-current-wrong"),
        )]));
    }
    let new_hash = new_password_hash(lang, new, confirm, &found.email).await?;
    let txn = db.begin().await?;
    replace_password(
        &txn,
        &found,
        new_hash,
        Some(keep_session),
        actor,
        "password.change",
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Stores a new password hash, ends the account's sessions (all, or all but `keep`), revokes
/// every reset link still outstanding, tells the owner by email and audits `action`.
async fn replace_password(
    db: &impl ConnectionTrait,
    account: &account::Model,
    new_hash: String,
    keep: Option<&str>,
    actor: &Actor,
    action: &str,
) -> Result<(), DbErr> {
    let now = Utc::now();
    let mut change: account::ActiveModel = account.clone().into();
    change.password_hash = Set(new_hash);
    change.must_change_password = Set(false);
    change.updated_at = Set(now);
    change.update(db).await?;
    session::destroy_all(db, account.id, keep).await?;
    // A link mailed before the change must not undo it.
    password_reset::Entity::update_many()
        .col_expr(password_reset::Column::UsedAt, now.into())
        .filter(password_reset::Column::AccountId.eq(account.id))
        .filter(password_reset::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    let lang = Lang::from_code(&account.lang).unwrap_or(Lang::DEFAULT);
    queue(db, &account.email, lang, Mail::PasswordChanged, &[]).await?;
    audit::record(db, actor, action, &account.email, None).await
}

/// How long an emailed reset link works.
pub const RESET_VALID_FOR: Duration = Duration::hours(1);

/// Emails a single-use reset link when `email` has an account that may sign in. Says nothing
/// either way, so the form cannot be used to find out who is registered.
pub async fn request_reset(
    db: &DatabaseConnection,
    lang: Lang,
    email: &str,
    origin: &str,
    actor: &Actor,
) -> Result<(), DbErr> {
    let Some(found) = find_by_email(db, email).await? else {
        return Ok(());
    };
    if found.status == Status::Suspended.code() {
        return Ok(());
    }
    let token = new_token();
    let now = Utc::now();
    let txn = db.begin().await?;
    password_reset::ActiveModel {
        token_hash: Set(digest(&token)),
        account_id: Set(found.id),
        created_at: Set(now),
        expires_at: Set(now + RESET_VALID_FOR),
        used_at: Set(None),
    }
    .insert(&txn)
    .await?;
    let recipient_lang = Lang::from_code(&found.lang).unwrap_or(lang);
    let link = format!(
        "{origin}/{}/password/reset?token={token}",
        recipient_lang.code()
    );
    queue(
        &txn,
        &found.email,
        recipient_lang,
        Mail::PasswordReset,
        &[
            ("link", link),
            ("minutes", RESET_VALID_FOR.num_minutes().to_string()),
        ],
    )
    .await?;
    audit::record(&txn, actor, "password.reset-request", &found.email, None).await?;
    txn.commit().await
}

/// Sets a new password with an emailed token; the token is spent and every session ends.
pub async fn reset_password(
    db: &DatabaseConnection,
    lang: Lang,
    token: &str,
    new: NewPassword<'_>,
    actor: &Actor,
) -> Result<account::Model, Problem> {
    let NewPassword {
        password: new,
        confirm,
    } = new;
    let now = Utc::now();
    let usable = password_reset::Entity::find_by_id(digest(token.trim()))
        .one(db)
        .await?
        .filter(|r| r.used_at.is_none() && r.expires_at > now);
    let Some(reset) = usable else {
        return Err(Problem::Refused(tr(lang, "reset-error-token")));
    };
    let Some(found) = account::Entity::find_by_id(reset.account_id)
        .one(db)
        .await?
    else {
        return Err(Problem::Refused(tr(lang, "reset-error-token")));
    };
    let new_hash = new_password_hash(lang, new, confirm, &found.email).await?;
    let txn = db.begin().await?;
    // Spent first, conditionally: of two racing uses only one updates a row.
    let spent = password_reset::Entity::update_many()
        .col_expr(password_reset::Column::UsedAt, now.into())
        .filter(password_reset::Column::TokenHash.eq(reset.token_hash.clone()))
        .filter(password_reset::Column::UsedAt.is_null())
        .exec(&txn)
        .await?;
    if spent.rows_affected != 1 {
        return Err(Problem::Refused(tr(lang, "reset-error-token")));
    }
    replace_password(&txn, &found, new_hash, None, actor, "password.reset").await?;
    txn.commit().await?;
    Ok(found)
}
