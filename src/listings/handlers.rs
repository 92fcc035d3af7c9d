//! The partner's form posts: an upload (multipart, up to the upload limit), the decisions about
//! a batch, its commit and undo, the original files, and API tokens.

use super::IGNORE;
use super::apply;
use super::batches::{self, Decisions, Sender, Upload};
use super::mapping::Choices;
use super::progress;
use super::tokens;
use crate::i18n::{tr, tr_args};
use crate::platform::audit::Actor;
use crate::platform::rate_limit::allow;
use crate::security::ClientIp;
use crate::web::error::Problem;
use crate::web::form::Feedback;
use crate::web::state::AppState;
use crate::web::submit::{PageLang, Submission, answer_problem, refuse};
use crate::web::url::Page;
use crate::web::viewer::Viewer;
use axum::Extension;
use axum::extract::{FromRequest, Multipart, Path, Request, State};
use axum::response::{IntoResponse, Redirect, Response};
use http::{HeaderValue, StatusCode, header};
use serde::de::DeserializeOwned;

/// The signed-in viewer who maintains `asked` (a partner: its own exchange), as an actor.
fn maintainer(
    viewer: Option<&Viewer>,
    ip: &ClientIp,
    asked: Option<&str>,
) -> Result<(String, Actor), Problem> {
    let viewer = viewer.ok_or(Problem::SignInRequired)?;
    let mic = viewer
        .maintained_exchange(asked)
        .ok_or(Problem::Forbidden)?;
    Ok((
        mic,
        Actor::account(viewer.account_id, &viewer.email, ip.text()),
    ))
}

/// `POST /{lang}/partner/imports`: keeps the uploaded file(s) as a batch and shows its preview.
pub async fn upload(
    State(app): State<AppState>,
    PageLang(lang): PageLang,
    Extension(ip): Extension<ClientIp>,
    viewer: Option<Extension<Viewer>>,
    request: Request,
) -> Result<Response, Problem> {
    // Who may upload at all is settled before the body is read.
    let viewer = viewer.map(|Extension(v)| v);
    match &viewer {
        None => return Err(Problem::SignInRequired),
        Some(v) if !(v.is_partner() || v.is_operator()) => return Err(Problem::Forbidden),
        Some(_) => {}
    }
    let (parts, body) = request.into_parts();
    let wants_progress = parts
        .headers
        .get(header::ACCEPT)
        .is_some_and(|v| v.as_bytes().starts_with(progress::MEDIA_TYPE.as_bytes()));
    let again = parts.clone();
    let multipart = match Multipart::from_request(Request::from_parts(parts, body), &app).await {
        Ok(m) => m,
        // Axum's own answer to a body that is not multipart (its status says why).
        Err(rejection) => return Ok(rejection.into_response()),
    };
    let form = read_upload(multipart).await?;
    let (mic, actor) = maintainer(viewer.as_ref(), &ip, form.exchange.as_deref())?;
    let refused = |message: String| {
        let mut feedback = Feedback::default();
        feedback.banner = Some(message);
        refuse(
            &app,
            again.clone(),
            feedback,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
    };
    if form.files.is_empty() {
        return Ok(refused(tr(lang, "import-error-no-file")).await);
    }
    // Too large is refused before anything is stored.
    let limit = super::read::limits().max_bytes;
    if form.files.iter().any(|(_, bytes)| bytes.len() > limit) {
        let mb = (limit / (1024 * 1024)).into();
        return Ok(refused(tr_args(lang, "import-unreadable-too-large", &[("mb", mb)])).await);
    }
    let key = format!("import:account:{}", actor.id.unwrap_or_default());
    if !allow(&app.db, &key, app.protection.limits.imports_per_account).await? {
        return Ok(refused(tr(lang, "error-rate-limited")).await);
    }
    let sender = Sender {
        exchange_mic: &mic,
        actor: &actor,
        channel: "web",
    };
    let upload = Upload {
        files: form.files,
        full_list: form.full_list,
        decisions: Decisions {
            encoding: form.encoding,
            columns: Choices::default(),
        },
    };
    let id = batches::create(&app.db, &sender, upload).await?;
    let location = Page::PartnerImport { id }.url(lang);
    // The upload's island shows the reading's progress, then goes to the preview itself.
    if wants_progress {
        let batch = batches::find(&app.db, id, None)
            .await?
            .ok_or(Problem::NotFound)?;
        return Ok(progress::answer(app.db.clone(), batch, lang, location));
    }
    Ok(Redirect::to(&location).into_response())
}

/// What the upload form sends.
#[derive(Default)]
struct UploadForm {
    files: Vec<(String, Vec<u8>)>,
    exchange: Option<String>,
    encoding: Option<String>,
    full_list: bool,
}

async fn read_upload(mut multipart: Multipart) -> Result<UploadForm, Problem> {
    let mut form = UploadForm::default();
    let (mut companies, mut financials) = (None, None);
    let bad = |_| Problem::Refused("multipart".into());
    while let Some(field) = multipart.next_field().await.map_err(bad)? {
        let name = field.name().unwrap_or_default().to_owned();
        let file_name = field.file_name().unwrap_or("upload").to_owned();
        let bytes = field.bytes().await.map_err(bad)?;
        let text = || String::from_utf8_lossy(&bytes).trim().to_owned();
        // One file of each kind: the limits on rows and text hold per file.
        let file = |slot: &mut Option<(String, Vec<u8>)>| match slot {
            Some(_) => Err(Problem::Refused("multipart".into())),
            None => {
                *slot = Some((file_name.clone(), bytes.to_vec()));
                Ok(())
            }
        };
        match name.as_str() {
            "file" if !bytes.is_empty() => file(&mut companies)?,
            "financials" if !bytes.is_empty() => file(&mut financials)?,
            "exchange" => form.exchange = Some(text()).filter(|t| !t.is_empty()),
            "encoding" => form.encoding = Some(text()).filter(|t| !t.is_empty()),
            "full_list" => form.full_list = text() == "on",
            _ => {}
        }
    }
    // The companies first, whatever order the browser sends the parts in.
    form.files = companies.into_iter().chain(financials).collect();
    Ok(form)
}

/// A partner or an operator, before anything is looked up: to anyone else every batch is
/// the same refusal, whether it exists or not.
fn maintainer_kind(viewer: Option<&Viewer>) -> Result<&Viewer, Problem> {
    match viewer {
        None => Err(Problem::SignInRequired),
        Some(v) if v.is_partner() || v.is_operator() => Ok(v),
        Some(_) => Err(Problem::Forbidden),
    }
}

/// A form post, and the key in its path after the page language: a batch's id, a company's
/// symbol.
pub(super) async fn form_and_key<T: DeserializeOwned + Send>(
    request: Request,
    app: &AppState,
) -> Result<(Submission, T), Response> {
    let mut form = Submission::from_request(request, app).await?;
    let Path((_, key)) = form.extract::<Path<(String, T)>, _>(app).await?;
    Ok((form, key))
}

/// A form post about one batch, checked to be of an exchange the viewer maintains.
pub struct BatchPost {
    form: Submission,
    batch: super::entity::batch::Model,
    actor: Actor,
}

impl FromRequest<AppState> for BatchPost {
    type Rejection = Response;

    async fn from_request(request: Request, app: &AppState) -> Result<Self, Response> {
        let (form, id) = form_and_key::<i32>(request, app).await?;
        let (batch, actor) = batch_of(app, &form, id)
            .await
            .map_err(IntoResponse::into_response)?;
        Ok(Self { form, batch, actor })
    }
}

async fn batch_of(
    app: &AppState,
    form: &Submission,
    id: i32,
) -> Result<(super::entity::batch::Model, Actor), Problem> {
    let viewer = maintainer_kind(form.viewer())?;
    let batch = batches::find(&app.db, id, None)
        .await?
        .ok_or(Problem::NotFound)?;
    let mic = viewer
        .maintained_exchange(Some(&batch.exchange_mic))
        .ok_or(Problem::Forbidden)?;
    if mic != batch.exchange_mic {
        // Another exchange's batch does not exist, as far as a partner can tell.
        return Err(Problem::NotFound);
    }
    Ok((batch, form.actor()?))
}

/// `POST /{lang}/partner/imports/{id}/decide`: an encoding, and fields for unknown columns.
pub async fn decide(State(app): State<AppState>, post: BatchPost) -> Result<Response, Problem> {
    let BatchPost { form, batch, actor } = post;
    let (lang, id) = (form.lang, batch.id);
    // Decisions are about a file not yet applied; and a form has as many columns as a file.
    if batch.status != "preview" {
        return Err(Problem::Refused(tr(lang, "import-error-not-preview")));
    }
    let mut decisions = Decisions::default();
    for (name, value) in form.fields.iter().take(super::read::MAX_COLUMNS + 1) {
        if name == "encoding" && !value.is_empty() {
            decisions.encoding = Some(value.chars().take(40).collect());
        } else if let Some(header) = name.strip_prefix("column:") {
            let known = value == IGNORE || super::columns::Field::from_key(value).is_some();
            if known && header.len() <= 200 {
                decisions.columns.0.insert(header.to_owned(), value.clone());
            }
        }
    }
    if decisions.encoding.is_none() {
        decisions.encoding = batches::decisions(&batch).encoding;
    }
    batches::decide(&app.db, &batch, decisions, &actor).await?;
    Ok(Redirect::to(&Page::PartnerImport { id }.url(lang)).into_response())
}

/// `POST /{lang}/partner/imports/{id}/commit` (not `UNDO`) and
/// `POST /{lang}/partner/imports/{id}/undo` (`UNDO`): each in one transaction, then back to the
/// batch's page.
pub async fn commit_or_undo<const UNDO: bool>(
    State(app): State<AppState>,
    post: BatchPost,
) -> Response {
    let BatchPost { form, batch, actor } = post;
    let (lang, id) = (form.lang, batch.id);
    let result = if UNDO {
        apply::undo(&app.db, id, &actor, lang).await
    } else {
        apply::commit(&app.db, id, &actor, lang).await.map(|_| ())
    };
    let notice = if UNDO {
        "import-undone"
    } else {
        "import-committed"
    };
    back_to_batch(&app, form, id, result, notice).await
}

/// To the batch's page with `notice`, or the batch's page again with the reason.
async fn back_to_batch(
    app: &AppState,
    mut form: Submission,
    id: i32,
    result: Result<(), Problem>,
    notice: &str,
) -> Response {
    let page = Page::PartnerImport { id };
    match result {
        Ok(()) => Redirect::to(&page.url_with(form.lang, &[("notice", notice)])).into_response(),
        Err(problem @ (Problem::Refused(_) | Problem::Fields(_))) => {
            form.parts.uri = page
                .url(form.lang)
                .parse()
                .expect("a batch path is a valid URI");
            answer_problem(app, form, problem).await
        }
        Err(other) => other.into_response(),
    }
}

/// `GET /{lang}/partner/imports/{id}/files/{part}`: the file as uploaded, as a download.
pub async fn original(
    State(app): State<AppState>,
    Extension(ip): Extension<ClientIp>,
    viewer: Option<Extension<Viewer>>,
    Path((_, id, part)): Path<(String, i32, i16)>,
) -> Result<Response, Problem> {
    let viewer = viewer.map(|Extension(v)| v);
    maintainer_kind(viewer.as_ref())?;
    let batch = batches::find(&app.db, id, None)
        .await?
        .ok_or(Problem::NotFound)?;
    let (mic, _) = maintainer(viewer.as_ref(), &ip, Some(&batch.exchange_mic))?;
    if mic != batch.exchange_mic {
        return Err(Problem::NotFound);
    }
    let file = batches::file(&app.db, id, part)
        .await?
        .ok_or(Problem::NotFound)?;
    let disposition = format!(
        "attachment; filename=\"batch-{id}-{part}\"; filename*=UTF-8''{}",
        crate::ui::url::encode_component(&file.file_name)
    );
    let mut response = file.bytes.into_response();
    let headers = response.headers_mut();
    // Never rendered by the browser: a partner's file is data, whatever it contains.
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/octet-stream"),
    );
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    Ok(response)
}

/// The owner of API tokens, as an actor. Tokens are a partner's own: 401 for nobody, 403 for
/// anyone else, and for a partner bound to no exchange.
fn token_owner(
    viewer: Option<Extension<Viewer>>,
    ip: &ClientIp,
) -> Result<(Viewer, Actor), Problem> {
    let viewer = match viewer {
        None => return Err(Problem::SignInRequired),
        Some(Extension(v)) if v.is_partner() => v,
        Some(_) => return Err(Problem::Forbidden),
    };
    let (_, actor) = maintainer(Some(&viewer), ip, None)?;
    Ok((viewer, actor))
}

/// `POST /{lang}/partner/tokens`: a new API token, shown once on the workspace page.
pub async fn create_token(
    State(app): State<AppState>,
    viewer: Option<Extension<Viewer>>,
    form: Submission,
) -> Result<Response, Problem> {
    let lang = form.lang;
    let (viewer, actor) = token_owner(viewer, &form.ip)?;
    let name = form.field("name");
    let Some(token) = tokens::create(&app.db, viewer.account_id, name, &actor).await? else {
        let message = tr_args(
            lang,
            "token-too-many",
            &[("max", tokens::MAX_ACTIVE.into())],
        );
        return Ok(answer_problem(&app, form, Problem::Refused(message)).await);
    };
    // Rendered, not redirected to: the token must not travel in a URL.
    let feedback = Feedback::with_values([("new_token".to_owned(), token)]);
    let mut parts = form.parts;
    parts.uri = Page::Partner
        .url(lang)
        .parse()
        .expect("the workspace path is a valid URI");
    Ok(refuse(&app, parts, feedback, StatusCode::OK).await)
}

/// `POST /{lang}/partner/tokens/{id}/revoke`
pub async fn revoke_token(
    State(app): State<AppState>,
    viewer: Option<Extension<Viewer>>,
    Path((_, id)): Path<(String, i32)>,
    form: Submission,
) -> Result<Response, Problem> {
    let (viewer, actor) = token_owner(viewer, &form.ip)?;
    if !tokens::revoke(&app.db, viewer.account_id, id, &actor).await? {
        return Err(Problem::NotFound);
    }
    let back = Page::Partner.url_with(form.lang, &[("notice", "token-revoked")]);
    Ok(Redirect::to(&back).into_response())
}
