//! Server functions of readiness. Each needs a signed-in account and shows only what that
//! account may read (`reads`): an enterprise its own assessments, an operator everyone's.

use super::{Assessed, AssessmentView, Overview, Questionnaire};
use crate::i18n::Lang;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::web::viewer::for_signed_in;

/// The viewer's own page as an enterprise; enterprise `enterprise`'s for an operator.
#[server(endpoint = "readiness")]
pub async fn fetch_overview(
    lang: Lang,
    enterprise: Option<i32>,
) -> Result<Option<Overview>, ServerFnError> {
    for_signed_in(move |db, viewer| async move {
        super::reads::overview(&db, lang, &viewer, enterprise).await
    })
    .await
}

#[server(endpoint = "readiness-assessment")]
pub async fn fetch_assessment(
    lang: Lang,
    id: i32,
) -> Result<Option<AssessmentView>, ServerFnError> {
    for_signed_in(move |db, viewer| async move {
        super::reads::assessment(&db, lang, &viewer, id).await
    })
    .await
}

/// The operators' list of the enterprises that took the evaluation.
#[server(endpoint = "readiness-assessed")]
pub async fn fetch_assessed(lang: Lang, page: u32) -> Result<Option<Assessed>, ServerFnError> {
    for_signed_in(move |db, viewer| async move {
        super::reads::assessed(&db, lang, &viewer, page).await
    })
    .await
}

#[server(endpoint = "readiness-questionnaire")]
pub async fn fetch_questionnaire(lang: Lang) -> Result<Option<Questionnaire>, ServerFnError> {
    for_signed_in(
        move |db, viewer| async move { super::reads::questionnaire(&db, lang, &viewer).await },
    )
    .await
}
