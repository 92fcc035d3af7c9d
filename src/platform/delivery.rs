//! Sends the email outbox over SMTP, when `VNEXT_SMTP_URL` is set.
//!
//! Every app instance runs a worker; they share the outbox table and nothing else. A worker
//! takes a mail only by claiming it with one conditional `UPDATE` (a lease, `claimed_until`), so
//! of several instances exactly one sends it. Failures are retried with exponential backoff and
//! given up after a number of attempts.
//!
//! An instance that stops between handing a mail to the server and recording it as sent leaves
//! the claim to expire, and the mail is sent again: at least once after a crash, exactly once
//! otherwise.

use super::entity::outbox;
use chrono::{DateTime, Duration, Utc};
use lettre::message::Mailbox;
use lettre::message::header::ContentType;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use std::fmt::Display;
use tokio::task::JoinHandle;

/// The SMTP client the worker sends with.
pub type Mailer = AsyncSmtpTransport<Tokio1Executor>;

/// Longest stored error text: server replies can be long, and the console shows it.
const MAX_ERROR_CHARS: usize = 500;

/// How the worker paces, retries and gives up.
#[derive(Clone, Debug)]
pub struct Settings {
    /// The sender of every mail.
    pub from: Mailbox,
    /// Pause between scans of the outbox when it had nothing more to send.
    pub interval: std::time::Duration,
    /// Mails taken per scan.
    pub batch: u64,
    /// How long a claimed mail stays with the instance sending it; well above `send_timeout`,
    /// so that a claim outlives any send that is still going on.
    pub lease: Duration,
    /// One mail's whole SMTP exchange, at most.
    pub send_timeout: std::time::Duration,
    /// Attempts before giving up.
    pub max_attempts: i32,
    /// The wait after the first failure; it doubles after each further one …
    pub first_retry: Duration,
    /// … up to this.
    pub longest_retry: Duration,
}

impl Settings {
    /// The defaults, with `from` (`V-Next Zone <no-reply@zone.example.org>`) as the sender.
    pub fn new(from: &str) -> Result<Settings, String> {
        let from = from
            .parse::<Mailbox>()
            .map_err(|e| format!("VNEXT_SMTP_FROM={from:?} is not an address: {e}"))?;
        Ok(Settings {
            from,
            interval: std::time::Duration::from_secs(5),
            batch: 20,
            lease: Duration::minutes(10),
            send_timeout: std::time::Duration::from_secs(120),
            max_attempts: 8,
            first_retry: Duration::minutes(1),
            longest_retry: Duration::hours(6),
        })
    }
}

/// What one scan of the outbox did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DeliveryReport {
    /// Mails that were due when the scan began (some may have gone to another instance).
    pub due: usize,
    pub sent: usize,
    /// Failed this time, to be tried again later.
    pub deferred: usize,
    /// Failed for good.
    pub failed: usize,
}

/// The SMTP client for `url`: `smtp://host:port` (plain, for a local relay), `smtps://…`
/// (TLS from the start) or `smtp://…?tls=required` (STARTTLS); `user:password@` in the URL
/// signs in.
pub fn mailer(url: &str) -> Result<Mailer, lettre::transport::smtp::Error> {
    Ok(AsyncSmtpTransport::<Tokio1Executor>::from_url(url)?.build())
}

/// Starts the worker of this instance. Fails on a URL or sender that cannot work, so that
/// the server does not start with mail silently going nowhere.
pub fn start(db: DatabaseConnection, url: &str, from: &str) -> Result<(), String> {
    let settings = Settings::new(from)?;
    // The URL may carry a password: its error is shown, never the URL itself.
    let mailer = mailer(url).map_err(|e| format!("VNEXT_SMTP_URL: {e}"))?;
    tracing::info!(from = %settings.from, "sending the outbox over SMTP");
    spawn(db, mailer, settings);
    Ok(())
}

/// Runs [`deliver_due`] until the runtime stops.
pub fn spawn(db: DatabaseConnection, mailer: Mailer, settings: Settings) -> JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            let more = match deliver_due(&db, &mailer, Utc::now(), &settings).await {
                Ok(report) => {
                    if report.sent + report.deferred + report.failed > 0 {
                        tracing::info!(
                            sent = report.sent,
                            deferred = report.deferred,
                            failed = report.failed,
                            "outbox delivery"
                        );
                    }
                    // A full batch may have left more behind: no pause then.
                    report.due as u64 >= settings.batch
                }
                Err(err) => {
                    tracing::warn!(error = %err, "outbox delivery stopped at a database error");
                    false
                }
            };
            if !more {
                tokio::time::sleep(settings.interval).await;
            }
        }
    })
}

/// Sends the mails due at `now`, one batch. `now` is a parameter so that tests can move time.
///
/// Claims are single statements outside any transaction, so they must be visible to the
/// other instances at once: hence a connection, not a transaction.
pub async fn deliver_due<T>(
    db: &DatabaseConnection,
    transport: &T,
    now: DateTime<Utc>,
    settings: &Settings,
) -> Result<DeliveryReport, DbErr>
where
    T: AsyncTransport + Sync,
    T::Error: Display,
{
    let due = outbox::Entity::find()
        .filter(due_at(now))
        .order_by_asc(outbox::Column::Id)
        .limit(settings.batch)
        .all(db)
        .await?;
    let mut report = DeliveryReport {
        due: due.len(),
        ..DeliveryReport::default()
    };
    for mail in due {
        if !claim(db, mail.id, now, settings.lease).await? {
            continue;
        }
        match send(transport, &settings.from, &mail, settings.send_timeout).await {
            Ok(()) => {
                mark_sent(db, mail.id, now).await?;
                report.sent += 1;
            }
            Err(failure) => {
                if record_failure(db, &mail, now, &failure, settings).await? {
                    report.failed += 1;
                } else {
                    report.deferred += 1;
                }
            }
        }
    }
    Ok(report)
}

/// The wait before the next attempt, after `attempts` failures.
pub fn backoff(attempts: i32, settings: &Settings) -> Duration {
    let doublings = u32::try_from(attempts.saturating_sub(1)).unwrap_or(0);
    settings
        .first_retry
        .checked_mul(2i32.saturating_pow(doublings))
        .map_or(settings.longest_retry, |wait| {
            wait.min(settings.longest_retry)
        })
}

/// Unsent, not given up, its time come, and held by no instance.
fn due_at(now: DateTime<Utc>) -> Condition {
    Condition::all()
        .add(outbox::Column::SentAt.is_null())
        .add(outbox::Column::FailedAt.is_null())
        .add(
            Condition::any()
                .add(outbox::Column::NextAttemptAt.is_null())
                .add(outbox::Column::NextAttemptAt.lte(now)),
        )
        .add(
            Condition::any()
                .add(outbox::Column::ClaimedUntil.is_null())
                .add(outbox::Column::ClaimedUntil.lt(now)),
        )
}

/// Whether this instance got mail `id`. The `UPDATE` repeats the conditions of the scan: when
/// two instances race, the database lets one change the row, and the other then finds it
/// claimed and changes nothing (PostgreSQL re-checks the row after the first commits; SQLite
/// writes one at a time).
async fn claim(
    db: &DatabaseConnection,
    id: i32,
    now: DateTime<Utc>,
    lease: Duration,
) -> Result<bool, DbErr> {
    let claimed = outbox::Entity::update_many()
        .col_expr(outbox::Column::ClaimedUntil, (now + lease).into())
        .filter(outbox::Column::Id.eq(id))
        .filter(due_at(now))
        .exec(db)
        .await?;
    Ok(claimed.rows_affected == 1)
}

async fn mark_sent(db: &DatabaseConnection, id: i32, now: DateTime<Utc>) -> Result<(), DbErr> {
    outbox::Entity::update_many()
        .col_expr(outbox::Column::SentAt, now.into())
        .col_expr(outbox::Column::ClaimedUntil, no_time().into())
        .filter(outbox::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// Why a mail did not go out; `permanent` when trying again cannot help.
struct Failure {
    reason: String,
    permanent: bool,
}

/// Records a failed attempt and releases the claim; returns whether the mail is given up.
async fn record_failure(
    db: &DatabaseConnection,
    mail: &outbox::Model,
    now: DateTime<Utc>,
    failure: &Failure,
    settings: &Settings,
) -> Result<bool, DbErr> {
    let attempts = mail.attempts.saturating_add(1);
    let gave_up = failure.permanent || attempts >= settings.max_attempts;
    let next_attempt = (!gave_up).then(|| now + backoff(attempts, settings));
    // Never the body: it can carry a reset link.
    tracing::warn!(
        id = mail.id,
        kind = %mail.kind,
        attempts,
        gave_up,
        error = %failure.reason,
        "an outbox mail was not sent"
    );
    let reason: String = failure.reason.chars().take(MAX_ERROR_CHARS).collect();
    outbox::Entity::update_many()
        .col_expr(outbox::Column::Attempts, attempts.into())
        .col_expr(outbox::Column::LastError, Some(reason).into())
        .col_expr(outbox::Column::NextAttemptAt, next_attempt.into())
        .col_expr(outbox::Column::FailedAt, gave_up.then_some(now).into())
        .col_expr(outbox::Column::ClaimedUntil, no_time().into())
        .filter(outbox::Column::Id.eq(mail.id))
        .exec(db)
        .await?;
    Ok(gave_up)
}

/// A NULL timestamp.
fn no_time() -> Option<DateTime<Utc>> {
    None
}

async fn send<T>(
    transport: &T,
    from: &Mailbox,
    mail: &outbox::Model,
    limit: std::time::Duration,
) -> Result<(), Failure>
where
    T: AsyncTransport + Sync,
    T::Error: Display,
{
    let message = compose(from, mail).map_err(|reason| Failure {
        reason,
        permanent: true,
    })?;
    let raw = message.formatted();
    let transient = |reason: String| Failure {
        reason,
        permanent: false,
    };
    match tokio::time::timeout(limit, transport.send_raw(message.envelope(), &raw)).await {
        Ok(Ok(_)) => Ok(()),
        Ok(Err(err)) => Err(transient(err.to_string())),
        Err(_) => Err(transient(format!(
            "no answer from the mail server within {} s",
            limit.as_secs()
        ))),
    }
}

/// The mail as sent: plain UTF-8 text; lettre encodes non-ASCII subjects (RFC 2047) and picks
/// the body's transfer encoding.
fn compose(from: &Mailbox, mail: &outbox::Model) -> Result<Message, String> {
    let to = mail
        .recipient
        .parse::<Mailbox>()
        .map_err(|e| format!("recipient {:?}: {e}", mail.recipient))?;
    Message::builder()
        .from(from.clone())
        .to(to)
        .subject(mail.subject.clone())
        .header(ContentType::TEXT_PLAIN)
        .body(mail.body.clone())
        .map_err(|e| e.to_string())
}
