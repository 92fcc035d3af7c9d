//! Server functions for signed-in pages. Each checks the caller itself: they are reachable by
//! anyone who can send a POST.

use super::MyAccount;
use crate::i18n::Lang;
use leptos::prelude::*;

/// The signed-in account's own record; `None` for anonymous callers.
#[server(endpoint = "my_account")]
pub async fn fetch_my_account(lang: Lang) -> Result<Option<MyAccount>, ServerFnError> {
    let Some(viewer) = super::use_viewer() else {
        return Ok(None);
    };
    let db = crate::db::use_db()?;
    let current = use_context::<http::request::Parts>().and_then(|p| {
        p.extensions
            .get::<super::session::CurrentSession>()
            .cloned()
    });
    let current = current.as_ref().map(|c| c.0.as_str());
    super::server::my_account(&db, lang, &viewer, current)
        .await
        .map_err(crate::web::error::internal)
}
