//! Who may call a handler, as extractors: each one answers 401 when nobody is signed in and 403
//! when someone else is, so a handler that takes one cannot run for the wrong role.

use super::viewer::{Role, Status, Viewer};
use crate::platform::audit::Actor;
use crate::security::ClientIp;
use axum::extract::FromRequestParts;
use http::StatusCode;
use http::request::Parts;

/// The signed-in viewer of a request and the actor it is for the audit log, if `allowed`.
fn viewer_who(
    parts: &Parts,
    allowed: impl Fn(&Viewer) -> bool,
) -> Result<(Viewer, Actor), StatusCode> {
    let ip = parts.extensions.get::<ClientIp>().and_then(ClientIp::text);
    match parts.extensions.get::<Viewer>() {
        Some(v) if allowed(v) => Ok((v.clone(), Actor::account(v.account_id, &v.email, ip))),
        Some(_) => Err(StatusCode::FORBIDDEN),
        None => Err(StatusCode::UNAUTHORIZED),
    }
}

/// A verified operator behind the request, as the actor of what it does; 401 or 403 otherwise.
pub struct Operator(pub Actor);

impl<S: Send + Sync> FromRequestParts<S> for Operator {
    type Rejection = StatusCode;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        viewer_who(parts, Viewer::is_operator).map(|(_, actor)| Operator(actor))
    }
}

/// A verified domestic enterprise behind the request.
pub struct Enterprise {
    pub viewer: Viewer,
    pub actor: Actor,
}

impl<S: Send + Sync> FromRequestParts<S> for Enterprise {
    type Rejection = StatusCode;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        viewer_who(parts, |v| {
            v.role == Role::Enterprise && v.status == Status::Verified
        })
        .map(|(viewer, actor)| Enterprise { viewer, actor })
    }
}

/// A partner desk behind the request, bound to the exchange it speaks for.
pub struct Partner {
    pub exchange_mic: String,
    pub actor: Actor,
}

impl<S: Send + Sync> FromRequestParts<S> for Partner {
    type Rejection = StatusCode;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let (viewer, actor) = viewer_who(parts, |v| {
            v.role == Role::Partner && v.status == Status::Verified && v.exchange_mic.is_some()
        })?;
        Ok(Partner {
            exchange_mic: viewer.exchange_mic.unwrap_or_default(),
            actor,
        })
    }
}
