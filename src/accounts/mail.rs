//! The emails about accounts. They go through the platform's outbox, in the recipient's language,
//! in the same transaction as the change they report; operators read them in the console.

use crate::i18n::Lang;
use crate::platform::outbox;
use sea_orm::{ConnectionTrait, DbErr};

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

/// Queues `mail` to `recipient` in the platform's outbox.
pub async fn queue(
    db: &impl ConnectionTrait,
    recipient: &str,
    lang: Lang,
    mail: Mail,
    args: &[(&'static str, String)],
) -> Result<(), DbErr> {
    outbox::queue(db, recipient, lang, mail.kind(), args).await
}
