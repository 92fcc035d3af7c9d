//! Request plumbing every feature shares: form components and what a refused form sends back
//! (`form`, both sides); on the server, the handlers' state, form posts, the error type and the
//! role extractors.

pub mod form;
pub mod meta;
pub mod url;
pub mod viewer;
pub mod views;

#[cfg(feature = "ssr")]
pub mod cookies;
#[cfg(feature = "ssr")]
pub mod error;
#[cfg(feature = "ssr")]
pub mod language;
#[cfg(feature = "ssr")]
pub mod origin;
#[cfg(feature = "ssr")]
pub mod roles;
#[cfg(feature = "ssr")]
pub mod state;
#[cfg(feature = "ssr")]
pub mod submit;
