//! Emails are written to the outbox table in the recipient's language, in the same transaction as
//! the change they report; operators read the outbox in the console.

use super::entity::outbox;
use crate::i18n::{Lang, tr_args};
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ActiveValue::NotSet, ActiveValue::Set, ConnectionTrait, DbErr};

/// What happened to the recipient's account; each has `mail-{kind}-subject` and
/// `mail-{kind}-body` messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mail {
    Registered,
    Verified,
    Rejected,
    Suspended,
    Reinstated,
    PartnerCreated,
    PasswordChanged,
    PasswordReset,
}

impl Mail {
    pub fn kind(self) -> &'static str {
        match self {
            Mail::Registered => "registered",
            Mail::Verified => "verified",
            Mail::Rejected => "rejected",
            Mail::Suspended => "suspended",
            Mail::Reinstated => "reinstated",
            Mail::PartnerCreated => "partner-created",
            Mail::PasswordChanged => "password-changed",
            Mail::PasswordReset => "password-reset",
        }
    }
}

/// Whether an outbox row of `kind` may be read in the console. A reset link in an operator's
/// view would let that operator take over the recipient's account, so such bodies stay
/// between the outbox and the mail server.
pub fn readable_by_operators(kind: &str) -> bool {
    kind != Mail::PasswordReset.kind()
}

/// Queues `mail` to `recipient`. `args` fill the message (`name`, `reason`, `link` …).
pub async fn queue(
    db: &impl ConnectionTrait,
    recipient: &str,
    lang: Lang,
    mail: Mail,
    args: &[(&'static str, String)],
) -> Result<(), DbErr> {
    let kind = mail.kind();
    let (subject, body) = {
        let args: Vec<_> = args.iter().map(|(k, v)| (*k, v.as_str().into())).collect();
        (
            tr_args(lang, &format!("mail-{kind}-subject"), &args),
            tr_args(lang, &format!("mail-{kind}-body"), &args),
        )
    };
    outbox::ActiveModel {
        id: NotSet,
        recipient: Set(recipient.to_owned()),
        lang: Set(lang.code().to_owned()),
        kind: Set(kind.to_owned()),
        subject: Set(subject),
        body: Set(body),
        created_at: Set(Utc::now()),
        sent_at: Set(None),
        // Delivery state starts at the column defaults: not tried yet.
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}
