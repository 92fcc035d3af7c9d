//! Request plumbing every feature shares: form components and what a refused form sends back
//! (`form`, both sides); on the server, the handlers' state, form posts, the error type and the
//! role extractors.

pub mod form;
pub mod meta;
pub mod url;
pub mod viewer;
pub mod views;

cfg_if::cfg_if! {
    if #[cfg(feature = "ssr")] {
        pub mod assets;
        pub mod cookies;
        pub mod encoding;
        pub mod error;
        pub mod language;
        pub mod origin;
        pub mod page_cache;
        pub mod roles;
        pub mod state;
        pub mod submit;
    }
}
