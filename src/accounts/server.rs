//! Account operations: registration, the operator's decisions, sign-in, passwords. Every change
//! that concerns a person writes their email to the outbox and, when sensitive, the audit log,
//! in the same transaction.

use super::entity::{account, audit, enterprise, password_reset};
use super::mail::{Mail, queue};
use super::uscc::{Uscc, UsccError, province};
use super::{ENTERPRISE_KINDS, Role, Status, password, session};
use crate::i18n::{Lang, tr, tr_args};
use chrono::{Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ActiveValue::Set, ColumnTrait, ConnectionTrait,
    DatabaseConnection, DbErr, EntityTrait, QueryFilter, TransactionTrait,
};

/// Field name and localized message.
pub type FieldErrors = Vec<(&'static str, String)>;

/// Why a request was refused.
#[derive(Debug)]
pub enum Problem {
    /// Messages per form field.
    Fields(FieldErrors),
    /// One message for the whole form, already localized.
    Refused(String),
    Db(DbErr),
}

impl From<DbErr> for Problem {
    fn from(err: DbErr) -> Self {
        Problem::Db(err)
    }
}

/// Who did something, for the audit log.
#[derive(Clone, Debug)]
pub struct Actor {
    pub id: Option<i32>,
    pub label: String,
    pub ip: Option<String>,
}

impl Actor {
    pub fn cli() -> Actor {
        Actor {
            id: None,
            label: "cli".into(),
            ip: None,
        }
    }

    pub fn anonymous(ip: Option<String>) -> Actor {
        Actor {
            id: None,
            label: "anonymous".into(),
            ip,
        }
    }

    pub fn account(id: i32, email: &str, ip: Option<String>) -> Actor {
        Actor {
            id: Some(id),
            label: email.to_owned(),
            ip,
        }
    }
}

pub async fn audit(
    db: &impl ConnectionTrait,
    actor: &Actor,
    action: &str,
    target: &str,
    detail: Option<String>,
) -> Result<(), DbErr> {
    audit::ActiveModel {
        id: NotSet,
        at: Set(Utc::now()),
        actor_id: Set(actor.id),
        actor: Set(actor.label.clone()),
        action: Set(action.to_owned()),
        target: Set(target.to_owned()),
        ip: Set(actor.ip.clone()),
        detail: Set(detail),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// An address as stored: trimmed and lower-cased, or `None` if it cannot be an address.
pub fn normalize_email(input: &str) -> Option<String> {
    let email = input.trim().to_lowercase();
    let (local, domain) = email.split_once('@')?;
    let plausible = !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
        && email.len() <= 254
        && !email.chars().any(|c| c.is_whitespace() || c.is_control());
    plausible.then_some(email)
}

fn valid_phone(input: &str) -> bool {
    let digits = input.chars().filter(char::is_ascii_digit).count();
    (6..=20).contains(&digits)
        && input.len() <= 32
        && input
            .chars()
            .all(|c| c.is_ascii_digit() || " +-()".contains(c))
}

/// The localized message for a refused Unified Social Credit Code.
pub fn uscc_message(lang: Lang, err: &UsccError) -> String {
    match err {
        UsccError::Empty => tr(lang, "uscc-error-empty"),
        UsccError::Length(count) => {
            tr_args(lang, "uscc-error-length", &[("count", (*count).into())])
        }
        UsccError::Character { position, found } => tr_args(
            lang,
            "uscc-error-character",
            &[
                ("position", (*position).into()),
                ("found", found.to_string().into()),
            ],
        ),
        UsccError::RegionDigit { position, found } => tr_args(
            lang,
            "uscc-error-region",
            &[
                ("position", (*position).into()),
                ("found", found.to_string().into()),
            ],
        ),
        UsccError::Check { expected, found } => tr_args(
            lang,
            "uscc-error-check",
            &[
                ("expected", expected.to_string().into()),
                ("found", found.to_string().into()),
            ],
        ),
    }
}

fn password_problems(lang: Lang, new: &str, confirm: &str, email: &str, errors: &mut FieldErrors) {
    if let Err(weakness) = password::check(new, email) {
        errors.push((
            "password",
            tr_args(lang, weakness.key(), &[("min", password::MIN_CHARS.into())]),
        ));
    } else if new != confirm {
        errors.push(("password_confirm", tr(lang, "password-mismatch")));
    }
}

/// A registration form as submitted.
#[derive(Clone, Debug, Default)]
pub struct Registration {
    pub name_zh: String,
    pub name_en: String,
    pub uscc: String,
    pub kind: String,
    pub industry: String,
    /// Empty: derive it from the code.
    pub region: String,
    pub contact_name: String,
    pub email: String,
    pub phone: String,
    pub password: String,
    pub password_confirm: String,
    pub terms: bool,
}

#[derive(Debug)]
struct Checked {
    uscc: Uscc,
    email: String,
    region: &'static str,
}

fn check_registration(lang: Lang, form: &Registration) -> Result<Checked, FieldErrors> {
    let mut errors = FieldErrors::new();
    let mut required = |field: &'static str, value: &str| {
        if value.trim().is_empty() {
            errors.push((field, tr(lang, "form-required")));
        }
    };
    required("name_zh", &form.name_zh);
    required("contact_name", &form.contact_name);
    let uscc = Uscc::parse(&form.uscc)
        .map_err(|e| errors.push(("uscc", uscc_message(lang, &e))))
        .ok();
    if !ENTERPRISE_KINDS.contains(&form.kind.as_str()) {
        errors.push(("kind", tr(lang, "register-error-kind")));
    }
    if !crate::zone::INDUSTRIES.contains(&form.industry.as_str()) {
        errors.push(("industry", tr(lang, "register-error-industry")));
    }
    let region = match form.region.as_str() {
        "" => uscc.as_ref().and_then(Uscc::province),
        chosen => province(chosen),
    };
    if region.is_none() && uscc.is_some() {
        errors.push(("region", tr(lang, "register-error-region")));
    }
    let email = normalize_email(&form.email);
    if email.is_none() {
        errors.push(("email", tr(lang, "form-error-email")));
    }
    if !valid_phone(&form.phone) {
        errors.push(("phone", tr(lang, "register-error-phone")));
    }
    password_problems(
        lang,
        &form.password,
        &form.password_confirm,
        email.as_deref().unwrap_or_default(),
        &mut errors,
    );
    if !form.terms {
        errors.push(("terms", tr(lang, "register-error-terms")));
    }
    match (uscc, email, region) {
        (Some(uscc), Some(email), Some(region)) if errors.is_empty() => Ok(Checked {
            uscc,
            email,
            region,
        }),
        _ => Err(errors),
    }
}

/// Registers a domestic enterprise, pending an operator's verification.
pub async fn register(
    db: &DatabaseConnection,
    lang: Lang,
    form: &Registration,
    actor: &Actor,
) -> Result<account::Model, Problem> {
    let checked = check_registration(lang, form).map_err(Problem::Fields)?;
    let password_hash = password::hash_async(&form.password).await;
    let txn = db.begin().await?;
    let mut taken = FieldErrors::new();
    if account::Entity::find()
        .filter(account::Column::Email.eq(&checked.email))
        .one(&txn)
        .await?
        .is_some()
    {
        taken.push(("email", tr(lang, "register-error-email-taken")));
    }
    if enterprise::Entity::find()
        .filter(enterprise::Column::Uscc.eq(checked.uscc.as_str()))
        .one(&txn)
        .await?
        .is_some()
    {
        taken.push(("uscc", tr(lang, "register-error-uscc-taken")));
    }
    if !taken.is_empty() {
        return Err(Problem::Fields(taken));
    }
    let now = Utc::now();
    let saved = account::ActiveModel {
        id: NotSet,
        email: Set(checked.email.clone()),
        password_hash: Set(password_hash),
        role: Set(Role::Enterprise.code().into()),
        status: Set(Status::Pending.code().into()),
        status_reason: Set(None),
        lang: Set(lang.code().into()),
        exchange_mic: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        must_change_password: Set(false),
    }
    .insert(&txn)
    .await?;
    let name_en = form.name_en.trim();
    enterprise::ActiveModel {
        account_id: Set(saved.id),
        name_zh: Set(form.name_zh.trim().to_owned()),
        name_en: Set((!name_en.is_empty()).then(|| name_en.to_owned())),
        uscc: Set(checked.uscc.as_str().to_owned()),
        kind: Set(form.kind.clone()),
        industry: Set(form.industry.clone()),
        region: Set(checked.region.to_owned()),
        contact_name: Set(form.contact_name.trim().to_owned()),
        phone: Set(form.phone.trim().to_owned()),
        terms_accepted_at: Set(now),
    }
    .insert(&txn)
    .await?;
    queue(
        &txn,
        &saved.email,
        lang,
        Mail::Registered,
        &[("name", form.name_zh.trim().to_owned())],
    )
    .await?;
    audit(
        &txn,
        actor,
        "enterprise.register",
        &saved.email,
        Some(checked.uscc.as_str().to_owned()),
    )
    .await?;
    txn.commit().await?;
    Ok(saved)
}

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
    audit(&txn, actor, decision.action(), &email, reason).await?;
    txn.commit().await?;
    Ok(saved)
}

pub async fn find_by_email(
    db: &impl ConnectionTrait,
    email: &str,
) -> Result<Option<account::Model>, DbErr> {
    let Some(email) = normalize_email(email) else {
        return Ok(None);
    };
    account::Entity::find()
        .filter(account::Column::Email.eq(email))
        .one(db)
        .await
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
    audit(
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
    let count = audit::Entity::find()
        .filter(audit::Column::ActorId.eq(found.id))
        .filter(audit::Column::Action.eq("login"))
        .filter(audit::Column::Ip.eq(ip))
        .filter(audit::Column::At.gt(Utc::now() - Duration::days(90)))
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
    audit(&txn, actor, "login", &account.email, None).await?;
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
    audit(&txn, actor, "session.end-all", &actor.label, None).await?;
    txn.commit().await
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
    let mut errors = FieldErrors::new();
    password_problems(lang, new, confirm, &found.email, &mut errors);
    if !errors.is_empty() {
        return Err(Problem::Fields(errors));
    }
    let new_hash = password::hash_async(new).await;
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
    audit(db, actor, action, &account.email, None).await
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
    let token = session::new_token();
    let now = Utc::now();
    let txn = db.begin().await?;
    password_reset::ActiveModel {
        token_hash: Set(session::digest(&token)),
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
    audit(&txn, actor, "password.reset-request", &found.email, None).await?;
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
    let usable = password_reset::Entity::find_by_id(session::digest(token.trim()))
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
    let mut errors = FieldErrors::new();
    password_problems(lang, new, confirm, &found.email, &mut errors);
    if !errors.is_empty() {
        return Err(Problem::Fields(errors));
    }
    let new_hash = password::hash_async(new).await;
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

impl From<enterprise::Model> for super::EnterpriseDetails {
    fn from(e: enterprise::Model) -> Self {
        super::EnterpriseDetails {
            name_zh: e.name_zh,
            name_en: e.name_en,
            uscc: e.uscc,
            kind: e.kind,
            industry: e.industry,
            region: e.region,
            contact_name: e.contact_name,
            phone: e.phone,
        }
    }
}

/// The signed-in account's own record, as its account page shows it.
pub async fn my_account(
    db: &impl ConnectionTrait,
    lang: Lang,
    viewer: &super::Viewer,
    current_session: Option<&str>,
) -> Result<Option<super::MyAccount>, DbErr> {
    use crate::zone::entity::{company, exchange};
    use sea_orm::PaginatorTrait;
    let Some(found) = account::Entity::find_by_id(viewer.account_id)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let enterprise = enterprise::Entity::find_by_id(found.id)
        .one(db)
        .await?
        .map(Into::into);
    let exchange = match &found.exchange_mic {
        Some(mic) => {
            let name = exchange::Entity::find_by_id(mic.clone())
                .one(db)
                .await?
                .map(|e| e.name(lang).to_owned())
                .unwrap_or_else(|| mic.clone());
            let listed = company::Entity::find()
                .filter(company::Column::ExchangeMic.eq(mic))
                .count(db)
                .await?;
            Some((mic.clone(), name, listed))
        }
        None => None,
    };
    let when = |t: chrono::DateTime<Utc>| t.format("%Y-%m-%d %H:%M UTC").to_string();
    let sessions = session::list(db, found.id)
        .await?
        .into_iter()
        .map(|s| super::SessionSummary {
            signed_in: when(s.created_at),
            last_seen: when(s.last_seen_at),
            current: current_session == Some(s.id.as_str()),
            ip: s.ip,
            user_agent: s.user_agent,
        })
        .collect();
    Ok(Some(super::MyAccount {
        sessions,
        email: found.email,
        role: viewer.role,
        status: viewer.status,
        status_reason: found.status_reason,
        enterprise,
        exchange,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalized_or_refused() {
        assert_eq!(
            normalize_email("  Li.Wei@Example.COM "),
            Some("li.wei@example.com".into())
        );
        for bad in [
            "",
            "no-at",
            "@example.com",
            "a@b",
            "a@.com",
            "a b@example.com",
            "a@b@c.com",
        ] {
            assert_eq!(normalize_email(bad), None, "{bad}");
        }
    }

    #[test]
    fn phones() {
        assert!(valid_phone("+86 755 8866 1234"));
        assert!(valid_phone("(0755) 8866-1234"));
        assert!(!valid_phone("12345"));
        assert!(!valid_phone("call me"));
    }

    fn form() -> Registration {
        Registration {
            name_zh: "深圳示例科技有限公司".into(),
            name_en: String::new(),
            uscc: "91110000600037341L".into(),
            kind: "sme".into(),
            industry: "technology".into(),
            region: String::new(),
            contact_name: "李伟".into(),
            email: "li@example.com".into(),
            phone: "+86 755 1234 5678".into(),
            password: "palm oil to Penang 2026".into(),
            password_confirm: "palm oil to Penang 2026".into(),
            terms: true,
        }
    }

    #[test]
    fn the_region_comes_from_the_code_unless_chosen() {
        let checked = check_registration(Lang::En, &form()).unwrap();
        assert_eq!(checked.region, "11");
        let chosen = Registration {
            region: "44".into(),
            ..form()
        };
        assert_eq!(check_registration(Lang::En, &chosen).unwrap().region, "44");
    }

    #[test]
    fn every_problem_is_reported_at_once_and_localized() {
        let bad = Registration {
            name_zh: " ".into(),
            uscc: "91110000600037341A".into(),
            kind: "bank".into(),
            email: "nope".into(),
            password: "password".into(),
            terms: false,
            ..form()
        };
        let errors = check_registration(Lang::Th, &bad).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            fields,
            ["name_zh", "uscc", "kind", "email", "password", "terms"]
        );
        let uscc = &errors[1].1;
        assert!(uscc.contains('L') && uscc.contains('A'), "{uscc}");
        assert_ne!(
            uscc,
            &uscc_message(
                Lang::En,
                &UsccError::Check {
                    expected: 'L',
                    found: 'A'
                }
            )
        );
    }
}
