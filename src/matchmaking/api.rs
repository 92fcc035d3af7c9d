//! Server functions of matchmaking: the seam between its pages and its queries. Each checks
//! who may ask: the board and the figures are public; a demand is public once published; the
//! rest needs a signed-in account of the right kind, and shows only what is that account's.

use super::matches::Recommendations;
use super::{
    Board, BoardQuery, CaseDetail, CaseQuery, DemandDetail, DemandForm, Desk, IntroductionTarget,
    LiaisonFigures,
};
use crate::i18n::Lang;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::web::{error::Problem, viewer::for_signed_in};

#[server(endpoint = "demand-board")]
pub async fn fetch_board(
    lang: Lang,
    #[server(default)] query: BoardQuery,
) -> Result<Board, ServerFnError> {
    let db = crate::db::use_db()?;
    super::demand_reads::board(&db, lang, &query)
        .await
        .map_err(crate::web::error::internal)
}

/// A demand's page; `None` when there is none the viewer may see.
#[server(endpoint = "demand")]
pub async fn fetch_demand(lang: Lang, id: i32) -> Result<Option<DemandDetail>, ServerFnError> {
    let db = crate::db::use_db()?;
    let viewer = crate::web::viewer::use_viewer();
    super::demand_reads::detail(&db, lang, id, viewer.as_ref())
        .await
        .map_err(crate::web::error::internal)
}

/// The form of a new demand (`id` none) or of the viewer's own; only for verified enterprises
/// and partners.
#[server(endpoint = "demand-form")]
pub async fn fetch_demand_form(
    lang: Lang,
    id: Option<i32>,
) -> Result<Option<DemandForm>, ServerFnError> {
    for_signed_in(move |db, viewer| async move {
        if !super::demands::may_publish(&viewer) {
            return Err(Problem::Forbidden);
        }
        Ok(super::demand_reads::form(&db, lang, &viewer, id).await?)
    })
    .await
}

/// What the introduction form shows about a company; only for verified enterprises.
#[server(endpoint = "introduction")]
pub async fn fetch_introduction(
    lang: Lang,
    mic: String,
    symbol: String,
) -> Result<Option<IntroductionTarget>, ServerFnError> {
    for_signed_in(move |db, viewer| async move {
        if !viewer.is_verified_enterprise() {
            return Err(Problem::Forbidden);
        }
        Ok(super::case_reads::introduction_target(&db, lang, &viewer, &mic, &symbol).await?)
    })
    .await
}

/// A case's page; `None` when it is not the viewer's to see.
#[server(endpoint = "case")]
pub async fn fetch_case(lang: Lang, id: i32) -> Result<Option<CaseDetail>, ServerFnError> {
    for_signed_in(move |db, viewer| async move {
        super::case_reads::detail(&db, lang, &viewer, id).await
    })
    .await
}

/// The viewer's desk; `None` for an account that has none (an enterprise not yet verified).
#[server(endpoint = "desk")]
pub async fn fetch_desk(
    lang: Lang,
    #[server(default)] query: CaseQuery,
) -> Result<Option<Desk>, ServerFnError> {
    for_signed_in(move |db, viewer| async move {
        super::desk_reads::desk(&db, lang, &viewer, &query).await
    })
    .await
}

#[server(endpoint = "liaison-figures")]
pub async fn fetch_liaison_figures() -> Result<LiaisonFigures, ServerFnError> {
    let db = crate::db::use_db()?;
    super::desk_reads::figures(&db)
        .await
        .map_err(crate::web::error::internal)
}

/// The companies recommended for demand `id`; for its owner and the operators.
#[server(endpoint = "demand-matches")]
pub async fn fetch_demand_matches(
    lang: Lang,
    id: i32,
) -> Result<Option<Recommendations>, ServerFnError> {
    for_signed_in(move |db, viewer| async move {
        super::recommend::for_demand(&db, lang, &viewer, id).await
    })
    .await
}

/// The demands recommended for a company; for its exchange's partners and the operators.
#[server(endpoint = "company-matches")]
pub async fn fetch_company_matches(
    lang: Lang,
    mic: String,
    symbol: String,
) -> Result<Option<Recommendations>, ServerFnError> {
    for_signed_in(move |db, viewer| async move {
        super::recommend::for_company(&db, lang, &viewer, &mic, &symbol).await
    })
    .await
}
