//! Sessions in the database, so any app instance behind a load balancer can serve any request.
//! The cookie carries a random token; the table keeps only its SHA-256.

use super::entity::{account, session};
use super::{Role, Status, Viewer};
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use chrono::{DateTime, Duration, Utc};
use http::HeaderValue;
use http::header::{COOKIE, SET_COOKIE};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr,
    EntityTrait, QueryFilter,
};
use sha2::{Digest, Sha256};
use std::sync::Arc;

pub const COOKIE_NAME: &str = "vnext_session";

/// How long sessions live, and how their cookie is marked.
#[derive(Clone, Debug)]
pub struct SessionPolicy {
    /// Signed out after this long without a request.
    pub idle: Duration,
    /// Signed out this long after signing in, however active.
    pub absolute: Duration,
    /// `Secure` on the cookie: set when the site is served over TLS.
    pub secure: bool,
}

impl Default for SessionPolicy {
    fn default() -> Self {
        SessionPolicy {
            idle: Duration::minutes(30),
            absolute: Duration::hours(12),
            secure: false,
        }
    }
}

/// A token of 256 random bits from the operating system's CSPRNG, hex-encoded.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the operating system's random source");
    hex(&bytes)
}

pub fn digest(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Starts a session for `account_id` and returns the cookie's token.
pub async fn create(
    db: &impl ConnectionTrait,
    account_id: i32,
    ip: Option<String>,
    user_agent: Option<String>,
) -> Result<String, DbErr> {
    let token = new_token();
    let now = Utc::now();
    session::ActiveModel {
        id: Set(digest(&token)),
        account_id: Set(account_id),
        created_at: Set(now),
        last_seen_at: Set(now),
        ip: Set(ip),
        user_agent: Set(user_agent.map(|ua| ua.chars().take(255).collect())),
    }
    .insert(db)
    .await?;
    Ok(token)
}

pub async fn destroy(db: &impl ConnectionTrait, token: &str) -> Result<(), DbErr> {
    session::Entity::delete_by_id(digest(token))
        .exec(db)
        .await?;
    Ok(())
}

/// Ends every session of an account but the one whose token is `keep`.
pub async fn destroy_all(
    db: &impl ConnectionTrait,
    account_id: i32,
    keep: Option<&str>,
) -> Result<(), DbErr> {
    let mut delete =
        session::Entity::delete_many().filter(session::Column::AccountId.eq(account_id));
    if let Some(keep) = keep {
        delete = delete.filter(session::Column::Id.ne(digest(keep)));
    }
    delete.exec(db).await?;
    Ok(())
}

/// The account behind `token`, if its session is alive and the account may be signed in.
/// Expired sessions are deleted on sight; live ones are touched at most once a minute.
pub async fn resolve(
    db: &impl ConnectionTrait,
    token: &str,
    policy: &SessionPolicy,
    now: DateTime<Utc>,
) -> Result<Option<Viewer>, DbErr> {
    let Some(found) = session::Entity::find_by_id(digest(token)).one(db).await? else {
        return Ok(None);
    };
    if now - found.last_seen_at > policy.idle || now - found.created_at > policy.absolute {
        session::Entity::delete_by_id(found.id).exec(db).await?;
        return Ok(None);
    }
    let Some(account) = account::Entity::find_by_id(found.account_id)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let Some(viewer) = viewer_of(&account) else {
        return Ok(None);
    };
    if now - found.last_seen_at > Duration::minutes(1) {
        session::ActiveModel {
            id: Set(found.id),
            last_seen_at: Set(now),
            ..Default::default()
        }
        .update(db)
        .await?;
    }
    Ok(Some(viewer))
}

/// The viewer an account signs in as; suspended accounts cannot sign in at all.
pub fn viewer_of(account: &account::Model) -> Option<Viewer> {
    let status = Status::from_code(&account.status)?;
    if status == Status::Suspended {
        return None;
    }
    Some(Viewer {
        account_id: account.id,
        email: account.email.clone(),
        role: Role::from_code(&account.role)?,
        status,
        exchange_mic: account.exchange_mic.clone(),
    })
}

/// The session token a request carries, if any.
pub fn token_of(headers: &http::HeaderMap) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE_NAME)
        .map(|(_, value)| value.to_owned())
        .filter(|v| v.len() == 64 && v.bytes().all(|b| b.is_ascii_hexdigit()))
}

pub fn set_cookie(token: &str, policy: &SessionPolicy) -> HeaderValue {
    let secure = if policy.secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{COOKIE_NAME}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{secure}",
        policy.absolute.num_seconds()
    ))
    .expect("a hex token is a valid header value")
}

pub fn clear_cookie(policy: &SessionPolicy) -> HeaderValue {
    let secure = if policy.secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{COOKIE_NAME}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}"
    ))
    .expect("a valid header value")
}

/// Puts the request's [`Viewer`] into its extensions, where pages, server functions and form
/// handlers find it. A cookie naming no live session is cleared.
pub async fn attach_viewer(
    State((db, policy)): State<(DatabaseConnection, Arc<SessionPolicy>)>,
    mut request: Request,
    next: Next,
) -> Response {
    let Some(token) = token_of(request.headers()) else {
        return next.run(request).await;
    };
    match resolve(&db, &token, &policy, Utc::now()).await {
        Ok(Some(viewer)) => {
            request.extensions_mut().insert(viewer);
            next.run(request).await
        }
        Ok(None) => {
            let mut response = next.run(request).await;
            // A sign-in on this very request has already set a fresh cookie.
            let renewed = response.headers().get_all(SET_COOKIE).iter().any(|v| {
                v.to_str()
                    .is_ok_and(|v| v.starts_with(&format!("{COOKIE_NAME}=")))
            });
            if !renewed {
                response
                    .headers_mut()
                    .append(SET_COOKIE, clear_cookie(&policy));
            }
            response
        }
        Err(err) => {
            tracing::error!(error = %err, "session lookup failed");
            next.run(request).await
        }
    }
}
