//! HTTP helpers of the accounts and security suites: the app as a browser reaches it, form
//! posts from our own pages, and accounts made through the library.

use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use leptos::prelude::LeptosOptions;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use tower::ServiceExt;
use vnext::accounts::Role;
use vnext::accounts::entity::account;
use vnext::accounts::server::{self, Decision, Registration};
use vnext::accounts::uscc::check_character_for;
use vnext::i18n::Lang;
use vnext::platform::audit::Actor;
use vnext::platform::entity::outbox;
use vnext::serve::{Settings, Site};
use vnext::ui::url::encode_component;

pub const PASSWORD: &str = "Penang palm oil partners 2026";
/// The tests' site is served over HTTPS, so its session cookie has the `__Host-` name.
pub const COOKIE: &str = vnext::web::cookies::SECURE_COOKIE_NAME;

pub fn settings() -> Settings {
    Settings::new("https://zone.example")
}

pub fn app_with(db: DatabaseConnection, settings: Settings) -> Site {
    let options = LeptosOptions::builder()
        .output_name("vnext")
        .site_root("target/site")
        .build();
    vnext::serve::app(options, db, settings)
}

pub fn app_on(db: DatabaseConnection) -> Site {
    app_with(db, settings())
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Reply {
    pub fn location(&self) -> &str {
        self.headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
    }

    /// The session token this response sets, if any.
    pub fn session(&self) -> Option<String> {
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find_map(|v| v.strip_prefix(&format!("{COOKIE}=")))
            .map(|v| v.split(';').next().unwrap_or_default().to_owned())
            .filter(|v| !v.is_empty())
    }
}

pub async fn send(app: &Site, request: Request<Body>) -> Reply {
    let response = app.clone().oneshot(request).await.unwrap();
    let (status, headers) = (response.status(), response.headers().clone());
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap();
    Reply {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

pub fn form_body(fields: &[(&str, &str)]) -> String {
    fields
        .iter()
        .map(|(k, v)| format!("{}={}", encode_component(k), encode_component(v)))
        .collect::<Vec<_>>()
        .join("&")
}

pub async fn get(app: &Site, uri: &str, session: Option<&str>) -> Reply {
    let mut request = Request::get(uri);
    if let Some(token) = session {
        request = request.header(header::COOKIE, format!("{COOKIE}={token}"));
    }
    send(app, request.body(Body::empty()).unwrap()).await
}

/// A form post from one of our own pages (the browser says `Sec-Fetch-Site: same-origin`).
pub async fn post(app: &Site, uri: &str, session: Option<&str>, fields: &[(&str, &str)]) -> Reply {
    let mut request = Request::post(uri)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header("sec-fetch-site", "same-origin");
    if let Some(token) = session {
        request = request.header(header::COOKIE, format!("{COOKIE}={token}"));
    }
    send(app, request.body(Body::from(form_body(fields))).unwrap()).await
}

/// The change-password form, posted by the holder of `session`.
pub async fn change_password(app: &Site, session: &str, current: &str, new: &str) -> Reply {
    let fields = [
        ("current_password", current),
        ("password", new),
        ("password_confirm", new),
    ];
    post(app, "/en/account/password", Some(session), &fields).await
}

/// A sign-in form post in `lang`.
pub async fn attempt_sign_in(app: &Site, lang: &str, email: &str, password: &str) -> Reply {
    let uri = format!("/{lang}/login");
    post(app, &uri, None, &[("email", email), ("password", password)]).await
}

pub async fn sign_in(app: &Site, email: &str, password: &str) -> String {
    let reply = attempt_sign_in(app, "en", email, password).await;
    assert_eq!(
        reply.status,
        StatusCode::SEE_OTHER,
        "{email}: {}",
        reply.body
    );
    reply.session().expect("a session cookie")
}

/// A valid credit code: 17 characters from `seed`, completed with their check character.
pub fn uscc(seed: u32) -> String {
    let prefix = format!("91440300MA5F{seed:05}");
    format!("{prefix}{}", check_character_for(&prefix).unwrap())
}

pub fn registration(name: &str, seed: u32, email: &str) -> Registration {
    Registration {
        name_zh: name.into(),
        name_en: String::new(),
        uscc: uscc(seed),
        kind: "sme".into(),
        industry: "technology".into(),
        region: String::new(),
        contact_name: "王芳".into(),
        email: email.into(),
        phone: "+86 755 1234 5678".into(),
        password: PASSWORD.into(),
        password_confirm: PASSWORD.into(),
        terms: true,
    }
}

pub fn registration_form(r: &Registration) -> Vec<(&'static str, String)> {
    vec![
        ("name_zh", r.name_zh.clone()),
        ("name_en", r.name_en.clone()),
        ("uscc", r.uscc.clone()),
        ("kind", r.kind.clone()),
        ("industry", r.industry.clone()),
        ("region", r.region.clone()),
        ("contact_name", r.contact_name.clone()),
        ("email", r.email.clone()),
        ("phone", r.phone.clone()),
        ("password", r.password.clone()),
        ("password_confirm", r.password_confirm.clone()),
        ("terms", "on".into()),
    ]
}

pub async fn post_owned(
    app: &Site,
    uri: &str,
    session: Option<&str>,
    fields: &[(&'static str, String)],
) -> Reply {
    let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    post(app, uri, session, &borrowed).await
}

/// An enterprise registered through the library and, when `verify`, verified by the CLI actor.
pub async fn enterprise(
    db: &DatabaseConnection,
    name: &str,
    seed: u32,
    email: &str,
    verify: bool,
) -> i32 {
    let actor = Actor::cli();
    let saved = server::register(db, Lang::Zh, &registration(name, seed, email), &actor)
        .await
        .unwrap();
    if verify {
        server::decide(db, Lang::En, saved.id, Decision::Verify, &actor)
            .await
            .unwrap();
    }
    saved.id
}

pub async fn staff(
    db: &DatabaseConnection,
    role: Role,
    email: &str,
    exchange: Option<&str>,
) -> i32 {
    server::create_staff(db, Lang::En, role, email, PASSWORD, exchange, &Actor::cli())
        .await
        .unwrap()
        .id
}

/// Company `symbol` of exchange `mic`, as stored.
pub async fn stored(
    db: &DatabaseConnection,
    mic: &str,
    symbol: &str,
) -> vnext::zone::entity::company::Model {
    use vnext::zone::entity::company;
    company::Entity::find()
        .filter(company::Column::ExchangeMic.eq(mic))
        .filter(company::Column::Symbol.eq(symbol))
        .one(db)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("{mic} {symbol} is stored"))
}

pub async fn listed_symbol(db: &DatabaseConnection, mic: &str) -> String {
    use vnext::zone::entity::company;
    company::Entity::find()
        .filter(company::Column::ExchangeMic.eq(mic))
        .order_by_asc(company::Column::Id)
        .one(db)
        .await
        .unwrap()
        .expect("a demo company on the exchange")
        .symbol
}

pub async fn mails_to(db: &DatabaseConnection, email: &str) -> Vec<outbox::Model> {
    outbox::Entity::find()
        .filter(outbox::Column::Recipient.eq(email))
        .order_by_asc(outbox::Column::Id)
        .all(db)
        .await
        .unwrap()
}

pub async fn status_of(db: &DatabaseConnection, id: i32) -> String {
    account::Entity::find_by_id(id)
        .one(db)
        .await
        .unwrap()
        .unwrap()
        .status
}

/// Whether `token` no longer opens the account page.
pub async fn signed_out(app: &Site, token: &str) -> bool {
    is_sign_in_redirect(&get(app, "/en/account", Some(token)).await)
}

pub fn is_sign_in_redirect(reply: &Reply) -> bool {
    reply.status == StatusCode::FOUND && reply.location().starts_with("/en/login?next=")
}

/// The single-use link in the newest email to `email`.
pub async fn reset_token(db: &DatabaseConnection, email: &str) -> String {
    let mail = mails_to(db, email).await.pop().expect("a reset email");
    mail.body
        .split("token=")
        .nth(1)
        .expect("a link with a token")
        .chars()
        .take_while(char::is_ascii_hexdigit)
        .collect()
}

/// Accounts other than the demo's enterprises (which have `@demo.example` addresses).
pub async fn accounts_made(db: &DatabaseConnection) -> u64 {
    use sea_orm::PaginatorTrait;
    account::Entity::find()
        .filter(account::Column::Email.not_like("%@demo.example"))
        .count(db)
        .await
        .unwrap()
}
