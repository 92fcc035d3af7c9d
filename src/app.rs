//! The document shell, routes and the layout every page shares.

use crate::accounts::{AccountRoutes, use_viewer};
use crate::admin::AdminRoutes;
use crate::home::HomePage;
use crate::i18n::{Lang, LanguageSwitcher, switch_path, tr, use_lang};
use crate::listings::ListingRoutes;
use crate::matchmaking::MatchmakingRoutes;
use crate::readiness::ReadinessRoutes;
use crate::web::meta::query_suffix;
use crate::web::url::Page;
use crate::web::views::NotFound;
use crate::zone::ZoneRoutes;
use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::{
    SsrMode,
    components::{Outlet, ParentRoute, Route, Router, Routes},
    hooks::{use_location, use_params_map},
    path,
};

/// The document around every page; only the server renders it.
#[cfg(feature = "ssr")]
pub fn shell(options: LeptosOptions) -> impl IntoView {
    use crate::web::assets::stylesheet_href;
    use leptos_meta::MetaTags;
    content_security_policy();
    let lang = request_lang();
    let scripts = (!cfg!(feature = "islands") || has_islands(&request_path())).then(
        || view! { <HydrationScripts options=options.clone() islands=cfg!(feature = "islands") /> },
    );
    view! {
        <!DOCTYPE html>
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <link rel="stylesheet" id="leptos" href=stylesheet_href(&options) />
                <link rel="icon" type="image/svg+xml" href="/static/favicon.svg" />
                <AutoReload options=options.clone() />
                {scripts}
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// A fresh nonce for this response's scripts, and the policy that admits exactly them. Leptos
/// puts the nonce on every script it writes (hydration, resources).
#[cfg(feature = "ssr")]
fn content_security_policy() {
    leptos::nonce::provide_nonce();
    if let (Some(nonce), Some(response)) = (
        leptos::nonce::use_nonce(),
        use_context::<leptos_axum::ResponseOptions>(),
    ) && let Ok(value) = http::HeaderValue::from_str(&crate::security::page_csp(&nonce))
    {
        response.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
    }
}

/// The language of the request being rendered: its path, else (on the server) its cookie and
/// `Accept-Language` header, else English. Used where no `/:lang` route matched.
pub fn request_lang() -> Lang {
    #[cfg(feature = "ssr")]
    if let Some(parts) = use_context::<http::request::Parts>() {
        return crate::web::language::lang_of_request(&parts);
    }
    #[cfg(feature = "hydrate")]
    if let Some(lang) = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .and_then(|path| crate::i18n::lang_of_path(&path))
    {
        return lang;
    }
    Lang::DEFAULT
}

/// Whether the page at `path` contains an island: the directory, and the partner's workspace
/// (its upload's progress bar). Every other page is plain server-rendered HTML and loads no
/// JavaScript or WebAssembly at all.
pub fn has_islands(path: &str) -> bool {
    let mut segments = path.trim_matches('/').split('/');
    matches!(
        (
            segments.next().and_then(crate::i18n::Lang::from_code),
            segments.next(),
            segments.next()
        ),
        (Some(_), Some("zone" | "partner"), None)
    )
}

#[cfg(feature = "ssr")]
fn request_path() -> String {
    use_context::<http::request::Parts>()
        .map(|parts| parts.uri.path().to_owned())
        .unwrap_or_default()
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Router>
            <Routes fallback=|| {
                view! {
                    <Chrome lang=request_lang()>
                        <NotFound />
                    </Chrome>
                }
            }>
                <ParentRoute path=path!("/:lang") view=LangLayout ssr=SsrMode::Async>
                    <Route path=path!("") view=HomePage ssr=SsrMode::Async />
                    <ZoneRoutes />
                    <AccountRoutes />
                    <AdminRoutes />
                    <ListingRoutes />
                    <MatchmakingRoutes />
                    <ReadinessRoutes />
                </ParentRoute>
            </Routes>
        </Router>
    }
}

/// Everything under `/:lang`: an unknown language is a 404 like any unknown page.
#[component]
fn LangLayout() -> impl IntoView {
    let lang = use_params_map()
        .with_untracked(|p| p.get("lang"))
        .as_deref()
        .and_then(Lang::from_code);
    match lang {
        Some(lang) => view! {
            <Chrome lang>
                <Outlet />
            </Chrome>
        }
        .into_any(),
        None => view! {
            <Chrome lang=request_lang()>
                <NotFound />
            </Chrome>
        }
        .into_any(),
    }
}

/// Header, main and footer around a page, in `lang`.
#[component]
fn Chrome(lang: Lang, children: Children) -> impl IntoView {
    provide_context(lang);
    view! {
        <a class="skip-link" href="#main">{tr(lang, "nav-skip")}</a>
        <SiteHeader />
        <main id="main">{children()}</main>
        <SiteFooter />
    }
}

#[component]
fn SiteHeader() -> impl IntoView {
    let lang = use_lang();
    let location = use_location();
    let (path, search) = (
        location.pathname.get_untracked(),
        query_suffix(&location.search.get_untracked()),
    );
    let hrefs: Vec<(Lang, String)> = Lang::ALL
        .into_iter()
        .map(|l| (l, format!("{}{search}", switch_path(&path, l))))
        .collect();
    let home = Page::Home.url(lang);
    let zone = Page::Zone.url(lang);
    let demands = Page::Demands.url(lang);
    let current =
        |href: &str| (path.trim_end_matches('/') == href.trim_end_matches('/')).then_some("page");
    view! {
        <header class="site-header">
            <a class="brand" href=home.clone()>
                <span class="brand-mark" aria-hidden="true">"V"</span>
                <span>{tr(lang, "site-name")}</span>
            </a>
            <nav class="main-nav" aria-label=tr(lang, "nav-label")>
                <a href=home.clone() aria-current=current(&home)>{tr(lang, "nav-home")}</a>
                <a href=zone.clone() aria-current=current(&zone)>{tr(lang, "nav-zone")}</a>
                <a href=demands.clone() aria-current=current(&demands)>{tr(lang, "nav-demands")}</a>
            </nav>
            <AccountNav lang current=path.clone() />
            <LanguageSwitcher current=lang label=tr(lang, "nav-language") hrefs />
        </header>
    }
}

/// Sign in and register, or the account, the console and sign out.
#[component]
fn AccountNav(lang: Lang, current: String) -> impl IntoView {
    let link = |page: Page, key: &str| {
        let href = page.url(lang);
        let here = (current.trim_end_matches('/') == href).then_some("page");
        view! { <a href=href aria-current=here>{tr(lang, key)}</a> }
    };
    let nav = match use_viewer() {
        Some(viewer) => view! {
            {link(Page::Account, "nav-account")}
            {link(Page::Desk, "nav-desk")}
            {(viewer.is_verified_enterprise() || viewer.is_operator()).then(|| link(Page::Readiness, "nav-readiness"))}
            {viewer.is_operator().then(|| link(Page::Admin, "nav-admin"))}
            {viewer.is_partner().then(|| link(Page::Partner, "nav-partner"))}
            <form method="post" action=Page::Logout.url(lang) class="inline-form">
                <button type="submit" class="link-button">{tr(lang, "nav-logout")}</button>
            </form>
        }
        .into_any(),
        None => view! {
            {link(Page::Login, "nav-login")}
            {link(Page::Register, "nav-register")}
        }
        .into_any(),
    };
    view! { <nav class="account-nav" aria-label=tr(lang, "nav-account-label")>{nav}</nav> }
}

#[component]
fn SiteFooter() -> impl IntoView {
    let lang = use_lang();
    view! {
        <footer class="site-footer">
            <p>{tr(lang, "footer-about")}</p>
            <p class="fine-print">{tr(lang, "footer-fictional")}</p>
        </footer>
    }
}

#[cfg(test)]
mod tests {
    use super::has_islands;

    #[test]
    fn only_the_directory_and_the_workspace_load_the_bundle() {
        assert!(has_islands("/en/zone") && has_islands("/th/zone/"));
        assert!(has_islands("/ms/partner"));
        for path in [
            "/",
            "/en/",
            "/en/zone/XKLS/5000",
            "/xx/zone",
            "/en/zone/export.csv",
            "/en/partner/imports/3",
        ] {
            assert!(!has_islands(path), "{path}");
        }
    }
}
