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

/// One role's extractor: `admits` picks the viewers it lets through, `build` makes the value.
macro_rules! role_extractor {
    ($role:ty, $admits:expr, $build:expr) => {
        impl<S: Send + Sync> FromRequestParts<S> for $role {
            type Rejection = StatusCode;

            async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, StatusCode> {
                viewer_who(parts, $admits).map($build)
            }
        }
    };
}

/// A verified operator behind the request, as the actor of what it does; 401 or 403 otherwise.
pub struct Operator(pub Actor);

role_extractor!(Operator, Viewer::is_operator, |(_, actor)| Operator(actor));

/// A verified domestic enterprise behind the request.
pub struct Enterprise {
    pub viewer: Viewer,
    pub actor: Actor,
}

role_extractor!(
    Enterprise,
    |v: &Viewer| v.role == Role::Enterprise && v.status == Status::Verified,
    |(viewer, actor)| Enterprise { viewer, actor }
);

/// A partner desk behind the request, bound to the exchange it speaks for.
pub struct Partner {
    pub exchange_mic: String,
    pub actor: Actor,
}

role_extractor!(
    Partner,
    |v: &Viewer| v.role == Role::Partner
        && v.status == Status::Verified
        && v.exchange_mic.is_some(),
    |(viewer, actor): (Viewer, Actor)| Partner {
        exchange_mic: viewer.exchange_mic.unwrap_or_default(),
        actor,
    }
);
