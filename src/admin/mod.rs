//! The operator console `/{lang}/admin`: pending registrations, enterprises, partners, the
//! outbox and the audit log. Only verified operators get in; every action is audited.

#[cfg(feature = "ssr")]
pub mod handlers;
mod page;
#[cfg(feature = "ssr")]
mod routes;
#[cfg(feature = "ssr")]
pub mod server;

#[cfg(feature = "ssr")]
pub use routes::routes;

pub use page::AdminPage;

use crate::accounts::{EnterpriseDetails, Status};
use crate::i18n::Lang;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EnterpriseRow {
    pub account_id: i32,
    pub email: String,
    pub status: Status,
    pub status_reason: Option<String>,
    pub registered_at: String,
    pub details: EnterpriseDetails,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PartnerRow {
    pub account_id: i32,
    pub email: String,
    pub status: Status,
    pub exchange_mic: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutboxRow {
    pub id: i32,
    pub recipient: String,
    pub lang: String,
    pub subject: String,
    pub body: String,
    pub created_at: String,
    pub sent: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditRow {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub target: String,
    pub ip: Option<String>,
    pub detail: Option<String>,
}

/// Everything the console shows, newest first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Console {
    pub pending: Vec<EnterpriseRow>,
    pub enterprises: Vec<EnterpriseRow>,
    pub partners: Vec<PartnerRow>,
    /// MIC and name in the page language, for the new-partner form.
    pub exchanges: Vec<(String, String)>,
    pub outbox: Vec<OutboxRow>,
    pub audit: Vec<AuditRow>,
}

/// The console's data; verified operators only.
#[server(endpoint = "console")]
pub async fn fetch_console(lang: Lang) -> Result<Console, ServerFnError> {
    let viewer = crate::accounts::use_viewer();
    if !viewer.as_ref().is_some_and(|v| v.is_operator()) {
        return Err(crate::web::error::forbidden(viewer.is_some()));
    }
    let db = crate::db::use_db()?;
    server::console(&db, lang)
        .await
        .map_err(crate::db::internal)
}
