//! Sessions in the database, so any app instance behind a load balancer can serve any request.
//! The cookie carries a random token; the table keeps only its SHA-256.

use super::entity::{account, session};
use super::{Role, Status, Viewer};
use crate::i18n::lang_of_path;
use crate::platform::tokens::{digest, new_token};
use crate::web::cookies::{SessionPolicy, clear_cookie, token_of};
use crate::web::url::Page;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{DateTime, Duration, Utc};
use http::header::{CACHE_CONTROL, SET_COOKIE};
use http::{HeaderValue, Method};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr,
    EntityTrait, QueryFilter, QueryOrder,
};
use std::sync::Arc;

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
    let Some(viewer) = viewer_by_id(db, found.account_id).await? else {
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

/// The viewer account `account_id` signs in as: none if the account is gone or may not sign in.
pub async fn viewer_by_id(
    db: &impl ConnectionTrait,
    account_id: i32,
) -> Result<Option<Viewer>, DbErr> {
    let account = account::Entity::find_by_id(account_id).one(db).await?;
    Ok(account.as_ref().and_then(viewer_of))
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
        must_change_password: account.must_change_password,
    })
}

/// The signed-in request's own session, as stored (the digest of its token): the account
/// page marks it among the account's sessions.
#[derive(Clone, Debug)]
pub struct CurrentSession(pub String);

/// The sessions of an account, most recently used first.
pub async fn list(
    db: &impl ConnectionTrait,
    account_id: i32,
) -> Result<Vec<session::Model>, DbErr> {
    session::Entity::find()
        .filter(session::Column::AccountId.eq(account_id))
        .order_by_desc(session::Column::LastSeenAt)
        .all(db)
        .await
}

/// Where an account that must choose its own password may still go: the form that sets it,
/// and signing out.
fn allowed_before_own_password(path: &str) -> bool {
    let rest = path.split_once('/').map_or("", |(_, r)| r);
    let rest = rest.split_once('/').map_or("", |(_, r)| r);
    lang_of_path(path).is_some() && matches!(rest, "account/password" | "logout")
}

/// What a signed-in request sees is its own: no shared cache, nor the browser's history after
/// signing out, may keep it.
fn no_store(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// Puts the request's [`Viewer`] into its extensions, where pages, server functions and form
/// handlers find it. A cookie naming no live session is cleared.
pub async fn attach_viewer(
    State((db, policy)): State<(DatabaseConnection, Arc<SessionPolicy>)>,
    mut request: Request,
    next: Next,
) -> Response {
    let Some(token) = token_of(request.headers(), &policy) else {
        return next.run(request).await;
    };
    match resolve(&db, &token, &policy, Utc::now()).await {
        Ok(Some(viewer)) => {
            let path = request.uri().path();
            if viewer.must_change_password && !allowed_before_own_password(path) {
                // Until then the account is nobody, except that its pages lead to the form.
                if let (Some(lang), &Method::GET) = (lang_of_path(path), request.method()) {
                    return Redirect::to(
                        &Page::AccountPassword.url_with(lang, &[("notice", "set-password")]),
                    )
                    .into_response();
                }
                return no_store(next.run(request).await);
            }
            request.extensions_mut().insert(viewer);
            request
                .extensions_mut()
                .insert(CurrentSession(digest(&token)));
            no_store(next.run(request).await)
        }
        Ok(None) => {
            let mut response = next.run(request).await;
            // A sign-in on this very request has already set a fresh cookie.
            let prefix = format!("{}=", policy.cookie_name());
            let renewed = response
                .headers()
                .get_all(SET_COOKIE)
                .iter()
                .any(|v| v.to_str().is_ok_and(|v| v.starts_with(&prefix)));
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
