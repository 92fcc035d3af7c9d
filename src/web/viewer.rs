//! Who is asking: the signed-in account behind a request, with its role and status. The session
//! middleware puts it into the request; pages, server functions and handlers read it here.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    Enterprise,
    /// Bound to one exchange (its MIC): maintains that exchange's listings.
    Partner,
    Operator,
}

impl Role {
    pub fn code(self) -> &'static str {
        match self {
            Role::Enterprise => "enterprise",
            Role::Partner => "partner",
            Role::Operator => "operator",
        }
    }

    pub fn from_code(code: &str) -> Option<Role> {
        [Role::Enterprise, Role::Partner, Role::Operator]
            .into_iter()
            .find(|r| r.code() == code)
    }
}

/// Where an account is in its life: enterprises start `Pending` until an operator verifies or
/// rejects them; any account can be suspended (a disabled partner is a suspended one).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    Pending,
    Verified,
    Rejected,
    Suspended,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Verified => "verified",
            Status::Rejected => "rejected",
            Status::Suspended => "suspended",
        }
    }

    pub fn from_code(code: &str) -> Option<Status> {
        [
            Status::Pending,
            Status::Verified,
            Status::Rejected,
            Status::Suspended,
        ]
        .into_iter()
        .find(|s| s.code() == code)
    }
}

/// Who is asking: the signed-in account behind the request's session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Viewer {
    pub account_id: i32,
    pub email: String,
    pub role: Role,
    pub status: Status,
    /// The exchange of a partner account.
    pub exchange_mic: Option<String>,
    /// Signed in with a password someone else chose: nothing but choosing one's own is allowed.
    pub must_change_password: bool,
}

impl Viewer {
    pub fn is_operator(&self) -> bool {
        self.role == Role::Operator && self.status == Status::Verified
    }

    /// A verified domestic enterprise.
    pub fn is_verified_enterprise(&self) -> bool {
        self.role == Role::Enterprise && self.status == Status::Verified
    }

    /// A verified partner account bound to its exchange.
    pub fn is_partner(&self) -> bool {
        self.role == Role::Partner && self.status == Status::Verified && self.exchange_mic.is_some()
    }

    /// The exchange whose listings this viewer maintains: a verified partner its own, a verified
    /// operator the one it asks for. `None`: none.
    pub fn maintained_exchange(&self, asked: Option<&str>) -> Option<String> {
        match (self.role, self.status) {
            (Role::Partner, Status::Verified) => self.exchange_mic.clone(),
            (Role::Operator, Status::Verified) => asked.map(str::to_owned),
            _ => None,
        }
    }

    /// The liaison desk of an exchange's companies is for verified enterprises, operators and
    /// that exchange's own partner accounts.
    pub fn may_see_liaison(&self, mic: &str) -> bool {
        self.status == Status::Verified
            && match self.role {
                Role::Operator | Role::Enterprise => true,
                Role::Partner => self.exchange_mic.as_deref() == Some(mic),
            }
    }
}

/// The signed-in account of the request being rendered. Only the server knows it; pages that
/// depend on it are rendered there.
pub fn use_viewer() -> Option<Viewer> {
    #[cfg(feature = "ssr")]
    {
        leptos::prelude::use_context::<http::request::Parts>()
            .and_then(|parts| parts.extensions.get::<Viewer>().cloned())
    }
    #[cfg(not(feature = "ssr"))]
    {
        None
    }
}

/// Runs `read` on the database for the signed-in account of a server function: 401 for nobody,
/// and what `read` refuses or fails at answered as [`Problem`](super::error::Problem) says.
#[cfg(feature = "ssr")]
pub async fn for_signed_in<T, E, Fut>(
    read: impl FnOnce(sea_orm::DatabaseConnection, Viewer) -> Fut,
) -> Result<T, leptos::prelude::ServerFnError>
where
    Fut: Future<Output = Result<T, E>>,
    E: Into<super::error::Problem>,
{
    let viewer = use_viewer().ok_or(super::error::Problem::SignInRequired)?;
    let db = crate::db::use_db()?;
    read(db, viewer).await.map_err(|e| e.into().into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn viewer(role: Role, status: Status, mic: Option<&str>) -> Viewer {
        Viewer {
            account_id: 1,
            email: "a@example.com".into(),
            role,
            status,
            exchange_mic: mic.map(str::to_owned),
            must_change_password: false,
        }
    }

    #[test]
    fn liaison_is_for_verified_enterprises_operators_and_the_own_exchange() {
        assert!(viewer(Role::Enterprise, Status::Verified, None).may_see_liaison("XKLS"));
        assert!(!viewer(Role::Enterprise, Status::Pending, None).may_see_liaison("XKLS"));
        assert!(!viewer(Role::Enterprise, Status::Suspended, None).may_see_liaison("XKLS"));
        assert!(viewer(Role::Operator, Status::Verified, None).may_see_liaison("XBKK"));
        let kl = viewer(Role::Partner, Status::Verified, Some("XKLS"));
        assert!(kl.may_see_liaison("XKLS") && !kl.may_see_liaison("XBKK"));
    }

    #[test]
    fn codes_round_trip() {
        for role in [Role::Enterprise, Role::Partner, Role::Operator] {
            assert_eq!(Role::from_code(role.code()), Some(role));
        }
        for status in [
            Status::Pending,
            Status::Verified,
            Status::Rejected,
            Status::Suspended,
        ] {
            assert_eq!(Status::from_code(status.code()), Some(status));
        }
    }
}
