//! The partner's form posts about one company: its edit form, delist and relist. Who may post is
//! settled as for a batch (`handlers.rs`): 401 for nobody, 403 for an enterprise, and another
//! exchange's company is not found.

use super::companies;
use super::company_check;
use super::handlers::form_and_key;
use super::snapshot::Stored;
use crate::i18n::{Lang, tr, tr_args};
use crate::platform::audit::Actor;
use crate::web::error::Problem;
use crate::web::form::Feedback;
use crate::web::state::AppState;
use crate::web::submit::{Submission, answer_problem, refuse};
use crate::web::url::Page;
use axum::extract::{FromRequest, Query, Request, State};
use axum::response::{IntoResponse, Redirect, Response};
use http::StatusCode;
use serde::Deserialize;

/// `?exchange=MIC` on the form's address: the exchange an operator works on. A partner's is its
/// own whatever this says. In the address rather than the form, so that a refused post renders
/// the page again for the same exchange.
#[derive(Deserialize)]
pub struct ExchangeQuery {
    exchange: Option<String>,
}

/// A form post about one company, checked to be of an exchange the viewer maintains: the form,
/// the company's exchange and stored values, and the viewer as an actor.
pub struct CompanyPost {
    form: Submission,
    symbol: String,
    mic: String,
    stored: Stored,
    actor: Actor,
}

impl FromRequest<AppState> for CompanyPost {
    type Rejection = Response;

    async fn from_request(request: Request, app: &AppState) -> Result<Self, Response> {
        let (mut form, symbol) = form_and_key::<String>(request, app).await?;
        let Query(query) = form.extract::<Query<ExchangeQuery>, _>(app).await?;
        let asked = query.exchange.as_deref();
        let found = companies::maintained_company(&app.db, form.viewer(), asked, &symbol).await;
        let ((mic, stored), actor) = found
            .and_then(|found| Ok((found, form.actor()?)))
            .map_err(IntoResponse::into_response)?;
        Ok(Self {
            form,
            symbol,
            mic,
            stored,
            actor,
        })
    }
}

/// Back to the company's edit page, with `notice`.
fn back(lang: Lang, mic: &str, symbol: &str, notice: &str) -> Response {
    let page = Page::PartnerCompany { symbol };
    Redirect::to(&page.url_with(lang, &[("exchange", mic), ("notice", notice)])).into_response()
}

/// `POST /{lang}/partner/companies/{symbol}`: the edit form. Every field is checked as an import
/// checks its cell; with any problem nothing is stored, and the form comes back as typed with a
/// message under each field at fault.
pub async fn save(State(app): State<AppState>, post: CompanyPost) -> Result<Response, Problem> {
    let CompanyPost {
        form,
        symbol,
        mic,
        stored,
        actor,
    } = post;
    let lang = form.lang;
    let errors = match company_check::validate(lang, &mic, &stored.snapshot, &form.fields) {
        Ok(snapshot) => {
            let seen = form.field("seen");
            match companies::save(&app.db, &mic, stored.id, &snapshot, seen, &actor).await? {
                companies::Saved::Saved => return Ok(back(lang, &mic, &symbol, "company-saved")),
                companies::Saved::ChangedSince => {
                    let message = tr(lang, "partner-company-error-changed");
                    return Ok(answer_problem(&app, form, Problem::Refused(message)).await);
                }
            }
        }
        Err(errors) => errors,
    };
    // Field names like `revenue.2024` are made at run time, which `Problem::Fields` (static
    // names) cannot carry: the feedback is built here, as `handlers::upload` does.
    let count = errors.len();
    let Submission { parts, fields, .. } = form;
    let mut feedback = Feedback::with_values(fields);
    for (field, message) in errors {
        feedback.error(&field, message);
    }
    feedback.banner = Some(tr_args(
        lang,
        "partner-company-error-summary",
        &[("count", count.into())],
    ));
    Ok(refuse(&app, parts, feedback, StatusCode::UNPROCESSABLE_ENTITY).await)
}

/// `POST /{lang}/partner/companies/{symbol}/delist` (`DELISTED`): out of the zone, its data
/// kept; `POST /{lang}/partner/companies/{symbol}/relist` (not `DELISTED`): back in the zone.
/// One handler for both, as `companies::set_delisted` is one function for both.
pub async fn set_delisted<const DELISTED: bool>(
    State(app): State<AppState>,
    post: CompanyPost,
) -> Result<Response, Problem> {
    let (mic, symbol) = (&post.mic, &post.symbol);
    companies::set_delisted(&app.db, mic, post.stored.id, symbol, DELISTED, &post.actor).await?;
    let notice = if DELISTED {
        "company-delisted"
    } else {
        "company-relisted"
    };
    Ok(back(post.form.lang, mic, symbol, notice))
}
