//! V-Next Zone: one crate, compiled twice — `ssr` for the server, `hydrate` for the browser.
#![recursion_limit = "256"]

pub mod accounts;
pub mod admin;
pub mod app;
pub mod home;
pub mod i18n;
pub mod listings;
pub mod matchmaking;
pub mod readiness;
pub mod ui;
pub mod web;
pub mod zone;

cfg_if::cfg_if! {
    if #[cfg(feature = "ssr")] {
        pub mod config;
        pub mod db;
        pub mod demo;
        pub mod listener;
        pub mod platform;
        pub mod security;
        pub mod seo;
        pub mod serve;
    }
}

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    // Readable panics while developing; release builds abort and keep the bundle small.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    #[cfg(feature = "islands")]
    leptos::mount::hydrate_islands();
    #[cfg(not(feature = "islands"))]
    leptos::mount::hydrate_body(app::App);
}
