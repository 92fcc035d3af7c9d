//! Server functions of the partner's pages: the workspace and a batch's preview.

use super::{ImportPreview, Workspace};
use crate::i18n::Lang;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
fn exchange_or_refusal(asked: Option<&str>) -> Result<String, ServerFnError> {
    let viewer = crate::web::viewer::use_viewer();
    viewer
        .as_ref()
        .and_then(|v| v.maintained_exchange(asked))
        .ok_or_else(|| crate::web::error::Problem::not_allowed(viewer.is_some()).into())
}

/// The partner's workspace: its exchange, its companies' count, its history and API tokens.
#[server(endpoint = "partner-workspace")]
pub async fn fetch_workspace(
    lang: Lang,
    #[server(default)] exchange: Option<String>,
) -> Result<Workspace, ServerFnError> {
    let mic = exchange_or_refusal(exchange.as_deref())?;
    // Tokens are a partner's own; an operator looking at an exchange has none there.
    let partner = crate::web::viewer::use_viewer()
        .filter(|v| v.role == crate::web::viewer::Role::Partner)
        .map(|v| v.account_id);
    let db = crate::db::use_db()?;
    super::workspace::workspace(&db, lang, &mic, partner)
        .await
        .map_err(crate::web::error::internal)?
        .ok_or_else(|| crate::web::error::Problem::NotFound.into())
}

/// What batch `id` would do (or did); `None` when the viewer's exchange has no such batch.
#[server(endpoint = "partner-import")]
pub async fn fetch_import(lang: Lang, id: i32) -> Result<Option<ImportPreview>, ServerFnError> {
    let viewer = crate::web::viewer::use_viewer();
    let allowed = viewer.as_ref().and_then(|v| {
        if v.is_operator() {
            Some(None)
        } else {
            v.maintained_exchange(None).map(Some)
        }
    });
    let Some(mic) = allowed else {
        return Err(crate::web::error::Problem::not_allowed(viewer.is_some()).into());
    };
    let db = crate::db::use_db()?;
    super::preview::preview(&db, lang, id, mic.as_deref())
        .await
        .map_err(crate::web::error::internal)
}

/// One page of the companies of the exchange the viewer maintains (an operator: `exchange`),
/// delisted ones included: `q` searches symbols and names in every language, `state` is
/// `listed`, `delisted` or anything else for all, `market` a market code.
#[server(endpoint = "partner-companies")]
pub async fn fetch_companies(
    lang: Lang,
    #[server(default)] exchange: Option<String>,
    #[server(default)] q: Option<String>,
    #[server(default)] state: Option<String>,
    #[server(default)] market: Option<String>,
    page: u32,
) -> Result<super::CompanyList, ServerFnError> {
    let mic = exchange_or_refusal(exchange.as_deref())?;
    let db = crate::db::use_db()?;
    // A search longer than any name is no search: cut, not refused.
    let q: String = q.unwrap_or_default().chars().take(100).collect();
    let filters = super::companies::Filters {
        q: &q,
        state: state.as_deref().unwrap_or_default(),
        market: market.as_deref().unwrap_or_default(),
        page,
    };
    super::companies::list(&db, lang, &mic, &filters)
        .await
        .map_err(crate::web::error::internal)?
        .ok_or_else(|| crate::web::error::Problem::NotFound.into())
}

/// Company `symbol` as its edit form shows it, if the viewer maintains its exchange (an
/// operator: `exchange`); `None` when there is no such company there.
#[server(endpoint = "partner-company")]
pub async fn fetch_company_form(
    lang: Lang,
    symbol: String,
    #[server(default)] exchange: Option<String>,
) -> Result<Option<super::CompanyForm>, ServerFnError> {
    use crate::web::error::Problem;
    let viewer = crate::web::viewer::use_viewer();
    let db = crate::db::use_db()?;
    let found =
        super::companies::maintained_company(&db, viewer.as_ref(), exchange.as_deref(), &symbol)
            .await;
    match found {
        Ok((mic, stored)) => Ok(Some(super::companies::form(lang, &mic, &stored.snapshot))),
        Err(Problem::NotFound) => Ok(None),
        Err(problem) => Err(problem.into()),
    }
}
